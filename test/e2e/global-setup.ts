import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../support/reference.ts';

/** End-to-end tests drive the built renderer, exactly what `npm start` serves. */
export function setup(): void {
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}
