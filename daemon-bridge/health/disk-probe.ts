import { readdir, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { DiskReading } from './disk-space.ts';

/**
 * Measures `path` with statfs(2). For /boot (`kernels: true`) it also sizes
 * each `ostree/<osname>-<bootcsum>/` directory — one kernel, its initramfs
 * and any devicetree files — and keeps the biggest. stat needs no read
 * permission on the files, so root-only initramfs images are sized too.
 */
export async function readDisk(path: string, kernels = false): Promise<DiskReading> {
  try {
    const fs = await statfs(path);
    return {
      kind: 'measured',
      path,
      freeBytes: fs.bavail * fs.bsize,
      totalBytes: fs.blocks * fs.bsize,
      biggestKernelBytes: kernels ? await biggestKernelPair(path) : null,
    };
  } catch (err) {
    return { kind: 'failed', path, reason: errorText(err) };
  }
}

async function biggestKernelPair(boot: string): Promise<number | null> {
  const root = join(boot, 'ostree');
  let dirs: string[];
  try {
    dirs = await readdir(root);
  } catch {
    return null;
  }
  let biggest: number | null = null;
  for (const dir of dirs) {
    const size = await treeSize(join(root, dir), 2);
    if (size !== null && (biggest === null || size > biggest)) biggest = size;
  }
  return biggest;
}

async function treeSize(path: string, depth: number): Promise<number | null> {
  try {
    const st = await stat(path);
    if (!st.isDirectory()) return st.isFile() ? st.size : 0;
    if (depth === 0) return 0;
    let sum = 0;
    for (const name of await readdir(path))
      sum += (await treeSize(join(path, name), depth - 1)) ?? 0;
    return sum;
  } catch {
    return null;
  }
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
