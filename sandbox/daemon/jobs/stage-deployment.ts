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
import { join } from 'node:path';
import { deploymentId } from '../state/deployment-dict.ts';

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
      `--origin-file=${join(layout.sysroot, `${merge.path}.origin`)}`,
      commit,
    ]);
  } catch (err) {
    await clearStagedRecord(layout);
    throw err;
  }
  const after = await readSysroot(layout, await readBootRecord(layout));
  const first = after.deployments[0]!;
  if (first.serial !== serial)
    await writeStagedRecord(layout, { checksum: commit, serial: first.serial, locked });
  return deploymentId(first);
}
