import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * argv of the helper from the source tree: Node with tsx's loader running
 * helper-main.ts, the way sandbox/launch.ts builds `daemonCommand`. For tests
 * and development; the built app, in a window or in web mode (`npm start`
 * builds first), runs dist-electron/helper.cjs instead (helper-launch.ts
 * bundledHelperProgram).
 */
export function helperSourceProgram(): readonly string[] {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const main = join(dirname(fileURLToPath(import.meta.url)), 'helper-main.ts');
  return [process.execPath, '--import', tsx, main];
}
