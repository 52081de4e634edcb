/**
 * `npm run build:electron`: bundles the main process and the preload with
 * esbuild into dist-electron/. Only bundles; needs no Electron binary.
 *
 * - main.cjs: Node platform, CJS (Electron's main loads it with require).
 *   `electron` comes from the runtime; the app's own runtime dependencies
 *   (dbus-next with its optional native usocket, ws with its optional native
 *   helpers) stay in node_modules, where electron-builder ships them.
 * - preload.cjs: a sandboxed preload can require only `electron` and a few
 *   built-ins, never a file or a package, so everything else (the contract,
 *   zod) is bundled in.
 * - helper.cjs: the privileged helper (daemon-bridge/helper/helper-main.ts),
 *   run as root by pkexec through the installed wrapper. Self-contained:
 *   dbus-next and zod are bundled in, so root never resolves a package from
 *   a node_modules tree and the wrapper can run it with any Node (Electron
 *   with ELECTRON_RUN_AS_NODE=1, or the system's node). Only dbus-next's
 *   optional lazy requires stay out: `usocket` (abstract sockets) and `x11`
 *   (session-bus autolaunch); the system bus is a unix path and needs neither.
 * - web.cjs: web mode's app process (scripts/web-app.ts: the bridge and the
 *   web server), which `npm start -- --web` runs with plain Node, as main.cjs
 *   runs in Electron; its dependencies stay in node_modules like main.cjs's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
};

/** Electron 41 ships Node 24; node22 keeps the output valid for both. */
const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

/** Builds the bundles; resolves with the files written. */
export async function buildElectron(): Promise<readonly string[]> {
  const outputs = [
    {
      ...common,
      entryPoints: ['electron/main.ts'],
      outfile: 'dist-electron/main.cjs',
      external: ['electron', ...Object.keys(pkg.dependencies ?? {})],
    },
    {
      ...common,
      entryPoints: ['preload/index.ts'],
      outfile: 'dist-electron/preload.cjs',
      external: ['electron'],
    },
    {
      ...common,
      entryPoints: ['scripts/web-app.ts'],
      outfile: 'dist-electron/web.cjs',
      external: ['electron', ...Object.keys(pkg.dependencies ?? {})],
    },
    {
      ...common,
      entryPoints: ['daemon-bridge/helper/helper-main.ts'],
      outfile: 'dist-electron/helper.cjs',
      external: ['usocket', 'x11'],
    },
  ];
  await Promise.all(outputs.map((options) => build(options)));
  return outputs.map((o) => o.outfile);
}

if (process.argv[1] === import.meta.filename) {
  buildElectron().then(
    (files) => process.stdout.write(`built ${files.join(', ')}\n`),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
