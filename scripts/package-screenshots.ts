/**
 * `npm run dist:screenshots`: copies the AppStream screenshots into
 * build/screenshots/ from the PNGs the end-to-end tests write to
 * test-results/e2e/ (`npm run test:e2e` first). Each is cut to 1280×800 from
 * the top: the full-page shots are taller than a window, and a store page
 * shows one window-sized picture.
 *
 * The metainfo (build/…metainfo.xml) names them by URL under the project's
 * homepage; a release publishes build/screenshots/ there (README, Release).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/** Width and height of every published screenshot. */
export const SCREENSHOT_SIZE = { width: 1280, height: 800 } as const;

/** build/screenshots/<name> ← test-results/e2e/<from>, in metainfo order (the first is the default). */
export const SCREENSHOTS: readonly { readonly name: string; readonly from: string }[] = [
  { name: 'deployments.png', from: 'deployments-1280x800-light.png' },
  { name: 'update.png', from: 'update-sheet.png' },
  { name: 'packages.png', from: 'packages.png' },
  { name: 'settings.png', from: 'settings-1280x800-light.png' },
];

/** The top `height` rows of `source`, which must be `width` wide and at least that tall. */
export function cropTop(source: PNG, width: number, height: number): PNG {
  if (source.width !== width || source.height < height)
    throw new Error(
      `expected a ${width}px wide screenshot at least ${height}px tall, got ${source.width}×${source.height}`,
    );
  const out = new PNG({ width, height });
  source.data.copy(out.data, 0, 0, width * height * 4);
  return out;
}

/** Writes every screenshot; returns the files written. */
export function copyScreenshots(fromDir: string, toDir: string): readonly string[] {
  mkdirSync(toDir, { recursive: true });
  return SCREENSHOTS.map(({ name, from }) => {
    const source = PNG.sync.read(readFileSync(join(fromDir, from)));
    const target = join(toDir, name);
    writeFileSync(
      target,
      PNG.sync.write(cropTop(source, SCREENSHOT_SIZE.width, SCREENSHOT_SIZE.height)),
    );
    return target;
  });
}

if (process.argv[1] === import.meta.filename) {
  const root = join(import.meta.dirname, '..');
  try {
    const written = copyScreenshots(
      join(root, 'test-results', 'e2e'),
      join(root, 'build', 'screenshots'),
    );
    process.stdout.write(`wrote ${written.join(', ')}\n`);
  } catch (err) {
    process.stderr.write(
      `${err instanceof Error ? err.message : String(err)}\n(run \`npm run test:e2e\` first: it writes test-results/e2e/)\n`,
    );
    process.exit(1);
  }
}
