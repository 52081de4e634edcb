import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { publish } from '../../sandbox/remote/publish.ts';
import { sandboxLayout } from '../../sandbox/sysroot/layout.ts';
import { rebootSandbox } from '../../sandbox/sysroot/sandbox-reboot.ts';
import { openBrowser } from '../support/browser.ts';
import { inspectScreen, SHOTS_DIR } from '../support/e2e-app.ts';
import { ostreeAdminStatus } from '../support/ostree-status.ts';
import { webAppSuite } from '../support/web-app-suite.ts';

/** Generous: two cores shared with Chromium, tsx, the daemon, dbus-daemon and ostree. */
const SLOW = 90_000;
const NEW = '43.20260501.0';
const ERROR_LINE = 'error: Installing kernel: regfile copy: No space left on device';
const FAILED_TITLE = 'The staged update failed to apply at the last restart';

const healthPanel = (page: Page) =>
  page
    .locator('section.health')
    .filter({ has: page.getByRole('heading', { name: 'System health' }) });

/** Presses Tab until the focused element's text is `name`; false when it never is. */
async function tabTo(page: Page, name: string, limit = 40): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<string>(
      '(document.activeElement && document.activeElement.textContent || "").trim()',
    );
    if (focused === name) return true;
  }
  return false;
}

/**
 * The health panel and the diagnostics export as a user meets them, in web
 * mode on the sandbox: the checks run at start; an update is staged by
 * clicking; the machine reboots (from outside the app) and ostree's
 * finalization fails; the panel shows the failure with the journal's error
 * line and its fix; "Export diagnostics…", reached with the keyboard,
 * downloads one JSON file with the daemon's deployments and no secrets.
 */
describe('health checks and diagnostics, web mode + sandbox', () => {
  const web = webAppSuite('e2e-health', { width: 800, height: 900 }, (dir) =>
    publish(dir, { version: NEW, upgrade: ['kernel-core-6.18.6-200.fc43'] }),
  );
  const { dir } = web;

  it('the Updates tab opens with the health panel on top, its checks run', async () => {
    const { page } = web.browser;
    await page.getByRole('tab', { name: 'Updates' }).click();
    const panel = healthPanel(page);
    await expect
      .poll(() => panel.getByRole('status').first().textContent(), { timeout: SLOW })
      .toMatch(/Checked /);
    // The first card of the tab.
    expect(
      await page.evaluate<boolean>(
        'document.querySelector("[role=tabpanel] .view > section").classList.contains("health")',
      ),
    ).toBe(true);
    expect(await panel.textContent()).not.toContain(FAILED_TITLE);
  });

  it('after a staged update fails to finalize at reboot, the panel says so with the journal’s line and the fix', async () => {
    const { page } = web.browser;
    await page.getByRole('button', { name: 'Check for updates' }).click();
    await page.getByRole('button', { name: 'Download and stage' }).click({ timeout: SLOW });
    await expect
      .poll(() => page.getByRole('heading', { name: 'Update staged — reboot to apply' }).count(), {
        timeout: SLOW,
      })
      .toBe(1);

    // The user restarts the computer; ostree-finalize-staged fails on the way down.
    await rebootSandbox(sandboxLayout(dir.path), { finalizeFails: ERROR_LINE });

    const panel = healthPanel(page);
    const row = panel.getByRole('listitem').filter({ hasText: FAILED_TITLE });
    await row.waitFor({ timeout: SLOW });
    expect(await row.locator('.health-row__quote').textContent()).toBe(ERROR_LINE);
    expect(await row.locator('.command-hint code').textContent()).toBe(
      'journalctl -b -1 -u ostree-finalize-staged.service',
    );
    expect(await row.getByRole('button', { name: 'Check now' }).count()).toBe(1);
    // The staged deployment is gone, as ostree says.
    const ostree = ostreeAdminStatus(join(dir.path, 'sysroot'));
    expect(ostree.some((d) => d.version === NEW)).toBe(false);

    const light = await inspectScreen(page, join(SHOTS_DIR, 'health-800-light.png'));
    expect(light.overflow).toBe(0);
    expect(light.ink).toBeGreaterThan(0.05);
  });

  it('fits 800 px in dark mode too', async () => {
    const dark = await openBrowser({ width: 800, height: 900, colorScheme: 'dark' });
    try {
      await dark.page.goto(web.url);
      await dark.page.getByRole('tab', { name: 'Updates' }).click();
      await healthPanel(dark.page)
        .getByRole('listitem')
        .filter({ hasText: FAILED_TITLE })
        .waitFor({ timeout: SLOW });
      // What passed folds away; opened, it lists each check with what was measured.
      await healthPanel(dark.page)
        .getByText(/^\d+ checks passed$/)
        .click();
      expect(await healthPanel(dark.page).getByRole('listitem').count()).toBe(5);
      const screen = await inspectScreen(dark.page, join(SHOTS_DIR, 'health-800-dark.png'));
      expect(screen.overflow).toBe(0);
      expect(screen.ink).toBeGreaterThan(0.05);
    } finally {
      await dark.close();
    }
  });

  it('“Export diagnostics…”, reached with the keyboard, downloads one JSON file without secrets', async () => {
    const { page } = web.browser;
    await page.getByRole('tab', { name: 'Updates' }).focus();
    expect(await tabTo(page, 'Export diagnostics…')).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: SLOW }),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^ostree-update-manager-diagnostics-\d{8}-\d{6}\.json$/,
    );
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    const token = new URL(web.url).searchParams.get('token')!;
    expect(token.length).toBeGreaterThan(8);
    expect(text).not.toContain(token);
    expect(text).not.toContain(homedir());
    if (process.env.HOME) expect(text).not.toContain(process.env.HOME);

    const doc = JSON.parse(text) as {
      format: string;
      status: { deployments: { id: string }[]; transaction: unknown };
      health: { checks: { kind: string; status: string; message?: string }[] };
      settings: { app: unknown };
    };
    expect(doc.format).toBe('ostree-update-manager-diagnostics/1');
    const ostree = ostreeAdminStatus(join(dir.path, 'sysroot'));
    expect(doc.status.deployments.map((d) => d.id)).toEqual(
      ostree.map((d) => `${d.osname}-${d.checksum}.${d.serial}`),
    );
    expect(doc.health.checks.find((c) => c.kind === 'finalize')).toMatchObject({
      status: 'problem',
      message: ERROR_LINE,
    });
    expect(doc.settings.app).toEqual({ quiet: false, autostart: false, backgroundChecks: true });
    await expect
      .poll(() => healthPanel(page).getByRole('status').last().textContent())
      .toBe(`Downloaded ${download.suggestedFilename()}`);
  });

  it('the Settings tab offers the same export', async () => {
    const { page } = web.browser;
    await page.getByRole('tab', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Diagnostics' });
    expect(await section.getByRole('button', { name: 'Export diagnostics…' }).count()).toBe(1);
    await inspectScreen(page, join(SHOTS_DIR, 'settings-diagnostics-800-light.png'));
  });
});
