import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../sandbox/remote/publish.ts';
import { openBrowser } from '../support/browser.ts';
import type { Browser } from '../support/browser.ts';
import { ostreeAdminStatus } from '../support/ostree-status.ts';
import type { Spawned } from '../support/processes.ts';
import { inkRatio, inspectScreen, SHOTS_DIR, startWebApp } from '../support/e2e-app.ts';
import { tempDir } from '../support/temp-dir.ts';

const shots = SHOTS_DIR;
const NEW = '43.20260301.0';
/** Generous: two cores shared with Chromium, tsx, the daemon, dbus-daemon and ostree. */
const SLOW = 90_000;

/**
 * Runs in the page (a string: this file is type-checked without the DOM
 * library): records every distinct progress value (the progress bar's text,
 * the "… downloaded" and "… objects" lines) and every step the activity panel
 * shows while the transaction runs, so the test sees changes however briefly
 * they last.
 */
const RECORD_PROGRESS = `(() => {
  const seen = { progress: [], steps: [] };
  window.__progress = seen;
  const note = (list, value) => {
    if (value && list[list.length - 1] !== value && !list.includes(value)) list.push(value);
  };
  const scan = () => {
    for (const bar of document.querySelectorAll('[role="progressbar"]'))
      note(seen.progress, 'percent ' + bar.getAttribute('aria-valuetext'));
    for (const li of document.querySelectorAll('li'))
      if (/ downloaded$/.test(li.textContent)) note(seen.progress, 'bytes ' + li.textContent);
      else if (/ objects$/.test(li.textContent)) note(seen.progress, 'objects ' + li.textContent);
    for (const list of document.querySelectorAll('ol[aria-label="Steps"]'))
      for (const li of list.querySelectorAll('li')) note(seen.steps, li.textContent);
  };
  new MutationObserver(scan).observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true,
  });
  scan();
})()`;

/** The text of the row of package `name` in a package-diff list ("Added cowsay 3.8.4-1…"). */
function changeOf(list: Locator, name: string): Promise<string | null> {
  return list
    .getByRole('listitem')
    .filter({ has: list.page().getByText(name, { exact: true }) })
    .textContent({ timeout: 5_000 });
}

interface ProgressSeen {
  readonly progress: string[];
  readonly steps: string[];
}

/**
 * The update flow as a user clicks through it, in web mode on the sandbox:
 * a new version is published upstream, then Check → review the sheet →
 * Download and stage (watching the activity panel) → Apply now → the new
 * version is booted → Roll back → the old version is booted again.
 */
describe('update flow, web mode + sandbox, by clicking', () => {
  const dir = tempDir('e2e-flow');
  let app: Spawned;
  let url: string;
  let browser: Browser;
  let oldVersion: string;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    ({ app, url } = await startWebApp(dir.path));
    const status = ostreeAdminStatus(join(dir.path, 'sysroot'));
    oldVersion = status[0]!.version!;
    // The compose server releases a new version while the app runs. The
    // critical advisory is listed last so the sheet's ordering is what puts
    // it first. The padding makes the pull long enough to watch.
    await publish(dir.path, {
      version: NEW,
      upgrade: ['kernel-core-6.18.6-200.fc43'],
      add: ['cowsay-3.8.4-1.fc43.noarch'],
      remove: ['bootc'],
      advisories: ['FEDORA-2026-0302:low:cowsay', 'FEDORA-2026-0301:critical:kernel-core'],
      padFiles: 8000,
    });
    browser = await openBrowser({ width: 1280, height: 800 });
  });

  afterAll(async () => {
    await browser?.close();
    const code = await app?.stop();
    dir.remove();
    expect(code).toBe(0);
  });

  it('Check for updates finds the new version; the sheet lists the package changes and the critical advisory first', async () => {
    const { page } = browser;
    await page.goto(url);
    await page.getByRole('tab', { name: 'Updates' }).click();
    expect(oldVersion).not.toBe(NEW);
    await page.getByRole('button', { name: 'Check for updates' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Update available' }).count(), {
        timeout: SLOW,
      })
      .toBe(1);
    await expect.poll(() => page.getByRole('main').textContent()).toContain(NEW);

    await page.getByRole('button', { name: 'Review update' }).click();
    const sheet = page.getByRole('dialog', { name: `Update to ${NEW}` });
    await sheet.waitFor({ timeout: 30_000 });
    const changes = sheet.getByRole('list', { name: /^Package changes/ });
    await expect.poll(() => changeOf(changes, 'kernel-core')).toMatch(/^Upgraded/);
    await expect.poll(() => changeOf(changes, 'cowsay')).toMatch(/^Added/);
    await expect.poll(() => changeOf(changes, 'bootc')).toMatch(/^Removed/);
    expect(await sheet.getByRole('heading', { name: 'Advisories (2)' }).count()).toBe(1);
    const ids = await sheet.getByText(/^FEDORA-2026-030\d$/).allTextContents();
    expect(ids).toEqual(['FEDORA-2026-0301', 'FEDORA-2026-0302']);
    // The critical one is marked as such, in the first advisory.
    const firstAdvisory = await sheet
      .getByRole('listitem')
      .filter({ hasText: 'FEDORA-2026-0301' })
      .first()
      .textContent();
    expect(firstAdvisory).toContain('Critical');

    const file = join(shots, 'update-sheet.png');
    await page.screenshot({ path: file });
    expect(inkRatio(file)).toBeGreaterThan(0.05);

    // Keyboard: Escape closes the sheet.
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
  });

  it('fits 800 px in dark mode with the update available, without horizontal scrolling', async () => {
    const narrow = await openBrowser({ width: 800, height: 600, colorScheme: 'dark' });
    try {
      await narrow.page.goto(url);
      await narrow.page.getByRole('tab', { name: 'Updates' }).click();
      await expect
        .poll(() => narrow.page.getByRole('heading', { name: 'Update available' }).count(), {
          timeout: 30_000,
        })
        .toBe(1);
      const screen = await inspectScreen(narrow.page, join(shots, 'updates-800x600-dark.png'));
      expect(screen.overflow).toBe(0);
      expect(screen.ink).toBeGreaterThan(0.05);
    } finally {
      await narrow.close();
    }
  });

  it('Download and stage shows its steps and changing progress, then the update is staged', async () => {
    const { page } = browser;
    await page.evaluate(RECORD_PROGRESS);
    await page.getByRole('button', { name: 'Download and stage' }).click();

    // The activity panel: a region. While the pull runs it shows what has been
    // downloaded; its steps (checkout, staging) follow once the pull is done.
    const panel = page.getByRole('region').filter({ hasText: 'Started by this app' });
    const steps = panel.getByRole('list', { name: 'Steps' });
    const progress = panel
      .getByRole('progressbar')
      .or(panel.getByRole('listitem').filter({ hasText: / downloaded$/ }));
    await expect.poll(() => progress.count(), { timeout: SLOW, interval: 50 }).toBeGreaterThan(0);
    const file = join(shots, 'activity-panel.png');
    await panel.screenshot({ path: file });
    // Still no steps after the screenshot: it was taken while the pull ran.
    expect(await steps.count()).toBe(0);
    expect(await panel.getByText('Running', { exact: true }).count()).toBe(1);
    // One card, mostly its own background: less ink than a whole page, far more than none.
    expect(inkRatio(file)).toBeGreaterThan(0.015);

    await expect
      .poll(() => page.getByRole('heading', { name: 'Update staged — reboot to apply' }).count(), {
        timeout: SLOW,
      })
      .toBe(1);
    expect(await panel.getByText('Finished', { exact: true }).count()).toBe(1);
    const seen = await page.evaluate<ProgressSeen>('window.__progress');
    console.log('activity panel saw', JSON.stringify(seen));
    // Steps were shown in progress, and are all done now.
    expect(seen.steps.some((s) => s.endsWith('In progress'))).toBe(true);
    const done = await steps.getByRole('listitem').allTextContents();
    expect(done.length).toBeGreaterThan(0);
    for (const step of done) expect(step).toMatch(/Done$/);
    // At least two distinct values of the same kind: the number changed at least once.
    const kinds = ['percent ', 'bytes '].map(
      (kind) => seen.progress.filter((p) => p.startsWith(kind)).length,
    );
    expect(Math.max(...kinds)).toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => page.getByRole('main').textContent())
      .toContain(`${NEW} is ready and starts at the next boot.`);
  }, 180_000);

  it('Apply now, confirmed, boots the new version; the old one becomes the rollback', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Apply now' }).click();
    const confirm = page.getByRole('dialog', { name: 'Restart now?' });
    await confirm.waitFor({ timeout: 30_000 });
    expect(await confirm.textContent()).toContain(NEW);
    await confirm.getByRole('button', { name: 'Restart now' }).click();
    await expect.poll(() => confirm.count()).toBe(0);

    await page.getByRole('tab', { name: 'Deployments' }).click();
    const booted = page.getByRole('article').filter({ hasText: 'Booted' });
    const rollback = page.getByRole('article').filter({ hasText: 'Rollback' });
    await expect
      .poll(() => booted.getByRole('heading').allTextContents(), { timeout: SLOW })
      .toEqual([NEW]);
    await expect
      .poll(() => rollback.getByRole('heading').allTextContents(), { timeout: SLOW })
      .toEqual([oldVersion]);
    expect(ostreeAdminStatus(join(dir.path, 'sysroot'))[0]!.version).toBe(NEW);
  }, 180_000);

  it('Roll back (the dialog shows what changes), then restarting boots the old version', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Roll back…' }).click();
    const confirm = page.getByRole('dialog', { name: `Roll back to ${oldVersion}?` });
    await confirm.waitFor({ timeout: 30_000 });
    // Going back removes cowsay, brings bootc back and downgrades the kernel.
    const changes = confirm.getByRole('list', { name: /^Package changes/ });
    await expect.poll(() => changeOf(changes, 'cowsay'), { timeout: SLOW }).toMatch(/^Removed/);
    await expect.poll(() => changeOf(changes, 'bootc')).toMatch(/^Added/);
    await expect.poll(() => changeOf(changes, 'kernel-core')).toMatch(/^Downgraded/);
    await confirm.getByRole('button', { name: 'Roll back', exact: true }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'A rollback to' }).count(), {
        timeout: SLOW,
      })
      .toBe(1);

    const pending = page.getByRole('article').filter({ hasText: 'Pending — applies on reboot' });
    await expect
      .poll(() => pending.getByRole('heading').allTextContents(), { timeout: SLOW })
      .toEqual([oldVersion]);

    // Apply the rollback from the notice that announces it, like an update.
    await page
      .getByRole('status')
      .filter({ hasText: 'A rollback to' })
      .getByRole('button', { name: 'Apply now' })
      .click();
    const restart = page.getByRole('dialog', { name: 'Restart now?' });
    await restart.waitFor({ timeout: 30_000 });
    expect(await restart.textContent()).toContain(oldVersion);
    await restart.getByRole('button', { name: 'Restart now' }).click();

    const booted = page.getByRole('article').filter({ hasText: 'Booted' });
    const rollback = page.getByRole('article').filter({ hasText: 'Rollback' });
    await expect
      .poll(() => booted.getByRole('heading').allTextContents(), { timeout: SLOW })
      .toEqual([oldVersion]);
    await expect
      .poll(() => rollback.getByRole('heading').allTextContents(), { timeout: SLOW })
      .toEqual([NEW]);
    expect(ostreeAdminStatus(join(dir.path, 'sysroot'))[0]!.version).toBe(oldVersion);
  }, 180_000);
});
