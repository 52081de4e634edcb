import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SandboxLayout } from '../sysroot/layout.ts';
import { readSandboxFaults } from './faults.ts';

/**
 * libostree's error when the kernel or initramfs does not fit into /boot:
 * install_deployment_kernel (GLNX_AUTO_PREFIX_ERROR "Installing kernel") →
 * install_into_boot (glnx_throw_errno_prefix "regfile copy") with ENOSPC,
 * passed on unprefixed by ostree_sysroot_write_deployments and rpm-ostree.
 */
export const BOOT_FULL_MESSAGE = 'Installing kernel: regfile copy: No space left on device';

function ostreeBytes(args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'ostree',
      [...args],
      { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 },
      (err, stdout) => (err ? reject(new Error(err.message)) : resolve(stdout)),
    );
  });
}

interface BootFile {
  readonly path: string;
  readonly size: number;
}

/** vmlinuz and initramfs.img under /usr/lib/modules/<kver>/ of `commit` (ostree's kernel layout). */
async function kernelLayout(repo: string, commit: string): Promise<BootFile[]> {
  const listing = (
    await ostreeBytes(['ls', `--repo=${repo}`, '-R', commit, '/usr/lib/modules'])
  ).toString();
  const files = new Map<string, BootFile>();
  for (const line of listing.split('\n')) {
    const m =
      /^-\S+\s+\d+\s+\d+\s+(\d+)\s+(\/usr\/lib\/modules\/[^/]+\/(vmlinuz|initramfs\.img))$/.exec(
        line.trim(),
      );
    if (m && !files.has(m[3]!)) files.set(m[3]!, { path: m[2]!, size: Number(m[1]) });
  }
  return ['vmlinuz', 'initramfs.img'].flatMap((name) => files.get(name) ?? []);
}

/**
 * The `boot-free` fault: /boot (a partition of its own here) has that many
 * bytes free. Deploying `commit` needs its kernel and initramfs copied to
 * /boot/ostree/<osname>-<bootcsum> unless a deployment already put that
 * boot checksum there (bootcsum = SHA-256 of the kernel, then the
 * initramfs, as libostree computes it); if they need more than is free, the
 * deployment fails with libostree's ENOSPC error before anything is written.
 */
export async function checkBootSpace(
  layout: SandboxLayout,
  osname: string,
  commit: string,
): Promise<void> {
  const free = readSandboxFaults(layout.dir).bootFreeBytes;
  if (free === undefined) return;
  const files = await kernelLayout(layout.repo, commit);
  const hash = createHash('sha256');
  for (const file of files)
    hash.update(await ostreeBytes(['cat', `--repo=${layout.repo}`, commit, file.path]));
  const bootDir = join(layout.sysroot, 'boot', 'ostree', `${osname}-${hash.digest('hex')}`);
  if (existsSync(bootDir)) return;
  const needed = files.reduce((sum, f) => sum + f.size, 0);
  if (needed > free) throw new Error(BOOT_FULL_MESSAGE);
}
