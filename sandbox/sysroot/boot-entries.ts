import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** One Boot Loader Specification entry written by ostree (`boot/loader/entries/ostree-*.conf`). */
export interface BootEntry {
  readonly file: string;
  readonly title: string | undefined;
  readonly version: string | undefined;
  readonly options: string | undefined;
  readonly linux: string | undefined;
  readonly initrd: string | undefined;
}

/** `key value` lines, split at the first blank as ostree's bootconfig parser does. */
export function parseBootEntry(file: string, text: string): BootEntry {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*([^\s#]\S*)[ \t]+(.*?)\s*$/.exec(line);
    if (m) values.set(m[1]!, m[2]!);
  }
  return {
    file,
    title: values.get('title'),
    version: values.get('version'),
    options: values.get('options'),
    linux: values.get('linux'),
    initrd: values.get('initrd'),
  };
}

/** The `ostree=` kernel argument of an options string, if any. */
export function ostreeKarg(options: string | undefined): string | undefined {
  for (const arg of (options ?? '').split(' ')) if (arg.startsWith('ostree=')) return arg.slice(7);
  return undefined;
}

/**
 * The entries of the current boot version, in ostree's boot order: highest
 * `version` first (libostree compare_boot_loader_configs, reversed strverscmp).
 */
export async function readBootEntries(sysroot: string): Promise<BootEntry[]> {
  const bootversion = await currentBootversion(sysroot);
  const dir = join(sysroot, 'boot', `loader.${bootversion}`, 'entries');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const entries: BootEntry[] = [];
  for (const name of names.filter((n) => n.startsWith('ostree-') && n.endsWith('.conf'))) {
    const path = join(dir, name);
    if (!(await stat(path)).isFile()) continue;
    entries.push(parseBootEntry(path, await readFile(path, 'utf8')));
  }
  return entries.sort(compareEntries);
}

async function currentBootversion(sysroot: string): Promise<number> {
  try {
    const target = await readlink(join(sysroot, 'boot', 'loader'));
    if (target === 'loader.0') return 0;
    if (target === 'loader.1') return 1;
    throw new Error(`Invalid target '${target}' in boot/loader`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
}

function compareEntries(a: BootEntry, b: BootEntry): number {
  if (a.version !== undefined && b.version !== undefined) return -strverscmp(a.version, b.version);
  return a.version !== undefined ? -1 : 1;
}

/** glibc strverscmp for the plain version strings ostree writes: digit runs compare numerically. */
export function strverscmp(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const ca = chunks(a);
  const cb = chunks(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i]!;
    const y = cb[i]!;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = BigInt(x) - BigInt(y);
      if (d !== 0n) return d < 0n ? -1 : 1;
    }
    return x < y ? -1 : 1;
  }
  return ca.length - cb.length;
}
