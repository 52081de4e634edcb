import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { trayStatuses } from '../../../daemon-bridge/contract/desktop.ts';
import { TRAY_ICON_SIZE, trayIconPath } from '../../../electron/tray.ts';
import { iconTargets, renderSvg } from '../../../scripts/render-icons.ts';

const assetsDir = join(import.meta.dirname, '..', '..', '..', 'assets');
const targets = iconTargets(assetsDir);

/** Largest difference of any channel of any pixel; Infinity when the sizes differ. */
function maxDifference(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) return Infinity;
  let max = 0;
  for (let i = 0; i < a.data.length; i++)
    max = Math.max(max, Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0)));
  return max;
}

describe('committed icon PNGs', () => {
  it.each(targets.map((t) => [`${basename(dirname(t.png))}/${basename(t.png)}`, t] as const))(
    '%s has its size and matches a fresh render of its SVG',
    (_name, target) => {
      const committed = PNG.sync.read(readFileSync(target.png));
      expect([committed.width, committed.height]).toEqual([target.size, target.size]);
      const fresh = PNG.sync.read(renderSvg(readFileSync(target.svg), target.size));
      // resvg is deterministic; the slack only absorbs a different CPU's rounding.
      expect(maxDifference(committed, fresh)).toBeLessThanOrEqual(2);
    },
  );

  it('has no stray PNG that no SVG renders (a stale size or a removed status)', () => {
    const expected = new Set(targets.map((t) => t.png));
    const present = ['icons', 'tray'].flatMap((dir) =>
      readdirSync(join(assetsDir, dir))
        .filter((f) => f.endsWith('.png'))
        .map((f) => join(assetsDir, dir, f)),
    );
    expect(present.filter((p) => !expected.has(p))).toEqual([]);
  });

  it('has the files the tray loads for every status, with their HiDPI twins', () => {
    const missing = trayStatuses.flatMap((status) => {
      const path = trayIconPath(assetsDir, status, TRAY_ICON_SIZE);
      return [path, path.replace(/\.png$/, '@2x.png')].filter((p) => !existsSync(p));
    });
    expect(missing).toEqual([]);
  });

  it('draws something in every tray icon, with transparent corners', () => {
    const outcomes = trayStatuses.map((status) => {
      const png = PNG.sync.read(readFileSync(trayIconPath(assetsDir, status, 24)));
      let opaque = 0;
      for (let i = 3; i < png.data.length; i += 4) if ((png.data[i] ?? 0) > 128) opaque++;
      return [status, opaque > 24 * 24 * 0.25, png.data[3]] as const;
    });
    expect(outcomes).toEqual(trayStatuses.map((status) => [status, true, 0]));
  });

  it('gives each tray status its own picture', () => {
    const pictures = trayStatuses.map((status) =>
      PNG.sync.read(readFileSync(trayIconPath(assetsDir, status, 22))).data.toString('base64'),
    );
    expect(new Set(pictures).size).toBe(trayStatuses.length);
  });
});
