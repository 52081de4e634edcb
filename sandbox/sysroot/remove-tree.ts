import { execFile } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const DEPLOY_PARENT = /\/ostree\/deploy\/[^/]+\/deploy$/;

/**
 * `rm -rf` for directories holding ostree sysroots. When ostree runs as root
 * it sets the immutable attribute (chattr +i) on every deployment root, which
 * even root cannot delete; clear it first. Non-root runs never get the flag.
 */
export async function removeTree(path: string): Promise<void> {
  if (process.getuid?.() === 0) {
    const roots: string[] = [];
    await findDeploymentRoots(path, 0, roots);
    await Promise.all(roots.map(clearImmutable));
  }
  await rm(path, { recursive: true, force: true });
}

async function findDeploymentRoots(dir: string, depth: number, out: string[]): Promise<void> {
  if (depth > 8) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  const isDeployParent = DEPLOY_PARENT.test(dir);
  for (const e of entries) {
    if (!e.isDirectory() || e.name === 'objects') continue;
    const child = join(dir, e.name);
    if (isDeployParent) out.push(child);
    else await findDeploymentRoots(child, depth + 1, out);
  }
}

function clearImmutable(dir: string): Promise<void> {
  return new Promise((resolve) => execFile('chattr', ['-i', dir], () => resolve()));
}
