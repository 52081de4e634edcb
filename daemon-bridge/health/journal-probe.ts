import { readFile } from 'node:fs/promises';
import { errorText } from './disk-probe.ts';
import {
  FINALIZE_SERVICE,
  finalizeOutcome,
  normalizeBootId,
  parseBootList,
  previousBoot,
} from './finalize-journal.ts';
import type { FinalizeOutcome } from './finalize-journal.ts';
import { parseJournalLines } from './journal-entries.ts';
import type { CommandRunner } from './run-command.ts';
import { runCommand } from './run-command.ts';

/** The system journal, or (sandbox mode) a directory of journal files. */
export type JournalSource =
  { readonly kind: 'system' } | { readonly kind: 'directory'; readonly path: string };

export type FinalizeReading =
  | (FinalizeOutcome & { readonly bootId: string | null })
  | { readonly kind: 'unknown'; readonly reason: string };

/** The running boot's id: /proc/sys/kernel/random/boot_id, or the sandbox's stand-in. */
export async function readBootId(file: string): Promise<string> {
  const id = normalizeBootId(await readFile(file, 'utf8'));
  if (!/^[0-9a-f]{32}$/.test(id)) throw new Error(`${file} holds no boot id`);
  return id;
}

/**
 * Reads the previous boot's finalization from the journal with journalctl
 * (finalize-journal.ts says how it is judged). Anything that keeps the
 * journal from being read — no journalctl, no permission, no entries of the
 * running boot — is `unknown` with the reason, never `ok`.
 */
export async function readFinalizeFromJournal(
  source: JournalSource,
  currentBootId: string,
  run: CommandRunner = runCommand,
): Promise<FinalizeReading> {
  const from = source.kind === 'system' ? ['--system'] : [`--directory=${source.path}`];
  const journalctl = async (args: readonly string[]) => {
    try {
      const out = await run('journalctl', ['--no-pager', ...from, ...args]);
      if (out.code !== 0)
        return {
          failed: `journalctl ${out.code === null ? 'timed out' : `exited with ${out.code}`}${detail(out.stderr)}`,
        };
      return out;
    } catch (err) {
      return { failed: `Cannot run journalctl: ${errorText(err)}` };
    }
  };

  const list = await journalctl(['--list-boots', '-o', 'json']);
  if ('failed' in list) return { kind: 'unknown', reason: list.failed };
  let boots;
  try {
    boots = parseBootList(list.stdout);
  } catch (err) {
    return { kind: 'unknown', reason: errorText(err) };
  }
  const previous = previousBoot(boots, currentBootId);
  if (previous === undefined)
    return {
      kind: 'unknown',
      reason: `The journal has no entries of the running boot${detail(list.stderr)}`,
    };
  if (previous === null) return { kind: 'ok', bootId: null };

  const id = normalizeBootId(previous.bootId);
  // Two match groups, OR-ed by "+": ostree's own messages, and systemd's about the unit.
  const found = await journalctl([
    '-o',
    'json',
    `_BOOT_ID=${id}`,
    '_UID=0',
    'SYSLOG_IDENTIFIER=ostree',
    '+',
    `_BOOT_ID=${id}`,
    `UNIT=${FINALIZE_SERVICE}`,
    '_COMM=systemd',
  ]);
  if ('failed' in found) return { kind: 'unknown', reason: found.failed };
  return { ...finalizeOutcome(parseJournalLines(found.stdout)), bootId: id };
}

/** journalctl's first line on stderr, as ": …" (its hints about permissions live there). */
function detail(stderr: string): string {
  const line = stderr
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  return line ? `: ${line}` : '';
}
