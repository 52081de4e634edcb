import { mkdir, readFile, realpath, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { ostreeKarg, readBootEntries } from './boot-entries.ts';
import type { BootEntry } from './boot-entries.ts';
import type { SandboxLayout } from './layout.ts';

/**
 * What a real boot leaves behind: ostree-prepare-root resolves the `ostree=`
 * argument of /proc/cmdline through the `/ostree/boot.N/…` symlink chain to a
 * deployment directory and records that directory's (device, inode) in
 * /run/ostree-booted; libostree later calls the deployment with that
 * (device, inode) "booted". The sandbox keeps the same two facts under
 * DIR/run/: `cmdline` and this record.
 */
export interface BootRecord {
  readonly cmdline: string;
  /** Deployment directory relative to the sysroot, e.g. `ostree/deploy/fedora/deploy/<csum>.0`. */
  readonly deployment: string;
  readonly device: string;
  readonly inode: string;
}

/**
 * Boots the sandbox machine: writes the kernel command line the bootloader
 * would pass for `entry` (default: the first entry, i.e. the default
 * deployment) and resolves it as ostree-prepare-root does.
 */
export async function bootSandbox(layout: SandboxLayout, entry?: BootEntry): Promise<BootRecord> {
  const chosen = entry ?? (await readBootEntries(layout.sysroot))[0];
  if (!chosen) throw new Error(`No boot entries in ${layout.sysroot}; nothing to boot`);
  const cmdline = `BOOT_IMAGE=(hd0,gpt2)${chosen.linux ?? ''} ${chosen.options ?? ''}`.trim();
  await mkdir(layout.runDir, { recursive: true });
  await writeAtomic(layout.cmdline, `${cmdline}\n`);
  return recordBoot(layout, cmdline);
}

/**
 * The current boot, or null when the machine is "off" (no cmdline). A
 * cmdline without a record (written by hand, or /run restored) is resolved
 * and recorded now, which is when a real boot would have done it.
 */
export async function readBootRecord(layout: SandboxLayout): Promise<BootRecord | null> {
  try {
    const parsed = JSON.parse(await readFile(layout.bootedRecord, 'utf8')) as Partial<BootRecord>;
    if (parsed.deployment && parsed.device && parsed.inode && parsed.cmdline !== undefined)
      return parsed as BootRecord;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && !(err instanceof SyntaxError))
      throw err;
  }
  let cmdline: string;
  try {
    cmdline = (await readFile(layout.cmdline, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return recordBoot(layout, cmdline);
}

async function recordBoot(layout: SandboxLayout, cmdline: string): Promise<BootRecord> {
  const karg = ostreeKarg(cmdline);
  if (!karg) throw new Error(`No ostree= kernel argument in ${layout.cmdline}: ${cmdline}`);
  // The boot link is absolute inside the sysroot; its targets are relative symlinks.
  const dir = await realpath(`${layout.sysroot}${karg}`).catch((err: unknown) => {
    throw new Error(`Cannot resolve ostree=${karg} in ${layout.sysroot}: ${String(err)}`);
  });
  const deployment = relative(layout.sysroot, dir);
  if (!/^ostree\/deploy\/[^/]+\/deploy\/[0-9a-f]{64}\.\d+$/.test(deployment))
    throw new Error(`ostree=${karg} does not lead to a deployment (got ${deployment})`);
  const st = await stat(dir, { bigint: true });
  const record: BootRecord = {
    cmdline,
    deployment,
    device: st.dev.toString(),
    inode: st.ino.toString(),
  };
  await writeAtomic(layout.bootedRecord, `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}
