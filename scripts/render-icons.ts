/**
 * `npx tsx scripts/render-icons.ts`: renders the committed PNGs of assets/
 * from their SVG sources with resvg (pure Rust, so the same pixels on every
 * machine). Run it after editing an SVG; test/unit/electron/icons.test.ts
 * fails while a PNG differs from a fresh render of its source.
 *
 * - assets/icons/app.svg → assets/icons/<n>x<n>.png, the names
 *   electron-builder's Linux icon directory and the hicolor theme use.
 * - assets/tray/<status>.svg → assets/tray/<status>-<n>.png, plus
 *   <status>-<n>@2x.png, which nativeImage.createFromPath picks on HiDPI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { trayStatuses } from '../daemon-bridge/contract/desktop.ts';

/** The hicolor sizes (and electron-builder's) of the app icon. */
export const APP_ICON_SIZES: readonly number[] = [16, 22, 24, 32, 48, 64, 128, 256, 512];
/** What panels draw tray icons at: 16 (Windows-like), 22 (KDE), 24 (GNOME's AppIndicator), more for scaling. */
export const TRAY_ICON_SIZES: readonly number[] = [16, 22, 24, 32, 48];
/** Tray sizes that also get an @2x file. */
export const TRAY_HIDPI_SIZES: readonly number[] = [16, 22, 24];

export interface IconTarget {
  /** Absolute paths. */
  readonly svg: string;
  readonly png: string;
  /** Width and height of the PNG in pixels. */
  readonly size: number;
}

/** Every PNG rendered from an SVG under `assetsDir`. */
export function iconTargets(assetsDir: string): readonly IconTarget[] {
  const app = join(assetsDir, 'icons', 'app.svg');
  const targets: IconTarget[] = APP_ICON_SIZES.map((size) => ({
    svg: app,
    png: join(assetsDir, 'icons', `${size}x${size}.png`),
    size,
  }));
  for (const status of trayStatuses) {
    const svg = join(assetsDir, 'tray', `${status}.svg`);
    for (const size of TRAY_ICON_SIZES)
      targets.push({ svg, png: join(assetsDir, 'tray', `${status}-${size}.png`), size });
    for (const size of TRAY_HIDPI_SIZES)
      targets.push({
        svg,
        png: join(assetsDir, 'tray', `${status}-${size}@2x.png`),
        size: size * 2,
      });
  }
  return targets;
}

/** Renders a square SVG to a `size`×`size` PNG. */
export function renderSvg(svg: Buffer | string, size: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    // The icons hold no text; system fonts would only slow rendering down.
    font: { loadSystemFonts: false },
    logLevel: 'error',
  });
  return resvg.render().asPng();
}

/** Renders every target; returns the PNG paths written. */
export function renderIcons(assetsDir: string): readonly string[] {
  const sources = new Map<string, Buffer>();
  return iconTargets(assetsDir).map((target) => {
    let svg = sources.get(target.svg);
    if (svg === undefined) {
      svg = readFileSync(target.svg);
      sources.set(target.svg, svg);
    }
    writeFileSync(target.png, renderSvg(svg, target.size));
    return target.png;
  });
}

if (process.argv[1] === import.meta.filename) {
  try {
    const written = renderIcons(join(import.meta.dirname, '..', 'assets'));
    process.stdout.write(`rendered ${written.length} PNGs\n`);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
