import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../daemon-bridge/contract/domain.ts';
import { publish } from '../../sandbox/remote/publish.ts';
import { openBrowser } from '../support/browser.ts';
import type { Browser } from '../support/browser.ts';
import { openContractClient } from '../support/contract-client.ts';
import type { ContractClient } from '../support/contract-client.ts';
import { inspectScreen, SHOTS_DIR, startWebApp } from '../support/e2e-app.ts';
import { ostreeAdminStatus } from '../support/ostree-status.ts';
import type { Spawned } from '../support/processes.ts';
import { repoRoot } from '../support/reference.ts';
import { tempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);
const NEW = '43.20261201.0';

/** A second terminal: `npm run sandbox -- automatic-update`, as the daemon's timer would run it. */
async function stageFromAnotherTerminal(dir: string): Promise<void> {
  await run(
    join(repoRoot, 'node_modules', '.bin', 'tsx'),
    ['sandbox/cli.ts', 'automatic-update', '--dir', dir, '--mode', 'stage'],
    { cwd: repoRoot },
  );
}

const staged = (s: AppState) => s.desktop.tray.status === 'staged';

/**
 * Desktop integration in web mode (no tray or notification daemon there, so
 * both are read as state through the contract, as the issue asks): an update
 * staged behind the app's back is announced once, also across a restart;
 * pinning from the UI reaches the sysroot through the privileged helper; the
 * automatic-update policy reaches the daemon's config and the daemon.
 */
describe('tray state, notifications, pinning and the update policy, web mode + sandbox', () => {
  const dir = tempDir('e2e-desktop');
  let app: Spawned;
  let url: string;
  let home: string;
  let browser: Browser;
  let client: ContractClient;

  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    ({ app, url, home } = await startWebApp(dir.path));
    client = await openContractClient(url);
    browser = await openBrowser({ width: 1280, height: 800 });
  });

  afterAll(async () => {
    await client?.close();
    await browser?.close();
    const code = await app?.stop();
    dir.remove();
    expect(code).toBe(0);
  });

  it('an update staged by another client turns the tray to "staged" and raises one notification record', async () => {
    const before = await client.waitFor('the daemon', (s) => s.daemon.kind === 'ready');
    expect(before.desktop.tray.status).toBe('up-to-date');
    expect(before.desktop.notifications).toEqual([]);

    await publish(dir.path, {
      version: NEW,
      upgrade: ['kernel-core-6.18.6-200.fc43'],
      advisories: ['FEDORA-2026-1201:critical:kernel-core'],
    });
    await stageFromAnotherTerminal(dir.path);

    const after = await client.waitFor('the staged state', staged);
    expect(after.desktop.tray).toMatchObject({ status: 'staged', version: NEW });
    expect(after.desktop.notifications).toHaveLength(1);
    expect(after.desktop.notifications[0]).toMatchObject({
      kind: 'staged',
      version: NEW,
      screen: 'updates',
    });

    const { page } = browser;
    await page.goto(url);
    await page.getByRole('tab', { name: 'Settings' }).click();
    const list = page.getByRole('list', { name: 'Recent notifications' });
    await expect.poll(() => list.textContent(), { timeout: 30_000 }).toContain(NEW);
    await page.screenshot({ path: join(SHOTS_DIR, 'settings-1280x800-light.png'), fullPage: true });
  });

  it('pins and unpins the rollback deployment from the Deployments tab (ostree admin status agrees)', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: 'Deployments' }).click();
    const rollback = page.getByRole('article').filter({ hasText: 'Rollback' });
    await rollback.getByRole('button', { name: /^Pin / }).click();
    await expect
      .poll(() => rollback.getByText('Pinned', { exact: true }).count(), { timeout: 60_000 })
      .toBe(1);
    const sysroot = join(dir.path, 'sysroot');
    const state = client.latest()!;
    const index = state.system!.deployments.findIndex((d) => d.id === state.system!.rollbackId);
    expect(ostreeAdminStatus(sysroot)[index]?.pinned).toBe(true);

    await rollback.getByRole('button', { name: /^Unpin / }).click();
    await expect
      .poll(() => rollback.getByText('Pinned', { exact: true }).count(), { timeout: 60_000 })
      .toBe(0);
    expect(ostreeAdminStatus(sysroot)[index]?.pinned).toBe(false);
  });

  it('changes the daemon’s automatic-update policy: the config file and the daemon agree', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: /Check for updates/ }).check();
    await page.getByRole('button', { name: 'Apply' }).click();
    await client.waitFor('policy check', (s) => s.system?.automaticUpdatePolicy === 'check');
    expect(readFileSync(join(dir.path, 'etc', 'rpm-ostreed.conf'), 'utf8')).toMatch(
      /^AutomaticUpdatePolicy=check$/m,
    );
    await expect.poll(() => page.getByText('Now: Check for updates').count()).toBe(1);
  });

  it('keeps settings and never repeats a notification across a restart', async () => {
    const { page } = browser;
    await page.getByRole('checkbox', { name: /security-critical/ }).check();
    await client.waitFor('quiet mode', (s) => s.desktop.settings.quiet);
    await client.close();
    expect(await app.stop()).toBe(0);

    ({ app, url } = await startWebApp(dir.path, home));
    client = await openContractClient(url);
    const again = await client.waitFor('the staged state again', staged);
    expect(again.desktop.settings.quiet).toBe(true);
    expect(again.desktop.notifications.map((n) => n.kind)).toEqual(['staged']);
    // Give a late duplicate every chance to appear.
    await new Promise((r) => setTimeout(r, 1500));
    expect(client.latest()!.desktop.notifications).toHaveLength(1);
  });

  it('the Settings tab fits 800 px in dark mode', async () => {
    const narrow = await openBrowser({ width: 800, height: 600, colorScheme: 'dark' });
    try {
      await narrow.page.goto(url);
      await narrow.page.getByRole('tab', { name: 'Settings' }).click();
      await narrow.page
        .getByRole('list', { name: 'Recent notifications' })
        .waitFor({ timeout: 30_000 });
      const screen = await inspectScreen(narrow.page, join(SHOTS_DIR, 'settings-800x600-dark.png'));
      expect(screen.overflow).toBe(0);
      expect(screen.ink).toBeGreaterThan(0.05);
    } finally {
      await narrow.close();
    }
  });
});
