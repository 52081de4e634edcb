import { utimes } from 'node:fs/promises';
import { bootSandbox, readBootRecord } from './boot-record.ts';
import type { BootRecord } from './boot-record.ts';
import type { SandboxLayout } from './layout.ts';
import { ostree } from './ostree-cli.ts';
import { readSysroot } from './read-sysroot.ts';
import { clearStagedRecord, readStagedRecord } from './staged-record.ts';

/**
 * Reboots the sandbox machine: "shutdown" finalizes the staged deployment
 * (ostree-finalize-staged: the record is dropped and deployments other than
 * the new default and the previously booted one are pruned, unless pinned;
 * a finalization-locked one is discarded instead), then the machine boots the
 * default (first) boot entry. A running daemon notices the new boot record.
 */
export async function rebootSandbox(layout: SandboxLayout): Promise<BootRecord> {
  const staged = await readStagedRecord(layout);
  if (staged) {
    const state = await readSysroot(layout, await readBootRecord(layout));
    const first = state.deployments[0];
    const isStaged = first?.checksum === staged.checksum && first.serial === staged.serial;
    await clearStagedRecord(layout);
    if (isStaged && staged.locked)
      await ostree(['admin', 'undeploy', `--sysroot=${layout.sysroot}`, '0']);
    else if (isStaged) {
      // From the end, so indexes stay valid.
      for (const d of [...state.deployments].reverse()) {
        if (d.index === 0 || d.booted || d.pinned) continue;
        await ostree(['admin', 'undeploy', `--sysroot=${layout.sysroot}`, String(d.index)]);
      }
    }
  }
  const record = await bootSandbox(layout);
  // A real reboot restarts rpm-ostreed; a running sandbox daemon instead sees
  // ostree/deploy's mtime change (its sysroot watch) and reloads.
  const now = new Date();
  await utimes(layout.deployDir, now, now);
  return record;
}
