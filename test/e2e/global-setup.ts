import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildElectron } from '../../scripts/build-electron.ts';
import { repoRoot } from '../support/reference.ts';

/**
 * End-to-end tests drive what `npm start` runs after its build: the built
 * renderer, and web mode's app process (dist-electron/web.cjs) with the
 * bundled helper next to it.
 */
export async function setup(): Promise<void> {
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  await buildElectron();
}
