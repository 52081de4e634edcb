import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sandboxLayout } from '../../sandbox/sysroot/layout.ts';
import { rebootSandbox } from '../../sandbox/sysroot/sandbox-reboot.ts';
import { openBrowser } from '../support/browser.ts';
import { inkRatio, inspectScreen, SHOTS_DIR } from '../support/e2e-app.ts';
import { ostreeAdminStatus } from '../support/ostree-status.ts';
import { webAppSuite } from '../support/web-app-suite.ts';

/** Generous: two cores shared with Chromium, tsx, the daemon, dbus-daemon and ostree. */
const SLOW = 90_000;
const KARG = 'nvidia-drm.modeset=1';

/** The State cell of the Next boot table's row for `item`. */
function stateOf(page: Page, table: string, item: string): Promise<string | null> {
  return page
    .getByRole('table', { name: table })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: item, exact: true }) })
    .getByRole('cell')
    .last()
    .textContent({ timeout: 5_000 })
    .catch(() => null);
}

/** Every BLS entry's `options` line in the sandbox sysroot. */
function loaderOptions(sysroot: string): string[] {
  const dir = join(sysroot, 'boot', 'loader', 'entries');
  return readdirSync(dir).map(
    (f) => /^options (.*)$/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1] ?? '',
  );
}

/**
 * Layering and kernel arguments as a user clicks through them, in web mode on
 * the sandbox: search and layer a package; edit the kernel arguments with one
 * refused attempt first; the Next boot view shows both as pending; after the
 * machine reboots (from outside the app, as a user restarting would) both are
 * in effect.
 */
describe('packages and kernel arguments, web mode + sandbox, by clicking', () => {
  const web = webAppSuite('e2e-layer', { width: 1280, height: 900 });
  const { dir } = web;
  const sysroot = () => join(dir.path, 'sysroot');

  it('searches the packages and layers one; it shows as pending', async () => {
    const { page } = web.browser;
    await page.getByRole('tab', { name: 'Packages' }).click();
    await page.getByRole('searchbox', { name: 'Search packages' }).fill('tmux');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByRole('list', { name: 'Search results' });
    await results.getByRole('button', { name: 'Add tmux' }).click({ timeout: 30_000 });
    const dialog = page.getByRole('dialog', { name: 'Add tmux?' });
    expect(await dialog.textContent()).toContain('rpm-ostree install tmux');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();

    const layered = page.getByRole('list', { name: 'Layered packages' });
    await expect
      .poll(() => layered.getByRole('listitem').filter({ hasText: 'tmux' }).textContent(), {
        timeout: SLOW,
      })
      .toMatch(/Pending/);
    // ostree agrees: a new deployment on top, the booted one second.
    expect(ostreeAdminStatus(sysroot()).length).toBe(3);
    const file = join(SHOTS_DIR, 'packages.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(inkRatio(file)).toBeGreaterThan(0.05);
  }, 180_000);

  it('refuses a kernel argument with a space before sending, then applies a valid one', async () => {
    const { page } = web.browser;
    await page.getByRole('tab', { name: 'Kernel' }).click();
    const before = ostreeAdminStatus(sysroot()).map((d) => d.checksum);
    const field = page.getByRole('textbox', { name: 'Add a kernel argument' });
    await field.fill('quiet splash');
    // The reason shows as the user types; the button stays unavailable and Enter adds nothing.
    expect(
      await page.getByRole('button', { name: 'Add argument' }).getAttribute('aria-disabled'),
    ).toBe('true');
    await field.press('Enter');
    await expect
      .poll(() => page.getByRole('main').textContent())
      .toContain('No spaces, except inside double quotes');
    const refused = join(SHOTS_DIR, 'kargs-refused.png');
    await page.screenshot({ path: refused, fullPage: true });
    // Nothing reached the daemon: the same deployments.
    expect(ostreeAdminStatus(sysroot()).map((d) => d.checksum)).toEqual(before);

    await field.fill(KARG);
    await page.getByRole('button', { name: 'Add argument' }).click();
    const preview = page.getByRole('list', { name: 'Command line after the change' });
    await expect.poll(() => preview.textContent()).toContain(KARG);
    expect(await page.getByRole('main').textContent()).toContain(
      `rpm-ostree kargs --append=${KARG}`,
    );
    const draft = join(SHOTS_DIR, 'kargs-preview.png');
    await page.screenshot({ path: draft, fullPage: true });
    expect(inkRatio(draft)).toBeGreaterThan(0.05);
    await page.getByRole('button', { name: 'Apply kernel arguments' }).click();

    const next = page.getByRole('list', { name: 'At the next boot' });
    await expect.poll(() => next.textContent(), { timeout: SLOW }).toContain(KARG);
    // The boot loader entry of the new pending deployment carries it.
    expect(loaderOptions(sysroot()).filter((o) => o.split(' ').includes(KARG))).toHaveLength(1);
  }, 180_000);

  it('Next boot shows both changes as pending, and in effect after a reboot', async () => {
    const { page } = web.browser;
    await page.getByRole('tab', { name: 'Next boot' }).click();
    await expect
      .poll(() => stateOf(page, 'Layered packages', 'tmux'))
      .toBe('Pending — applies at next boot');
    await expect
      .poll(() => stateOf(page, 'Kernel arguments', KARG))
      .toBe('Pending — applies at next boot');
    expect(await stateOf(page, 'Layered packages', 'htop')).toBe('In effect');
    const pendingShot = await inspectScreen(page, join(SHOTS_DIR, 'next-boot-pending.png'));
    expect(pendingShot.ink).toBeGreaterThan(0.05);

    // The user restarts the machine (the sandbox's reboot, from outside the app).
    await rebootSandbox(sandboxLayout(dir.path));
    await expect
      .poll(() => stateOf(page, 'Layered packages', 'tmux'), { timeout: SLOW })
      .toBe('In effect');
    await expect.poll(() => stateOf(page, 'Kernel arguments', KARG)).toBe('In effect');
    expect(await page.getByRole('main').textContent()).toContain('Nothing is pending');
    const shot = await inspectScreen(page, join(SHOTS_DIR, 'next-boot-after-reboot.png'));
    expect(shot.ink).toBeGreaterThan(0.05);
  }, 180_000);

  it('the three views fit 800 px in dark mode', async () => {
    const narrow = await openBrowser({ width: 800, height: 600, colorScheme: 'dark' });
    try {
      await narrow.page.goto(web.url);
      for (const [tab, file] of [
        ['Packages', 'packages-800-dark.png'],
        ['Kernel', 'kernel-800-dark.png'],
        ['Next boot', 'next-boot-800-dark.png'],
      ] as const) {
        await narrow.page.getByRole('tab', { name: tab }).click();
        const screen = await inspectScreen(narrow.page, join(SHOTS_DIR, file));
        expect({ tab, overflow: screen.overflow }).toEqual({ tab, overflow: 0 });
        expect(screen.ink).toBeGreaterThan(0.05);
      }
    } finally {
      await narrow.close();
    }
  }, 120_000);
});
