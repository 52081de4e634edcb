import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from '../support/browser.ts';
import type { Browser } from '../support/browser.ts';
import { ostreeAdminStatus } from '../support/ostree-status.ts';
import type { Spawned } from '../support/processes.ts';
import { inkRatio, inspectScreen, SHOTS_DIR, startWebApp } from '../support/e2e-app.ts';
import { tempDir } from '../support/temp-dir.ts';

const shots = SHOTS_DIR;

describe('deployments screen, web mode + sandbox, as a user starts it', () => {
  const dir = tempDir('e2e');
  let app: Spawned;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    ({ app, url } = await startWebApp(dir.path));
    browser = await openBrowser({ width: 1280, height: 800 });
  });

  afterAll(async () => {
    await browser?.close();
    const code = await app?.stop();
    dir.remove();
    expect(code).toBe(0);
  });

  it('lists the booted and rollback deployments the sandbox created, with their versions', async () => {
    const status = ostreeAdminStatus(join(dir.path, 'sysroot'));
    expect(status.length).toBeGreaterThanOrEqual(2);
    const { page } = browser;
    await page.goto(url);
    await page.getByRole('tab', { name: 'Deployments' }).click();
    const main = page.getByRole('main');
    for (const entry of status) {
      await expect
        .poll(() => main.getByText(entry.version!, { exact: true }).count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
    }
    const booted = page.getByRole('article').filter({ hasText: 'Booted' });
    const rollback = page.getByRole('article').filter({ hasText: 'Rollback' });
    expect(await booted.count()).toBe(1);
    expect(await rollback.count()).toBe(1);
    await expect.poll(() => booted.textContent()).toContain(status[0]!.version!);
    await expect.poll(() => rollback.textContent()).toContain(status[1]!.version!);
    await expect
      .poll(() =>
        page
          .getByText(/sandbox/i)
          .first()
          .isVisible(),
      )
      .toBe(true);

    const file = join(shots, 'deployments-1280x800-light.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(inkRatio(file)).toBeGreaterThan(0.05);
  });

  it('fits 800 px in dark mode without horizontal scrolling', async () => {
    const narrow = await openBrowser({ width: 800, height: 600, colorScheme: 'dark' });
    try {
      await narrow.page.goto(url);
      await narrow.page.getByRole('tab', { name: 'Deployments' }).click();
      await narrow.page.getByRole('article').first().waitFor({ timeout: 30_000 });
      const screen = await inspectScreen(narrow.page, join(shots, 'deployments-800x600-dark.png'));
      expect(screen.overflow).toBe(0);
      expect(screen.ink).toBeGreaterThan(0.05);
    } finally {
      await narrow.close();
    }
  });

  it('refresh is reachable by keyboard and the token never reaches the logs', async () => {
    const { page } = browser;
    await page.goto(url);
    // Keyboard only: focus the tab list, move to Deployments with the arrow key.
    await page.getByRole('tab', { name: 'Updates' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('article').first().waitFor({ timeout: 30_000 });
    const refresh = page.getByRole('button', { name: /refresh/i });
    await refresh.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => refresh.isEnabled()).toBe(true);
    const token = new URL(url).searchParams.get('token')!;
    expect(app.stderr.join('\n')).not.toContain(token);
  });
});
