import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTree } from '../../sandbox/sysroot/remove-tree.ts';

/**
 * A fresh temp directory for a sandbox machine. Plain `rm -rf` fails on it
 * when tests run as root: ostree marks deployment roots immutable.
 */
export function sandboxTempDir(prefix: string): { path: string; remove(): Promise<void> } {
  const path = mkdtempSync(join(tmpdir(), `oum-${prefix}-`));
  return { path, remove: () => removeTree(path) };
}
