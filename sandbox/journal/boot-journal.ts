/**
 * What a boot and a shutdown leave in the journal of the sandbox machine:
 * the kernel's first lines and systemd reaching its target at boot; at
 * shutdown, ostree-finalize-staged.service writing (or failing to write)
 * the staged deployment, with the messages and fields the real ostree and
 * systemd log (MESSAGE_IDs of libostree's deploy code, SYSLOG_IDENTIFIER,
 * _UID, _PID, _COMM, _TRANSPORT, UNIT). `rpm-ostree status` reads these to
 * warn about a failed finalization, and so does the app.
 */
import { randomInt } from 'node:crypto';
import type { SandboxLayout } from '../sysroot/layout.ts';
import type { JournalRecord } from './journal-export.ts';
import {
  appendJournal,
  currentBoot,
  machineId,
  newBootId,
  writeBootId,
} from './sandbox-journal.ts';

export const FINALIZE_SERVICE = 'ostree-finalize-staged.service';
/** libostree's OSTREE_DEPLOYMENT_FINALIZING_ID and OSTREE_DEPLOYMENT_COMPLETE_ID. */
export const FINALIZING_MESSAGE_ID = 'e8646cd63dff4625b77909a8e7a40994';
export const COMPLETE_MESSAGE_ID = 'dd440e3e549083b63d0efc7dc15255f1';

/** What the shutdown's ostree-finalize-staged does; null when nothing was staged (or it is locked). */
export type FinalizeScript =
  { readonly outcome: 'finalized' } | { readonly outcome: 'failed'; readonly error: string };

/** What the sandbox's finalization fails with unless told otherwise: a full /boot. */
export const DEFAULT_FINALIZE_ERROR =
  'error: Installing kernel: regfile copy: No space left on device';

type Fields = Record<string, string>;

const systemd = (message: string, unit?: string): Fields => ({
  MESSAGE: message,
  PRIORITY: '6',
  SYSLOG_IDENTIFIER: 'systemd',
  _PID: '1',
  _UID: '0',
  _COMM: 'systemd',
  _TRANSPORT: 'journal',
  ...(unit ? { UNIT: unit } : {}),
});

const ostree = (pid: number, message: string, extra: Fields = {}): Fields => ({
  MESSAGE: message,
  PRIORITY: '6',
  SYSLOG_IDENTIFIER: 'ostree',
  _PID: String(pid),
  _UID: '0',
  _COMM: 'ostree',
  _TRANSPORT: 'journal',
  ...extra,
});

/** The previous boot's last entries: the shutdown, with the staged deployment's finalization. */
export function shutdownFields(finalize: FinalizeScript | null): readonly Fields[] {
  const entries: Fields[] = [
    {
      MESSAGE: 'System is rebooting.',
      PRIORITY: '6',
      SYSLOG_IDENTIFIER: 'systemd-logind',
      _UID: '0',
      _COMM: 'systemd-logind',
      _TRANSPORT: 'journal',
    },
  ];
  if (!finalize) return entries;
  const pid = randomInt(2_000, 60_000);
  const unitName = `${FINALIZE_SERVICE} - OSTree Finalize Staged Deployment`;
  entries.push(
    systemd(`Stopping ${unitName}...`, FINALIZE_SERVICE),
    ostree(pid, 'Finalizing staged deployment', { MESSAGE_ID: FINALIZING_MESSAGE_ID }),
  );
  if (finalize.outcome === 'finalized') {
    entries.push(
      ostree(
        pid,
        'Transaction complete; bootconfig swap: yes; bootversion: boot.1.1, deployment count change: 0',
        { MESSAGE_ID: COMPLETE_MESSAGE_ID },
      ),
      systemd(`${FINALIZE_SERVICE}: Deactivated successfully.`, FINALIZE_SERVICE),
    );
  } else {
    // ostree admin finalize-staged prints its error on stdout, which the unit sends to the journal.
    entries.push(
      { ...ostree(pid, finalize.error), PRIORITY: '3', _TRANSPORT: 'stdout' },
      systemd(
        `${FINALIZE_SERVICE}: Control process exited, code=exited, status=1/FAILURE`,
        FINALIZE_SERVICE,
      ),
      systemd(`${FINALIZE_SERVICE}: Failed with result 'exit-code'.`, FINALIZE_SERVICE),
    );
  }
  entries.push(systemd(`Stopped ${unitName}.`, FINALIZE_SERVICE));
  return entries;
}

/** A boot's first entries. */
export function startupFields(): readonly Fields[] {
  return [
    {
      MESSAGE: 'Linux version 6.17.1-300.fc43.x86_64 (sandbox machine)',
      PRIORITY: '5',
      SYSLOG_IDENTIFIER: 'kernel',
      _TRANSPORT: 'kernel',
    },
    systemd('Reached target multi-user.target - Multi-User System.'),
  ];
}

/** Stamps entries with a boot, clocks one millisecond apart. */
function stamp(
  fields: readonly Fields[],
  bootId: string,
  machine: string,
  realtimeMs: number,
  monotonicMs: number,
): JournalRecord[] {
  return fields.map((f, i) => ({
    realtimeUs: BigInt(Math.round((realtimeMs + i) * 1000)),
    monotonicUs: BigInt(Math.max(1, Math.round((monotonicMs + i) * 1000))),
    bootId,
    fields: { ...f, _MACHINE_ID: machine, _HOSTNAME: 'sandbox' },
  }));
}

/**
 * Journals a reboot: the running boot's shutdown (with `finalize`) and the
 * next boot's start, then makes the next boot the running one. Called
 * before the sysroot changes, so whoever sees them sees the new boot and
 * its journal. A journal that cannot be written is logged, not fatal: the
 * machine still reboots, and the app then says it cannot read the journal.
 */
export async function journalReboot(
  layout: SandboxLayout,
  finalize: FinalizeScript | null,
  log: (line: string) => void,
  now = Date.now(),
): Promise<void> {
  const machine = await machineId(layout);
  const previous = (await currentBoot(layout)) ?? { bootId: newBootId(), startedAt: now - 60_000 };
  const next = newBootId();
  const shutdown = shutdownFields(finalize);
  const records = [
    ...stamp(shutdown, previous.bootId, machine, now, now - previous.startedAt),
    ...stamp(startupFields(), next, machine, now + shutdown.length + 1000, 1),
  ];
  try {
    await appendJournal(layout, records);
  } catch (err) {
    log(`journal not written: ${err instanceof Error ? err.message : String(err)}`);
  }
  await writeBootId(layout, next);
}

/** Journals a power-on (no previous boot of its own) and makes it the running boot. */
export async function journalPowerOn(
  layout: SandboxLayout,
  log: (line: string) => void,
  now = Date.now(),
): Promise<void> {
  const machine = await machineId(layout);
  const boot = newBootId();
  try {
    await appendJournal(layout, stamp(startupFields(), boot, machine, now, 1));
  } catch (err) {
    log(`journal not written: ${err instanceof Error ? err.message : String(err)}`);
  }
  await writeBootId(layout, boot);
}
