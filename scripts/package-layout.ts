/**
 * Where the packaging files live in build/ and where the packages install
 * them: one place for the names the packaging checks share
 * (test/unit/packaging, test/integration/packaging.test.ts,
 * scripts/package-check.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { APP_ID } from '../daemon-bridge/desktop/app-id.ts';
import { INSTALLED_HELPER_PATH } from '../daemon-bridge/helper/helper-launch.ts';
import { desktopEntryKeys } from '../daemon-bridge/desktop/autostart.ts';

export { desktopEntryKeys };

/** build/ files, relative to the project root. */
export const BUILD_FILES = {
  builderConfig: 'build/electron-builder.json',
  desktopEntry: `build/${APP_ID}.desktop`,
  autostartEntry: `build/${APP_ID}.autostart.desktop`,
  metainfo: `build/${APP_ID}.metainfo.xml`,
  helperPolicy: 'build/io.github.ostree_update_manager.helper.policy',
  helperWrapper: 'build/ostree-update-manager-helper',
  manPage: 'build/ostree-update-manager.1',
  screenshots: 'build/screenshots',
  flatpakManifest: `build/flatpak/${APP_ID}.json`,
  flatpakLauncher: 'build/flatpak/ostree-update-manager.sh',
} as const;

/** Where the deb and rpm packages put what electron-builder itself does not install. */
export const INSTALLED = {
  helperWrapper: INSTALLED_HELPER_PATH,
  helperPolicy: '/usr/share/polkit-1/actions/io.github.ostree_update_manager.helper.policy',
  metainfo: `/usr/share/metainfo/${APP_ID}.metainfo.xml`,
  desktopEntry: `/usr/share/applications/${APP_ID}.desktop`,
  /** Not /etc/xdg/autostart: tray-at-login is each user's choice in Settings (build/README.md). */
  autostartEntry: `/usr/share/ostree-update-manager/autostart/${APP_ID}.desktop`,
  manPage: '/usr/share/man/man1/ostree-update-manager.1',
} as const;

/** The icon sizes of assets/icons/<n>x<n>.png, all installed into the hicolor theme. */
export const ICON_SIZES = [16, 22, 24, 32, 48, 64, 128, 256, 512] as const;

/** The hicolor theme path of the app's icon of `size` (a number, or 'scalable' for the SVG). */
export function installedIconPath(size: number | 'scalable'): string {
  return size === 'scalable'
    ? `/usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg`
    : `/usr/share/icons/hicolor/${size}x${size}/apps/${APP_ID}.png`;
}

/** Reads build/electron-builder.json (plain JSON: electron-builder, the tests and this file all read it). */
export function readBuilderConfig(root: string): Configuration {
  const value = JSON.parse(readFileSync(join(root, BUILD_FILES.builderConfig), 'utf8')) as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${BUILD_FILES.builderConfig} does not hold an object`);
  // electron-builder validates the rest against its schema when it loads the file.
  return value;
}

/** The directory deb and rpm install the app into: electron-builder's /opt/<productName>. */
export function installDir(root: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    productName?: unknown;
  };
  if (typeof pkg.productName !== 'string') throw new Error('package.json has no productName');
  return `/opt/${pkg.productName}`;
}

/** One `source=target` path mapping of fpm's `dir` input. */
export interface FpmMapping {
  readonly source: string;
  readonly target: string;
}

/** The `source=/target` path mappings among fpm arguments; options and their values are skipped. */
export function fpmMappings(args: readonly string[]): readonly FpmMapping[] {
  const out: FpmMapping[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('-')) {
      if (!arg.includes('=')) i++;
      continue;
    }
    const eq = arg.indexOf('=/');
    if (eq > 0) out.push({ source: arg.slice(0, eq), target: arg.slice(eq + 1) });
  }
  return out;
}

/** Every option a --help text mentions (`--web`, `-h`, …); words such as rpm-ostree are not options. */
export function helpFlags(help: string): readonly string[] {
  return [...new Set([...help.matchAll(/(?<![\w-])--?[a-z][a-z0-9-]*/g)].map((m) => m[0]))];
}

/** The environment variables of a --help text's `Environment:` section. */
export function helpEnvironment(help: string): readonly string[] {
  const at = help.indexOf('Environment:');
  if (at < 0) return [];
  return [...help.slice(at).matchAll(/^ {2}([A-Z][A-Z0-9_]+)\s/gm)].map((m) => m[1]!);
}
