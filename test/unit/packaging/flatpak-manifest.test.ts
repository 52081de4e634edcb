import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../../daemon-bridge/desktop/app-id.ts';
import { APT_LAYER_BUS_NAME } from '../../../daemon-bridge/detect.ts';
import { PROFILES } from '../../../daemon-bridge/rpm-ostree/profile.ts';
import { EXECUTABLE_NAME } from '../../../scripts/package-check.ts';
import { BUILD_FILES } from '../../../scripts/package-layout.ts';
import { repoRoot } from '../../support/reference.ts';

interface Source {
  readonly type: string;
  readonly path: string;
  readonly dest?: string;
  readonly 'only-arches'?: readonly string[];
}
interface Manifest {
  readonly id: string;
  readonly base: string;
  readonly 'base-version': string;
  readonly 'runtime-version': string;
  readonly command: string;
  readonly 'finish-args': readonly string[];
  readonly modules: readonly {
    readonly 'build-commands': readonly string[];
    readonly sources: readonly Source[];
  }[];
}

const manifestPath = join(repoRoot, BUILD_FILES.flatpakManifest);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
const module = manifest.modules[0]!;

describe('the Flatpak manifest', () => {
  it('builds the app id on the Electron base app, with the runtime the base app is made for', () => {
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.base).toBe('org.electronjs.Electron2.BaseApp');
    expect(manifest['base-version']).toBe(manifest['runtime-version']);
    expect(manifest.command).toBe(EXECUTABLE_NAME);
  });

  it('grants exactly the bus names the app talks to, and nothing that opens the host', () => {
    expect([...manifest['finish-args']].sort()).toEqual(
      [
        // Display and GPU: what any Electron window needs.
        '--share=ipc',
        '--socket=wayland',
        '--socket=fallback-x11',
        '--device=dri',
        // The system bus names of daemon-bridge: the update daemons, login1 (reboot),
        // NetworkManager (metered) and UPower (battery).
        ...[
          PROFILES['rpm-ostree'].busName,
          PROFILES['apt-ostree'].busName,
          APT_LAYER_BUS_NAME,
          'org.freedesktop.login1',
          'org.freedesktop.NetworkManager',
          'org.freedesktop.UPower',
        ].map((name) => `--system-talk-name=${name}`),
        // Session bus: notifications and the tray.
        '--talk-name=org.freedesktop.Notifications',
        '--talk-name=org.kde.StatusNotifierWatcher',
      ].sort(),
    );
    // flatpak-spawn --host would run anything on the host: the helper is not offered (build/README.md).
    const text = manifest['finish-args'].join(' ');
    expect(text).not.toMatch(
      /org\.freedesktop\.Flatpak|--filesystem|--share=network|--socket=(system-)?bus/,
    );
  });

  it('installs the launcher, the metainfo and the icons under the app id, from files that exist', () => {
    const commands = module['build-commands'].join('\n');
    expect(commands).toContain(`/app/bin/${EXECUTABLE_NAME}`);
    expect(commands).toContain(`/app/share/applications ${APP_ID}.desktop`);
    expect(commands).toContain(`/app/share/metainfo ${APP_ID}.metainfo.xml`);
    expect(commands).toContain(`/apps/${APP_ID}.png`);
    expect(commands).toContain(`/scalable/apps/${APP_ID}.svg`);
    const local = module.sources.filter((s) => !s.path.includes('out/'));
    for (const source of local)
      expect(existsSync(join(dirname(manifestPath), source.path)), source.path).toBe(true);
  });

  it('takes the app electron-builder unpacked for each architecture', () => {
    const apps = module.sources.filter((s) => s.dest === 'main');
    expect(apps).toEqual([
      { type: 'dir', path: '../../out/linux-unpacked', dest: 'main', 'only-arches': ['x86_64'] },
      {
        type: 'dir',
        path: '../../out/linux-arm64-unpacked',
        dest: 'main',
        'only-arches': ['aarch64'],
      },
    ]);
  });

  it('starts Electron through zypak from an executable launcher', () => {
    const launcher = join(repoRoot, BUILD_FILES.flatpakLauncher);
    expect(statSync(launcher).mode & 0o111).toBe(0o111);
    expect(readFileSync(launcher, 'utf8')).toMatch(
      new RegExp(`^exec zypak-wrapper /app/main/${EXECUTABLE_NAME} "\\$@"$`, 'm'),
    );
  });
});
