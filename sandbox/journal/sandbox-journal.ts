/**
 * The sandbox machine's systemd journal: real journal files in `DIR/journal/`
 * (readable with `journalctl --directory=DIR/journal`), written by
 * systemd-journal-remote from entries in export format, and the running
 * boot's id in `DIR/run/boot_id` (the stand-in for
 * /proc/sys/kernel/random/boot_id). Each sandbox boot gets a fresh boot id,
 * so "the previous boot" means what it means on a real machine.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SandboxLayout } from '../sysroot/layout.ts';
import { exportFormat } from './journal-export.ts';
import type { JournalRecord } from './journal-export.ts';

/** Debian's path; `SANDBOX_JOURNAL_REMOTE` overrides it. */
export const JOURNAL_REMOTE =
  process.env.SANDBOX_JOURNAL_REMOTE ?? '/lib/systemd/systemd-journal-remote';

export const journalDir = (layout: SandboxLayout): string => join(layout.dir, 'journal');
export const bootIdFile = (layout: SandboxLayout): string => join(layout.runDir, 'boot_id');
const machineIdFile = (layout: SandboxLayout): string => join(layout.dir, 'etc', 'machine-id');

/** The running boot: its id and when it started (the id file's mtime). */
export interface SandboxBoot {
  readonly bootId: string;
  readonly startedAt: number;
}

export function newBootId(): string {
  return randomBytes(16).toString('hex');
}

/** The running boot, or null when none was recorded (a sandbox from before the journal). */
export async function currentBoot(layout: SandboxLayout): Promise<SandboxBoot | null> {
  try {
    const file = bootIdFile(layout);
    const bootId = (await readFile(file, 'utf8')).trim().replace(/-/g, '');
    if (!/^[0-9a-f]{32}$/.test(bootId)) return null;
    return { bootId, startedAt: (await stat(file)).mtimeMs };
  } catch {
    return null;
  }
}

/** Records `bootId` as the running boot, written as the kernel writes it (8-4-4-4-12). */
export async function writeBootId(layout: SandboxLayout, bootId: string): Promise<void> {
  const dashed = bootId.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
  await writeAtomic(bootIdFile(layout), `${dashed}\n`);
}

/** /etc/machine-id of the sandbox machine, made on first use. */
export async function machineId(layout: SandboxLayout): Promise<string> {
  try {
    const id = (await readFile(machineIdFile(layout), 'utf8')).trim();
    if (/^[0-9a-f]{32}$/.test(id)) return id;
  } catch {
    // None yet.
  }
  const id = newBootId();
  await writeAtomic(machineIdFile(layout), `${id}\n`);
  return id;
}

/**
 * Appends `records` to the machine's journal with systemd-journal-remote.
 * Rejects with its message when it is missing or refuses the input.
 */
export async function appendJournal(
  layout: SandboxLayout,
  records: readonly JournalRecord[],
): Promise<void> {
  const dir = journalDir(layout);
  await mkdir(dir, { recursive: true });
  const output = join(dir, 'remote.journal');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(JOURNAL_REMOTE, [`--output=${output}`, '-'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', (err) => reject(new Error(`${JOURNAL_REMOTE}: ${err.message}`)));
    child.once('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${JOURNAL_REMOTE} exited with ${code}: ${stderr.trim()}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(exportFormat(records));
  });
}

async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}
