/**
 * A stand-in for Electron's unpacked Linux distribution, for packaging
 * without network access: `electron-builder --dir -c.electronDist=<dir>`
 * copies it instead of downloading the Electron zip from github.com, so the
 * configuration, the file selection and app.asar can be checked offline
 * (test/integration/packaging.test.ts, `npm run dist:offline`).
 *
 * Its `electron` is a shell script, not Electron: with ELECTRON_RUN_AS_NODE=1
 * it runs Node, as the real binary would (that is how the packaged helper
 * runs, build/ostree-update-manager-helper); otherwise it says what it is and
 * fails. An app made with it is for inspection only.
 *
 * Usage: tsx scripts/package-stand-in.ts <dir>
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StandInOptions {
  /** The Electron version to claim (electron-builder reads it from `version`). */
  readonly version: string;
  /** Absolute path of the Node binary the stand-in runs as ELECTRON_RUN_AS_NODE. */
  readonly node: string;
}

/** The version of the electron package installed in `projectDir`. */
export function installedElectronVersion(projectDir: string): string {
  const manifest = JSON.parse(
    readFileSync(join(projectDir, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ) as { version?: unknown };
  if (typeof manifest.version !== 'string') throw new Error('node_modules/electron has no version');
  return manifest.version;
}

/** Single-quotes a word for sh. */
function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Writes the stand-in distribution into `dir` (created when missing). */
export function writeStandInElectron(dir: string, options: StandInOptions): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const script = [
    '#!/bin/sh',
    '# A stand-in for Electron (scripts/package-stand-in.ts): Node when run as Node, nothing else.',
    'if [ "${ELECTRON_RUN_AS_NODE:-}" = 1 ]; then',
    `  exec ${shellQuote(options.node)} "$@"`,
    'fi',
    'echo "this is a stand-in for Electron, made for checking packages offline; it cannot open a window" >&2',
    'exit 1',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'electron'), script);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'chrome-sandbox'), '');
  writeFileSync(join(dir, 'version'), options.version);
  writeFileSync(join(dir, 'LICENSE'), 'Stand-in for the Electron license file.\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<!-- stand-in -->\n');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
}

if (process.argv[1] === import.meta.filename) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: tsx scripts/package-stand-in.ts <dir>\n');
    process.exit(2);
  }
  const root = join(import.meta.dirname, '..');
  writeStandInElectron(dir, { version: installedElectronVersion(root), node: process.execPath });
  process.stdout.write(`${dir}\n`);
}
