import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writePackageFiles } from '../packages/package-files.ts';
import type { SandboxMachine } from '../machine/machine.ts';
import { kernelRelease } from './packages.ts';
import type { PackageSpec } from './packages.ts';

/** Distribution facts that end up in the tree (os-release, repo files). */
export interface ComposeInfo {
  /** Compose version, e.g. `43.20260101.0`. */
  readonly version: string;
}

/**
 * Writes a small but plausible root filesystem of `machine` (Fedora
 * Silverblue, Debian) for `packages` into `dir`: the /usr-merged layout with
 * its top-level symlinks, a kernel and initramfs under /usr/lib/modules (what
 * `ostree admin deploy` needs), the distribution's os-release and default
 * config in /usr/etc, and a few files per package.
 */
export async function writeTree(
  dir: string,
  packages: readonly PackageSpec[],
  compose: ComposeInfo,
  machine: SandboxMachine,
): Promise<void> {
  const file = async (path: string, content: string, mode = 0o644) => {
    const full = join(dir, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content, { mode });
  };
  const link = async (path: string, target: string) => {
    const full = join(dir, path);
    await mkdir(dirname(full), { recursive: true });
    await symlink(target, full);
  };

  for (const d of ['boot', 'dev', 'proc', 'run', 'sys', 'sysroot', 'tmp', 'var', 'usr/lib64'])
    await mkdir(join(dir, d), { recursive: true });
  const topLinks: Record<string, string> = {
    bin: 'usr/bin',
    sbin: 'usr/bin',
    lib: 'usr/lib',
    lib64: 'usr/lib64',
    ostree: 'sysroot/ostree',
    home: 'var/home',
    root: 'var/roothome',
    mnt: 'var/mnt',
    opt: 'var/opt',
    srv: 'var/srv',
    media: 'run/media',
  };
  for (const [name, target] of Object.entries(topLinks)) await link(name, target);
  await link('usr/sbin', 'bin');

  const kver = kernelRelease(packages);
  for (const p of packages) await writePackageFiles(dir, p);
  await file(`usr/lib/modules/${kver}/vmlinuz`, `Linux ${kver} (sandbox stand-in)\n`);
  await file(
    `usr/lib/modules/${kver}/initramfs.img`,
    `initramfs for ${kver}, compose ${compose.version}\n`,
  );
  await file(`usr/lib/modules/${kver}/modules.dep`, '');
  for (const [path, content] of Object.entries(machine.releaseFiles(compose.version)))
    await file(path, content);
  await link('usr/etc/os-release', '../usr/lib/os-release');
  await file('usr/etc/passwd', 'root:x:0:0:Super User:/root:/bin/bash\n');
  await file('usr/etc/group', 'root:x:0:\nwheel:x:10:\n');
}
