/**
 * `npm run dist:check [-- <app dir>]`: checks an unpacked app that
 * electron-builder made (default out/linux-unpacked) against the project it
 * was built from. app.asar must hold exactly:
 *
 *   package.json, dist/renderer/**, dist-electron/main.cjs and preload.cjs,
 *   assets/**, and under node_modules/ the packages main.cjs loads at run
 *   time with their dependencies — nothing else (no sources, no tests, no
 *   sandbox/, no source maps, no renderer-only packages: Vite has bundled
 *   those into dist/renderer);
 *
 * and dist-electron/helper.cjs must be outside it, in app.asar.unpacked/,
 * where root can run it (build/ostree-update-manager-helper).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { listAsar } from './package-asar.ts';

/** The executable electron-builder names the Electron binary (build/electron-builder.json linux.executableName). */
export const EXECUTABLE_NAME = 'ostree-update-manager';

/** The helper bundle, shipped unpacked (build/electron-builder.json asarUnpack). */
export const HELPER_BUNDLE = 'dist-electron/helper.cjs';

/** Bundles app.asar carries besides the renderer and the assets. */
const PACKED_BUNDLES = ['dist-electron/main.cjs', 'dist-electron/preload.cjs'] as const;

/**
 * Packages a CommonJS bundle loads: its bare `require("…")` specifiers,
 * without Node built-ins and `electron`, reduced to package names.
 */
export function requiredPackages(bundle: string): readonly string[] {
  const builtins = new Set(builtinModules);
  const names = new Set<string>();
  for (const match of bundle.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
    const specifier = match[1]!;
    if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:'))
      continue;
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    if (name === 'electron' || builtins.has(name)) continue;
    names.add(name);
  }
  return [...names].sort();
}

/**
 * The package directories, relative to `<projectDir>/node_modules`, that
 * `names` need at run time: each package and, recursively, its
 * dependencies and installed optional dependencies, resolved the way Node
 * resolves them (nearest node_modules/ first).
 */
export function runtimePackageClosure(
  projectDir: string,
  names: readonly string[],
): readonly string[] {
  const root = join(projectDir, 'node_modules');
  const found = new Set<string>();
  const visit = (name: string, fromDir: string, optional: boolean): void => {
    const dir = resolvePackageDir(name, fromDir, projectDir);
    if (dir === null) {
      if (optional) return;
      throw new Error(`cannot resolve the package ${name} from ${fromDir}`);
    }
    const key = relative(root, dir).split(sep).join('/');
    if (found.has(key)) return;
    found.add(key);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    const optionals = Object.keys(manifest.optionalDependencies ?? {});
    for (const dep of Object.keys(manifest.dependencies ?? {}))
      visit(dep, dir, optionals.includes(dep));
    for (const dep of optionals) visit(dep, dir, true);
  };
  for (const name of names) visit(name, projectDir, false);
  return [...found].sort();
}

function resolvePackageDir(name: string, fromDir: string, projectDir: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === projectDir || dirname(dir) === dir) return null;
  }
}

/** The package directories (relative to the top node_modules/) that a list of archive paths has files in. */
export function packageDirs(paths: readonly string[]): readonly string[] {
  const dirs = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/');
    if (parts[0] !== 'node_modules') continue;
    for (let i = 0; i < parts.length - 1; i++) {
      if (parts[i] !== 'node_modules') continue;
      const end = parts[i + 1]!.startsWith('@') ? i + 3 : i + 2;
      if (end < parts.length) dirs.add(parts.slice(1, end).join('/'));
    }
  }
  return [...dirs].sort();
}

/** Every file below `dir`, as `/`-separated paths prefixed with `prefix`. */
function filesBelow(dir: string, prefix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesBelow(join(dir, entry.name), `${prefix}/${entry.name}`)
      : [`${prefix}/${entry.name}`],
  );
}

/** What app.asar must hold outside node_modules/ for the built project at `projectDir`. */
export function expectedAppFiles(projectDir: string): readonly string[] {
  return [
    'package.json',
    ...filesBelow(join(projectDir, 'dist', 'renderer'), 'dist/renderer'),
    ...PACKED_BUNDLES,
    ...filesBelow(join(projectDir, 'assets'), 'assets'),
  ].sort();
}

/** What the unpacked app at `appOutDir` holds, as the checks see it. */
export interface AppContents {
  /** Files packed in app.asar, outside node_modules/. */
  readonly appFiles: readonly string[];
  /** Package directories under node_modules/ in app.asar. */
  readonly packages: readonly string[];
  /** Entries of app.asar whose bytes are in app.asar.unpacked/. */
  readonly unpacked: readonly string[];
}

export function readAppContents(appOutDir: string): AppContents {
  const entries = listAsar(join(appOutDir, 'resources', 'app.asar'));
  const packed = entries.filter((e) => !e.unpacked).map((e) => e.path);
  return {
    appFiles: packed.filter((p) => !p.startsWith('node_modules/')),
    packages: packageDirs(packed),
    unpacked: entries.filter((e) => e.unpacked).map((e) => e.path),
  };
}

/** What is wrong with the unpacked app at `appOutDir` built from `projectDir`; empty when nothing is. */
export function checkUnpackedApp(appOutDir: string, projectDir: string): readonly string[] {
  const problems: string[] = [];
  const contents = readAppContents(appOutDir);

  const expected = expectedAppFiles(projectDir);
  const extra = contents.appFiles.filter((f) => !expected.includes(f));
  const missing = expected.filter((f) => !contents.appFiles.includes(f));
  if (extra.length) problems.push(`app.asar holds files it should not: ${extra.join(', ')}`);
  if (missing.length) problems.push(`app.asar lacks: ${missing.join(', ')}`);

  const main = readFileSync(join(projectDir, PACKED_BUNDLES[0]), 'utf8');
  const wanted = runtimePackageClosure(projectDir, requiredPackages(main));
  const extraPackages = contents.packages.filter((p) => !wanted.includes(p));
  const missingPackages = wanted.filter((p) => !contents.packages.includes(p));
  if (extraPackages.length)
    problems.push(
      `app.asar ships packages main.cjs never loads (exclude them in build/electron-builder.json "files"): ${extraPackages.join(', ')}`,
    );
  if (missingPackages.length)
    problems.push(
      `app.asar lacks packages main.cjs loads at run time: ${missingPackages.join(', ')}`,
    );

  if (contents.unpacked.join() !== HELPER_BUNDLE)
    problems.push(
      `exactly ${HELPER_BUNDLE} must be unpacked, got: ${contents.unpacked.join(', ') || 'nothing'}`,
    );
  const helper = join(appOutDir, 'resources', 'app.asar.unpacked', HELPER_BUNDLE);
  if (!existsSync(helper)) problems.push(`${helper} is missing`);
  else if (!readFileSync(helper).equals(readFileSync(join(projectDir, HELPER_BUNDLE))))
    problems.push(`${helper} differs from the project's ${HELPER_BUNDLE}`);
  if (!existsSync(join(appOutDir, EXECUTABLE_NAME)))
    problems.push(`the executable ${EXECUTABLE_NAME} is missing from ${appOutDir}`);
  return problems;
}

if (process.argv[1] === import.meta.filename) {
  const root = join(import.meta.dirname, '..');
  const appOutDir = process.argv[2] ?? join(root, 'out', 'linux-unpacked');
  try {
    const contents = readAppContents(appOutDir);
    process.stdout.write(
      `app.asar: ${contents.appFiles.length} files outside node_modules/, packages: ${contents.packages.join(' ')}\n` +
        `unpacked: ${contents.unpacked.join(' ')}\n`,
    );
    const problems = checkUnpackedApp(appOutDir, root);
    for (const problem of problems) process.stderr.write(`✗ ${problem}\n`);
    if (problems.length) process.exit(1);
    process.stdout.write(`✓ ${appOutDir} holds what it should\n`);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
