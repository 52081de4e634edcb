/**
 * Packaging, checked with the tools distributions use and with electron-builder
 * itself, offline (no Electron download, no fpm, no appimagetool):
 *
 * - desktop-file-validate, appstreamcli, xmllint (polkit DTD), groff and
 *   flatpak-builder on the files of build/;
 * - `electron-builder --dir` on a staged copy of the built app, with a
 *   stand-in Electron (scripts/package-stand-in.ts): app.asar must hold
 *   exactly what it should, and helper.cjs must run from outside it through
 *   the wrapper the packages install;
 * - the deb, rpm and AppImage targets up to the point where they would
 *   download their tools (electron-builder's effectiveOptionComputed hook):
 *   what they install where, and the launchers they generate.
 *
 * A missing validator fails the test with the Debian package to install:
 * CI installs them (.ci/run), and a check that skips is no check.
 */
import { execFile, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Arch, Platform, build } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID } from '../../daemon-bridge/desktop/app-id.ts';
import { HELP_TEXT } from '../../daemon-bridge/launch/options.ts';
import {
  HELPER_HELLO,
  HELPER_PROTOCOL_VERSION,
} from '../../daemon-bridge/contract/helper-protocol.ts';
import { buildElectron } from '../../scripts/build-electron.ts';
import {
  EXECUTABLE_NAME,
  HELPER_BUNDLE,
  checkUnpackedApp,
  readAppContents,
} from '../../scripts/package-check.ts';
import {
  BUILD_FILES,
  ICON_SIZES,
  INSTALLED,
  desktopEntryKeys,
  fpmMappings,
  helpEnvironment,
  helpFlags,
  installDir,
  installedIconPath,
} from '../../scripts/package-layout.ts';
import type { FpmMapping } from '../../scripts/package-layout.ts';
import { installedElectronVersion, writeStandInElectron } from '../../scripts/package-stand-in.ts';
import { repoRoot } from '../support/reference.ts';
import { tempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);

/** Validators and the Debian packages that provide them (.ci/run installs these). */
const TOOLS = {
  'desktop-file-validate': 'desktop-file-utils',
  appstreamcli: 'appstream',
  xmllint: 'libxml2-utils',
  groff: 'groff-base',
  'flatpak-builder': 'flatpak-builder',
} as const;
const POLKIT_DTD = '/usr/share/polkit-1/policyconfig-1.dtd';

/** Runs an installed tool; a missing one is a failure that says what to install. */
function tool(name: keyof typeof TOOLS, args: readonly string[]) {
  const result = spawnSync(name, args, { encoding: 'utf8', cwd: repoRoot });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT')
    throw new Error(`${name} is not installed: install the Debian package ${TOOLS[name]}`);
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** desktop-file-validate's complaints: errors and warnings (hints are advice, as for distributions). */
function desktopFileProblems(path: string): string[] {
  const result = tool('desktop-file-validate', [path]);
  const problems = `${result.stdout}${result.stderr}`
    .split('\n')
    .filter((line) => /: (error|warning): /.test(line));
  if (result.status !== 0 && problems.length === 0) problems.push(`exit status ${result.status}`);
  return problems;
}

const at = (path: string): string => join(repoRoot, path);

describe('the files of build/ pass the validators distributions run', () => {
  it('desktop-file-validate: the launcher and the autostart entry', () => {
    expect(desktopFileProblems(at(BUILD_FILES.desktopEntry))).toEqual([]);
    expect(desktopFileProblems(at(BUILD_FILES.autostartEntry))).toEqual([]);
  });

  it('appstreamcli validate --no-net: the metainfo has no error and no warning', () => {
    const result = tool('appstreamcli', ['validate', '--no-net', at(BUILD_FILES.metainfo)]);
    const problems = result.stdout.split('\n').filter((line) => /^[EW]: /.test(line));
    expect(problems).toEqual([]);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('xmllint: the helper policy is valid against polkit’s DTD', () => {
    if (!existsSync(POLKIT_DTD))
      throw new Error(`${POLKIT_DTD} is missing: install the Debian package polkitd`);
    const result = tool('xmllint', [
      '--noout',
      '--dtdvalid',
      POLKIT_DTD,
      at(BUILD_FILES.helperPolicy),
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('groff: the man page renders without a warning and shows every flag of --help', () => {
    const lint = tool('groff', ['-man', '-ww', '-z', at(BUILD_FILES.manPage)]);
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
    const page = tool('groff', ['-man', '-Tascii', '-P-cbou', '-rLL=78n', at(BUILD_FILES.manPage)]);
    expect(page.stderr).toBe('');
    const missing = [...helpFlags(HELP_TEXT), ...helpEnvironment(HELP_TEXT)].filter(
      (word) => !new RegExp(`(?<![\\w-])${word}(?![\\w-])`).test(page.stdout),
    );
    expect(missing).toEqual([]);
  });

  it('flatpak-builder reads the manifest without an unknown key', () => {
    const result = tool('flatpak-builder', ['--show-manifest', at(BUILD_FILES.flatpakManifest)]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const shown = JSON.parse(result.stdout) as { 'finish-args'?: unknown };
    const written = JSON.parse(readFileSync(at(BUILD_FILES.flatpakManifest), 'utf8')) as {
      'finish-args': unknown;
    };
    expect(shown['finish-args']).toEqual(written['finish-args']);
  });
});

/**
 * Copies the production dependencies (what `npm ci --omit=dev` would install)
 * to `target`: electron-builder asks npm for the production tree, and npm
 * answers only for a real node_modules/ (through a symbolic link to the
 * repository's every package is "extraneous").
 */
async function stageProductionModules(target: string): Promise<void> {
  const listed = await run('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: repoRoot,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
  const root = `${join(repoRoot, 'node_modules')}/`;
  const dirs = [...new Set(listed.stdout.split('\n').filter((line) => line.startsWith(root)))];
  if (dirs.length === 0) throw new Error('npm ls --omit=dev listed no production package');
  for (const dir of dirs.sort()) {
    const to = join(target, dir.slice(root.length));
    if (!existsSync(to)) cpSync(dir, to, { recursive: true });
  }
}

/** What the deb, rpm and AppImage targets handed to fpm and appimagetool. */
interface Captured {
  readonly fpm: Map<'deb' | 'rpm', { mappings: readonly FpmMapping[]; desktop: string }>;
  appImageDesktop: string | null;
}

describe('electron-builder with a stand-in Electron', () => {
  const work = tempDir('packaging');
  const stage = join(work.path, 'app');
  const out = join(work.path, 'out');
  const appOutDir = join(out, 'linux-unpacked');
  const captured: Captured = { fpm: new Map(), appImageDesktop: null };

  beforeAll(async () => {
    // The built app, staged where nothing else reads or writes: dist/renderer is
    // rebuilt by the end-to-end tests' setup, possibly while this runs.
    await buildElectron();
    mkdirSync(join(stage, 'dist-electron'), { recursive: true });
    for (const file of ['main.cjs', 'preload.cjs', 'helper.cjs'])
      for (const name of [file, `${file}.map`])
        copyFileSync(at(join('dist-electron', name)), join(stage, 'dist-electron', name));
    await run(
      join(repoRoot, 'node_modules', '.bin', 'vite'),
      ['build', '--logLevel', 'warn', '--emptyOutDir', '--outDir', join(stage, 'dist', 'renderer')],
      { cwd: repoRoot },
    );
    copyFileSync(at('package.json'), join(stage, 'package.json'));
    cpSync(at('assets'), join(stage, 'assets'), { recursive: true });
    symlinkSync(at('build'), join(stage, 'build'));
    await stageProductionModules(join(stage, 'node_modules'));
    // What must not be shipped sits beside it, as in the repository.
    for (const dir of [
      'electron',
      'preload',
      'renderer',
      'daemon-bridge',
      'sandbox',
      'scripts',
      'test',
    ])
      cpSync(at(dir), join(stage, dir), { recursive: true });

    const electronDist = join(work.path, 'electron');
    const electronVersion = installedElectronVersion(repoRoot);
    writeStandInElectron(electronDist, { version: electronVersion, node: process.execPath });
    // The command a maintainer runs: the configuration comes through package.json's "build".
    await run(
      join(repoRoot, 'node_modules', '.bin', 'electron-builder'),
      [
        '--linux',
        '--dir',
        `-c.electronDist=${electronDist}`,
        `-c.electronVersion=${electronVersion}`,
        `-c.directories.output=${out}`,
      ],
      { cwd: stage, env: { ...process.env, CI: 'true' } },
    );

    // The package targets on that app, stopped before fpm / appimagetool are downloaded.
    await build({
      projectDir: stage,
      prepackaged: appOutDir,
      targets: Platform.LINUX.createTarget(['deb', 'rpm', 'AppImage'], Arch.x64),
      config: { electronVersion, directories: { output: join(work.path, 'targets') } },
      publish: 'never',
      effectiveOptionComputed: (value: unknown) => {
        if (Array.isArray(value)) {
          const [args, desktopPath] = value as [string[], string];
          const target = args[args.indexOf('--package') + 1]?.endsWith('.rpm') ? 'rpm' : 'deb';
          captured.fpm.set(target, {
            mappings: fpmMappings(args),
            desktop: readFileSync(desktopPath, 'utf8'),
          });
        } else {
          captured.appImageDesktop = (value as { desktop: string }).desktop;
        }
        return Promise.resolve(true);
      },
    });
  });
  afterAll(() => work.remove());

  it('makes an app.asar that holds exactly the app, and helper.cjs beside it', () => {
    expect(checkUnpackedApp(appOutDir, stage)).toEqual([]);
    const contents = readAppContents(appOutDir);
    // The same facts, spelled out, so a broken checker cannot hide them.
    expect(contents.appFiles).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist/renderer/index.html',
        'dist-electron/main.cjs',
        'dist-electron/preload.cjs',
        'assets/icons/256x256.png',
        'assets/tray/up-to-date-22.png',
        'assets/tray/up-to-date-22@2x.png',
      ]),
    );
    expect(contents.appFiles.filter((f) => !/^(dist\/renderer|assets)\//.test(f))).toEqual([
      'dist-electron/main.cjs',
      'dist-electron/preload.cjs',
      'package.json',
    ]);
    expect(contents.packages).toEqual(expect.arrayContaining(['dbus-next', 'zod']));
    expect(contents.packages).not.toEqual(expect.arrayContaining(['react']));
    expect(contents.unpacked).toEqual([HELPER_BUNDLE]);
  });

  it('runs helper.cjs as root would: through the wrapper, as Node, with a clean environment', () => {
    const wrapper = join(work.path, 'helper-wrapper');
    const text = readFileSync(at(BUILD_FILES.helperWrapper), 'utf8');
    const installed = `app_dir='${installDir(repoRoot)}'`;
    expect(text).toContain(installed);
    writeFileSync(wrapper, text.replace(installed, `app_dir='${appOutDir}'`), { mode: 0o755 });
    const result = spawnSync(wrapper, [], {
      input: '',
      encoding: 'utf8',
      timeout: 30_000,
      env: {
        ...process.env,
        // Neither may reach the helper: one would redirect it, the other would crash Node.
        OSTREE_UM_HELPER_SYSROOT: join(work.path, 'elsewhere'),
        NODE_OPTIONS: `--require ${join(work.path, 'missing.cjs')}`,
      },
    });
    expect(result.stderr).not.toMatch(/overridden|missing\.cjs/);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.split('\n')[0]!)).toEqual({
      hello: HELPER_HELLO,
      protocol: HELPER_PROTOCOL_VERSION,
    });
  });

  it('deb and rpm install the app, the launcher, the helper, its policy, the metainfo, the man page and the icons', () => {
    expect([...captured.fpm.keys()].sort()).toEqual(['deb', 'rpm']);
    const opt = installDir(repoRoot);
    for (const [target, { mappings }] of captured.fpm) {
      const source = new Map(mappings.map((m) => [m.target, m.source]));
      const fromStage = (target: string): string | undefined => {
        const path = source.get(target);
        return path === undefined ? undefined : resolve(stage, path);
      };
      expect(resolve(source.get(opt) ?? ''), target).toBe(appOutDir);
      expect(source.has(INSTALLED.desktopEntry), target).toBe(true);
      const ours = {
        [INSTALLED.helperWrapper]: BUILD_FILES.helperWrapper,
        [INSTALLED.helperPolicy]: BUILD_FILES.helperPolicy,
        [INSTALLED.metainfo]: BUILD_FILES.metainfo,
        [INSTALLED.autostartEntry]: BUILD_FILES.autostartEntry,
        [INSTALLED.manPage]: BUILD_FILES.manPage,
        ...Object.fromEntries(
          ICON_SIZES.map((n) => [installedIconPath(n), `assets/icons/${n}x${n}.png`]),
        ),
        [installedIconPath('scalable')]: 'assets/icons/app.svg',
      };
      for (const [installedPath, file] of Object.entries(ours)) {
        expect(fromStage(installedPath), `${target}: ${installedPath}`).toBe(join(stage, file));
        expect(existsSync(join(stage, file)), file).toBe(true);
      }
      // electron-builder's own icons, named after the executable, come too (the AppImage needs that name).
      expect(source.has(`/usr/share/icons/hicolor/256x256/apps/${EXECUTABLE_NAME}.png`)).toBe(true);
    }
  });

  it('generates launchers that pass desktop-file-validate and say what build/…desktop says', () => {
    const canonical = desktopEntryKeys(readFileSync(at(BUILD_FILES.desktopEntry), 'utf8'));
    const opt = installDir(repoRoot);
    const generated = [
      ...[...captured.fpm].map(([target, { desktop }]) => ({
        target,
        desktop,
        exec: `"${opt}/${EXECUTABLE_NAME}" %U`,
      })),
      {
        target: 'AppImage',
        desktop: captured.appImageDesktop ?? '',
        // An AppImage cannot carry the SUID chrome-sandbox.
        exec: 'AppRun --no-sandbox %U',
      },
    ];
    expect(generated.map((g) => g.target).sort()).toEqual(['AppImage', 'deb', 'rpm']);
    for (const { target, desktop, exec } of generated) {
      const dir = join(work.path, 'launchers', target);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${APP_ID}.desktop`), desktop);
      expect(desktopFileProblems(join(dir, `${APP_ID}.desktop`)), target).toEqual([]);
      const keys = desktopEntryKeys(desktop);
      // Every launcher electron-builder writes names the icon after the executable; the packages
      // install the icons under that name and under the app id.
      const expected = { ...Object.fromEntries(canonical), Exec: exec, Icon: EXECUTABLE_NAME };
      const actual = Object.fromEntries([...keys].filter(([key]) => key !== 'X-AppImage-Version'));
      expect(actual, target).toEqual(expected);
    }
  });
});
