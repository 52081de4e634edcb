import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../sandbox/remote/publish.ts';
import { openBrowser } from '../support/browser.ts';
import type { Browser } from '../support/browser.ts';
import { openContractClient } from '../support/contract-client.ts';
import { inspectScreen, SHOTS_DIR, startWebApp } from '../support/e2e-app.ts';
import { ostreeAdminStatus } from '../support/ostree-status.ts';
import type { Spawned } from '../support/processes.ts';
import { tempDir } from '../support/temp-dir.ts';

const NEW = '12.20260201.0';

/** A Debian machine's update, as its archive would publish one. */
async function publishDebianUpdate(dir: string): Promise<void> {
  await publish(dir, {
    version: NEW,
    upgrade: ['openssh-client=1:9.2p1-2+deb12u4', 'openssh-server=1:9.2p1-2+deb12u4'],
  });
}

/**
 * `npm start -- --web --sandbox --sandbox-profile apt-ostree|apt-layer`, as
 * a user starts it: the header names the daemon, the deployments are the
 * Debian machine's, an update is checked (where the API can) and staged by
 * clicking, and what the daemon cannot do says why.
 */
describe.each(['apt-ostree', 'apt-layer'] as const)(
  'a Debian system on %s, web mode',
  (profile) => {
    const dir = tempDir(`e2e-${profile}`);
    let app: Spawned;
    let url: string;
    let browser: Browser;

    beforeAll(async () => {
      mkdirSync(SHOTS_DIR, { recursive: true });
      ({ app, url } = await startWebApp(dir.path, undefined, ['--sandbox-profile', profile]));
      browser = await openBrowser({ width: 1280, height: 800 });
    });

    afterAll(async () => {
      await browser?.close();
      const code = await app?.stop();
      dir.remove();
      expect(code).toBe(0);
    });

    it('names the daemon and lists the Debian deployments ostree has', async () => {
      const { page } = browser;
      await page.goto(url);
      await expect
        .poll(() => page.getByRole('banner').textContent(), { timeout: 30_000 })
        .toContain(profile);
      await page.getByRole('tab', { name: 'Deployments' }).click();
      for (const entry of ostreeAdminStatus(join(dir.path, 'sysroot')))
        await expect
          .poll(() => page.getByRole('main').getByText(entry.version!, { exact: true }).count(), {
            timeout: 30_000,
          })
          .toBeGreaterThan(0);
      expect(await page.getByRole('main').textContent()).toContain('debian');
      await page.screenshot({
        path: join(SHOTS_DIR, `${profile}-deployments-1280x800.png`),
        fullPage: true,
      });
    });

    it('stages the new version by clicking; ostree shows it next to boot', async () => {
      const { page } = browser;
      await publishDebianUpdate(dir.path);
      await page.getByRole('tab', { name: 'Updates' }).click();
      if (profile === 'apt-ostree') {
        await page.getByRole('button', { name: 'Check for updates' }).click();
        await page.getByRole('button', { name: 'Download and stage' }).click({ timeout: 60_000 });
      } else {
        await page.getByRole('button', { name: 'Upgrade now' }).click();
      }
      const client = await openContractClient(url);
      try {
        const staged = await client.waitFor('the staged update', (s) => {
          const pending = s.system?.deployments.find((d) => d.id === s.system?.pendingId);
          return pending?.version === NEW && s.desktop.tray.status === 'staged';
        });
        expect(staged.desktop.tray.version).toBe(NEW);
      } finally {
        await client.close();
      }
      expect(ostreeAdminStatus(join(dir.path, 'sysroot'))[0]?.version).toBe(NEW);
    });

    it('rolls back by clicking', async () => {
      const { page } = browser;
      const before = ostreeAdminStatus(join(dir.path, 'sysroot'));
      await page.getByRole('tab', { name: 'Deployments' }).click();
      await page.getByRole('button', { name: 'Roll back…' }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: 'Roll back', exact: true })
        .click();
      await expect
        .poll(() => ostreeAdminStatus(join(dir.path, 'sysroot'))[0]?.checksum, { timeout: 60_000 })
        .not.toBe(before[0]?.checksum);
    });

    it('what the daemon cannot do says why (and fits 800 px in dark mode)', async () => {
      const narrow = await openBrowser({ width: 800, height: 600, colorScheme: 'dark' });
      try {
        await narrow.page.goto(url);
        await narrow.page.getByRole('tab', { name: 'Kernel' }).click();
        const text = await narrow.page.getByRole('main').textContent();
        if (profile === 'apt-layer')
          expect(text).toContain('Kernel arguments: not available with apt-layer');
        else expect(text).not.toContain('not available with');
        const screen = await inspectScreen(
          narrow.page,
          join(SHOTS_DIR, `${profile}-kernel-800x600-dark.png`),
        );
        expect(screen.overflow).toBe(0);
      } finally {
        await narrow.close();
      }
    });
  },
);
