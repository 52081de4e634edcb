import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { spawnGroup } from './processes.ts';
import type { Spawned } from './processes.ts';
import { repoRoot } from './reference.ts';

/** Where end-to-end screenshots go (CI keeps test-results/). */
export const SHOTS_DIR = join(repoRoot, 'test-results', 'e2e');

/**
 * Starts the app as the README tells a user to (minus the build `npm start`
 * runs first): web mode on the sandbox in `dir`, with no system bus so nothing
 * on the machine is touched. Its data and config dirs (settings, what was
 * notified) are `home` (default: `<dir>/home`: the sandbox machine's home, created here), never the
 * user's. Resolves with the process and the printed URL.
 */
export async function startWebApp(
  dir: string,
  home = join(dir, 'home'),
  extraArgs: readonly string[] = [],
): Promise<{ app: Spawned; url: string; home: string }> {
  mkdirSync(home, { recursive: true });
  const app = spawnGroup(
    join(repoRoot, 'node_modules', '.bin', 'tsx'),
    ['scripts/start.ts', '--web', '--sandbox', '--sandbox-dir', dir, '--port', '0', ...extraArgs],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        DBUS_SYSTEM_BUS_ADDRESS: 'unix:path=/nonexistent',
        XDG_DATA_HOME: join(home, 'data'),
        XDG_CONFIG_HOME: join(home, 'config'),
      },
    },
  );
  const [, url] = await app.waitForLine(
    /^URL: (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)$/,
    120_000,
  );
  return { app, url: url!, home };
}

/** Share of pixels that differ from the top-left one: a blank page scores ~0. */
export function inkRatio(file: string): number {
  const png = PNG.sync.read(readFileSync(file));
  const [r0, g0, b0] = png.data;
  let differing = 0;
  for (let i = 0; i < png.data.length; i += 4)
    if (png.data[i] !== r0 || png.data[i + 1] !== g0 || png.data[i + 2] !== b0) differing++;
  return differing / (png.width * png.height);
}

/**
 * What a screen looks like to a user: how far it overflows horizontally (0 =
 * fits) and how much ink its full-page screenshot, written to `file`, has.
 */
export async function inspectScreen(
  page: Page,
  file: string,
): Promise<{ overflow: number; ink: number }> {
  // A string, evaluated in the page: test code is type-checked without the DOM library.
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  await page.screenshot({ path: file, fullPage: true });
  return { overflow, ink: inkRatio(file) };
}
