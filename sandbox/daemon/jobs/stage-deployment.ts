import { readBootRecord } from '../../sysroot/boot-record.ts';
import type { SandboxLayout } from '../../sysroot/layout.ts';
import { ostree } from '../../sysroot/ostree-cli.ts';
import { readSysroot } from '../../sysroot/read-sysroot.ts';
import type { DeploymentRecord } from '../../sysroot/read-sysroot.ts';
import {
  clearStagedRecord,
  readStagedRecord,
  writeStagedRecord,
} from '../../sysroot/staged-record.ts';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deploymentId } from '../state/deployment-dict.ts';

/** A ref that keeps the commit being staged from being pruned meanwhile. */
const HOLD_REF = 'sandbox/staging-hold';

/** Undeploys the staged deployment, if there is one (`cleanup -p`, or before staging another). */
export async function removeStaged(layout: SandboxLayout): Promise<boolean> {
  const record = await readStagedRecord(layout);
  if (!record) return false;
  const state = await readSysroot(layout, await readBootRecord(layout));
  const first = state.deployments[0];
  await clearStagedRecord(layout);
  if (!first?.staged && !(first?.checksum === record.checksum && !first.booted)) return false;
  await ostree(['admin', 'undeploy', `--sysroot=${layout.sysroot}`, '0']);
  return true;
}

/**
 * "Stages" `commit` with the merge deployment's origin and kernel arguments:
 * a normal `ostree admin deploy --retain` (the sandbox cannot stage, see
 * staged-record.ts) plus the staged record, written first with the serial
 * ostree will pick so no reload ever sees it unstaged. Returns the new id.
 */
export async function stageDeployment(
  layout: SandboxLayout,
  merge: DeploymentRecord,
  commit: string,
  locked: boolean,
): Promise<string> {
  // The merge deployment may be the staged one being replaced (rpm-ostree merges
  // from the pending deployment when there is one): keep its origin first.
  const origin = join(layout.runDir, 'merge.origin');
  await copyFile(join(layout.sysroot, `${merge.path}.origin`), origin);
  // Undeploying prunes the repo, and a client-layered commit has no ref yet:
  // hold one on it until it is deployed.
  await ostree(['refs', `--repo=${layout.repo}`, '--delete', HOLD_REF]).catch(() => undefined);
  await ostree(['refs', `--repo=${layout.repo}`, `--create=${HOLD_REF}`, commit]);
  try {
    await removeStaged(layout);
    const before = await readSysroot(layout, await readBootRecord(layout));
    const serials = before.deployments
      .filter((d) => d.osname === merge.osname && d.checksum === commit)
      .map((d) => d.serial);
    const serial = serials.length > 0 ? Math.max(...serials) + 1 : 0;
    await writeStagedRecord(layout, { checksum: commit, serial, locked });
    try {
      await ostree([
        'admin',
        'deploy',
        `--sysroot=${layout.sysroot}`,
        `--os=${merge.osname}`,
        '--retain',
        `--origin-file=${origin}`,
        commit,
      ]);
    } catch (err) {
      await clearStagedRecord(layout);
      throw err;
    }
  } finally {
    await ostree(['refs', `--repo=${layout.repo}`, '--delete', HOLD_REF]).catch(() => undefined);
  }
  const after = await readSysroot(layout, await readBootRecord(layout));
  const first = after.deployments[0]!;
  const recorded = await readStagedRecord(layout);
  if (recorded && first.serial !== recorded.serial)
    await writeStagedRecord(layout, { checksum: commit, serial: first.serial, locked });
  return deploymentId(first);
}
