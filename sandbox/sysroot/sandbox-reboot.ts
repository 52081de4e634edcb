import { utimes } from 'node:fs/promises';
import { DEFAULT_FINALIZE_ERROR, journalReboot } from '../journal/boot-journal.ts';
import type { FinalizeScript } from '../journal/boot-journal.ts';
import { bootSandbox, readBootRecord } from './boot-record.ts';
import type { BootRecord } from './boot-record.ts';
import type { SandboxLayout } from './layout.ts';
import { ostree } from './ostree-cli.ts';
import { readSysroot } from './read-sysroot.ts';
import { clearStagedRecord, readStagedRecord } from './staged-record.ts';

export interface RebootOptions {
  /**
   * Plays a failed ostree-finalize-staged: the staged deployment is not
   * written (it is gone after the reboot, the previous default boots again)
   * and the journal records ostree's error. `true` uses a full /boot's
   * error; a string is the error line itself ("error: …" as ostree prints it).
   */
  readonly finalizeFails?: boolean | string;
  /** Where warnings go (default: stderr). */
  readonly log?: (line: string) => void;
}

/**
 * Reboots the sandbox machine: "shutdown" finalizes the staged deployment
 * (ostree-finalize-staged: the record is dropped and deployments other than
 * the new default and the previously booted one are pruned, unless pinned;
 * a finalization-locked one is discarded instead, and so is one whose
 * finalization fails), then the machine boots the default (first) boot
 * entry. The journal (sandbox/journal/) gets the shutdown and the new boot
 * first, so whoever sees the sysroot change finds them. A running daemon
 * notices the new boot record.
 */
export async function rebootSandbox(
  layout: SandboxLayout,
  options: RebootOptions = {},
): Promise<BootRecord> {
  const log = options.log ?? ((line: string) => process.stderr.write(`sandbox reboot: ${line}\n`));
  const staged = await readStagedRecord(layout);
  let discard = false;
  let prune: readonly number[] = [];
  let finalize: FinalizeScript | null = null;
  if (staged) {
    const state = await readSysroot(layout, await readBootRecord(layout));
    const first = state.deployments[0];
    const isStaged = first?.checksum === staged.checksum && first.serial === staged.serial;
    if (isStaged && staged.locked) discard = true;
    else if (isStaged && options.finalizeFails) {
      discard = true;
      const error =
        typeof options.finalizeFails === 'string' ? options.finalizeFails : DEFAULT_FINALIZE_ERROR;
      finalize = { outcome: 'failed', error };
    } else if (isStaged) {
      finalize = { outcome: 'finalized' };
      // From the end, so indexes stay valid.
      prune = [...state.deployments]
        .reverse()
        .filter((d) => d.index !== 0 && !d.booted && !d.pinned)
        .map((d) => d.index);
    }
  }
  await journalReboot(layout, finalize, log);
  if (staged) await clearStagedRecord(layout);
  if (discard) await ostree(['admin', 'undeploy', `--sysroot=${layout.sysroot}`, '0']);
  for (const index of prune)
    await ostree(['admin', 'undeploy', `--sysroot=${layout.sysroot}`, String(index)]);
  const record = await bootSandbox(layout);
  // A real reboot restarts rpm-ostreed; a running sandbox daemon instead sees
  // ostree/deploy's mtime change (its sysroot watch) and reloads.
  const now = new Date();
  await utimes(layout.deployDir, now, now);
  return record;
}
