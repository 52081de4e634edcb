import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../../daemon-bridge/desktop/app-id.ts';
import { EXECUTABLE_NAME, HELPER_BUNDLE } from '../../../scripts/package-check.ts';
import {
  BUILD_FILES,
  ICON_SIZES,
  INSTALLED,
  desktopEntryKeys,
  fpmMappings,
  installedIconPath,
  readBuilderConfig,
} from '../../../scripts/package-layout.ts';
import { repoRoot } from '../../support/reference.ts';

const config = readBuilderConfig(repoRoot);
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  desktopName?: string;
  build?: { extends?: string };
  main: string;
};

const files = (Array.isArray(config.files) ? config.files : []).filter(
  (f): f is string => typeof f === 'string',
);
const debFpm = config.deb?.fpm ?? [];
const rpmFpm = config.rpm?.fpm ?? [];

describe('build/electron-builder.json', () => {
  it('is what package.json points electron-builder at, and names the app by its id', () => {
    expect(pkg.build).toEqual({ extends: `./${BUILD_FILES.builderConfig}` });
    expect(config.appId).toBe(APP_ID);
    // Electron takes the Wayland app id / WM_CLASS from desktopName; the launcher must match it.
    expect(pkg.desktopName).toBe(`${APP_ID}.desktop`);
    expect(config.linux?.syncDesktopName).toBe(true);
    expect(config.linux?.executableName).toBe(EXECUTABLE_NAME);
  });

  it('builds AppImage, deb and rpm for x64 and arm64', () => {
    expect(config.linux?.target).toEqual(
      ['AppImage', 'deb', 'rpm'].map((target) => ({ target, arch: ['x64', 'arm64'] })),
    );
  });

  it('names only files that exist', () => {
    const named = [
      ...files.filter((f) => !f.startsWith('!') && !f.includes('*')),
      ...files
        .filter((f) => !f.startsWith('!') && f.endsWith('/**/*'))
        .map((f) => f.slice(0, -'/**/*'.length)),
      config.linux?.icon,
      ...[...debFpm, ...rpmFpm].map((arg) => arg.slice(0, arg.indexOf('='))),
    ].filter((f): f is string => typeof f === 'string');
    // dist/ and dist-electron/ are build outputs, absent from a fresh checkout.
    const missing = named.filter((f) => !f.startsWith('dist') && !existsSync(join(repoRoot, f)));
    expect(missing).toEqual([]);
    expect(named).toContain('assets/icons');
  });

  it('ships main, preload and the helper bundles that package.json and electron/main.ts name', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist/renderer/**/*',
        pkg.main,
        'dist-electron/preload.cjs',
        HELPER_BUNDLE,
        'assets/**/*',
      ]),
    );
    // Root runs the helper: it must be a plain file outside app.asar.
    expect(config.asarUnpack).toEqual([HELPER_BUNDLE]);
    // The wrapper runs Electron as Node: the RunAsNode fuse must stay on.
    expect(JSON.stringify(config.electronFuses ?? {})).not.toMatch(/"runAsNode":\s*false/);
  });

  it('writes packages to out/, which git ignores, not to dist/ where the renderer is built', () => {
    expect(config.directories).toEqual({ buildResources: 'build', output: 'out' });
    expect(readFileSync(join(repoRoot, '.gitignore'), 'utf8').split('\n')).toContain('out/');
  });

  it('deb and rpm install the helper, its policy, the metainfo, the man page, the autostart entry and the icons', () => {
    expect(rpmFpm).toEqual(debFpm);
    const byTarget = new Map(fpmMappings(debFpm).map((m) => [m.target, m.source]));
    expect(Object.fromEntries(byTarget)).toEqual({
      [INSTALLED.helperWrapper]: BUILD_FILES.helperWrapper,
      [INSTALLED.helperPolicy]: BUILD_FILES.helperPolicy,
      [INSTALLED.metainfo]: BUILD_FILES.metainfo,
      [INSTALLED.autostartEntry]: BUILD_FILES.autostartEntry,
      [INSTALLED.manPage]: BUILD_FILES.manPage,
      ...Object.fromEntries(
        ICON_SIZES.map((n) => [installedIconPath(n), `assets/icons/${n}x${n}.png`]),
      ),
      [installedIconPath('scalable')]: 'assets/icons/app.svg',
    });
  });

  it('has an icon in every size the desktops ask for', () => {
    for (const n of ICON_SIZES) {
      const png = readFileSync(join(repoRoot, 'assets', 'icons', `${n}x${n}.png`));
      // PNG IHDR: width and height at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${n}x${n}.png`).toEqual([n, n]);
    }
    expect(statSync(join(repoRoot, 'assets', 'icons', 'app.svg')).size).toBeGreaterThan(0);
  });

  it('gives the generated launchers the keys of build/…desktop, the same for every target', () => {
    const canonical = desktopEntryKeys(
      readFileSync(join(repoRoot, BUILD_FILES.desktopEntry), 'utf8'),
    );
    const entry = config.linux?.desktop?.entry ?? {};
    for (const [key, value] of Object.entries(entry)) expect(canonical.get(key), key).toBe(value);
    expect(`${config.linux?.category};`).toBe(canonical.get('Categories'));
    // A target-level desktop entry leaks into the other targets (electron-builder merges the
    // linux options into them in place): the generated launchers keep electron-builder's icon
    // name, which the AppImage needs; build/…desktop (Flatpak) uses the app id.
    expect(config.deb?.desktop).toBeUndefined();
    expect(config.rpm?.desktop).toBeUndefined();
    expect(config.appImage?.desktop).toBeUndefined();
    expect(entry.Icon).toBeUndefined();
    expect(canonical.get('Icon')).toBe(APP_ID);
  });

  it('recommends pkexec on Debian (the helper needs it; Fedora ships it with polkit)', () => {
    expect(config.deb?.recommends).toEqual(['pkexec | policykit-1']);
  });
});
