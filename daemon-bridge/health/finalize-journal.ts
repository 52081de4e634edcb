/**
 * Did the previous boot's ostree-finalize-staged fail? The same reading of
 * the systemd journal that `rpm-ostree status` makes (rpm-ostree's
 * rust/src/journal.rs), over entries `journalctl -o json` printed:
 *
 * 1. The previous boot is the one just before the running boot.
 * 2. In it, ostree's last "finalizing" message (MESSAGE_ID
 *    e8646cd63dff4625b77909a8e7a40994, SYSLOG_IDENTIFIER=ostree, _UID=0).
 *    None: nothing was staged, or it was cleaned up — fine.
 * 3. A "complete" message (dd440e3e549083b63d0efc7dc15255f1) from the same
 *    process after it: finalized — fine.
 * 4. Otherwise it failed. systemd's line about ostree-finalize-staged.service
 *    (UNIT=, _COMM=systemd) after it says how: a result other than an exit
 *    code (a timeout, a signal) is itself the message; for an exit code the
 *    message is ostree's last stdout line of that process, when it starts
 *    with "error:"; else there is no message.
 */
import type { JournalEntry } from './journal-entries.ts';
import { field } from './journal-entries.ts';

export const FINALIZE_SERVICE = 'ostree-finalize-staged.service';
export const FINALIZING_MESSAGE_ID = 'e8646cd63dff4625b77909a8e7a40994';
export const COMPLETE_MESSAGE_ID = 'dd440e3e549083b63d0efc7dc15255f1';

/** What the journal says about the previous boot's finalization. */
export type FinalizeOutcome =
  | { readonly kind: 'ok' }
  | {
      readonly kind: 'failed';
      /** ostree's `error:` line or systemd's result line; null when neither says more. */
      readonly message: string | null;
      /** Realtime of the finalizing message, ms since epoch. */
      readonly at: number | null;
    };

/** One boot of `journalctl --list-boots -o json`. */
export interface JournalBoot {
  readonly bootId: string;
  readonly firstEntry: number;
}

/** Boot ids are written with or without dashes (/proc has them, the journal does not). */
export function normalizeBootId(id: string): string {
  return id.trim().replace(/-/g, '').toLowerCase();
}

/**
 * The boot before `current` in `journalctl --list-boots` order, null when
 * `current` is the first; `undefined` when the journal does not have the
 * running boot at all (rpm-ostree then gives up: "couldn't find current boot").
 */
export function previousBoot(
  boots: readonly JournalBoot[],
  current: string,
): JournalBoot | null | undefined {
  const id = normalizeBootId(current);
  const index = boots.findIndex((b) => normalizeBootId(b.bootId) === id);
  if (index < 0) return undefined;
  return index === 0 ? null : boots[index - 1]!;
}

/**
 * Parses `journalctl --list-boots -o json` (one JSON array). journalctl
 * before systemd 250 ignores `-o json` here and prints its table
 * (`IDX BOOT-ID FIRST LAST`), which is read too.
 */
export function parseBootList(text: string): readonly JournalBoot[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (!trimmed.startsWith('['))
    return trimmed.split('\n').flatMap((line) => {
      const m = /^\s*-?\d+\s+([0-9a-f]{32})\s/.exec(line);
      return m ? [{ bootId: m[1]!, firstEntry: 0 }] : [];
    });
  const raw = JSON.parse(trimmed) as unknown;
  if (!Array.isArray(raw)) throw new Error('journalctl --list-boots did not print a JSON array');
  return raw.flatMap((b: unknown) => {
    if (typeof b !== 'object' || b === null) return [];
    const { boot_id: bootId, first_entry: first } = b as Record<string, unknown>;
    if (typeof bootId !== 'string') return [];
    return [{ bootId, firstEntry: typeof first === 'number' ? first : 0 }];
  });
}

const isOstree = (e: JournalEntry): boolean =>
  field(e, '_UID') === '0' && field(e, 'SYSLOG_IDENTIFIER') === 'ostree';

/**
 * The outcome from the previous boot's entries, in journal order. Pass the
 * entries of that boot only; extra entries of other kinds are ignored.
 */
export function finalizeOutcome(entries: readonly JournalEntry[]): FinalizeOutcome {
  let start = -1;
  for (let i = entries.length - 1; i >= 0; i--)
    if (isOstree(entries[i]!) && field(entries[i]!, 'MESSAGE_ID') === FINALIZING_MESSAGE_ID) {
      start = i;
      break;
    }
  if (start < 0) return { kind: 'ok' };
  const finalizing = entries[start]!;
  const pid = field(finalizing, '_PID');
  const at = realtimeMs(finalizing);
  const after = entries.slice(start + 1);
  const sameProcess = (e: JournalEntry) => isOstree(e) && field(e, '_PID') === pid;
  if (after.some((e) => sameProcess(e) && field(e, 'MESSAGE_ID') === COMPLETE_MESSAGE_ID))
    return { kind: 'ok' };

  let exited = false;
  for (const e of after) {
    if (field(e, 'UNIT') !== FINALIZE_SERVICE || field(e, '_COMM') !== 'systemd') continue;
    const message = field(e, 'MESSAGE');
    if (message === null) continue;
    // The same two phrasings rpm-ostree looks for (case as it matches them).
    if (message.includes('Failed with result') || message.includes('control process exited')) {
      if (!message.includes('exit-code') && !message.includes('code=exited'))
        return { kind: 'failed', message, at };
      exited = true;
      break;
    }
  }
  if (!exited) return { kind: 'failed', message: null, at };

  // ostree's stdout only: its structured finalizing message can carry a later timestamp.
  let line: string | null = null;
  for (let i = entries.length - 1; i >= 0 && line === null; i--) {
    const e = entries[i]!;
    if (sameProcess(e) && field(e, '_TRANSPORT') === 'stdout') line = field(e, 'MESSAGE') ?? '';
  }
  return { kind: 'failed', message: line?.startsWith('error:') ? line : null, at };
}

function realtimeMs(e: JournalEntry): number | null {
  const us = field(e, '__REALTIME_TIMESTAMP');
  return us !== null && /^\d+$/.test(us) ? Math.floor(Number(us) / 1000) : null;
}
