import { rm } from 'node:fs/promises';
import type { SandboxLayout } from '../../sysroot/layout.ts';
import { ostree } from '../../sysroot/ostree-cli.ts';
import type { SysrootState } from '../../sysroot/read-sysroot.ts';
import { rebootSandbox } from '../../sysroot/sandbox-reboot.ts';
import { clearStagedRecord } from '../../sysroot/staged-record.ts';
import { setDefaultDeployment } from '../../sysroot/sysroot-ops.ts';
import type { TransactionOutput } from '../transaction/transaction-output.ts';
import { removeStaged } from './stage-deployment.ts';

/** ostree_sysroot_query_deployments_for(osname): pending and rollback around the booted one. */
export function queryDeployments(state: SysrootState, osname: string) {
  const booted = state.booted?.osname === osname ? state.booted : null;
  let pending = null;
  let rollback = null;
  let seen = false;
  for (const d of state.deployments) {
    if (d.osname !== osname) continue;
    if (d === booted) seen = true;
    else if (!seen) pending ??= d;
    else rollback ??= d;
  }
  return { booted, pending, rollback };
}

/**
 * The rollback transaction: the rollback deployment (or, with only a
 * pending one, the booted one) moves to the top of the boot order.
 */
export async function rollbackJob(
  layout: SandboxLayout,
  state: SysrootState,
  osname: string,
  reboot: boolean,
  out: TransactionOutput,
): Promise<void> {
  const { booted, pending, rollback } = queryDeployments(state, osname);
  if (!rollback && !pending) throw new Error('No rollback deployment found');
  const target = rollback ?? booted;
  if (!target) throw new Error('No rollback deployment found');
  if (target.staged) throw new Error('Staged deployment (remove with cleanup -p)');
  out.message(`Moving '${target.checksum}.${target.serial}' to be first deployment`);
  // A staged deployment cannot end up below another: it is discarded first.
  const shift = (await removeStaged(layout)) ? 1 : 0;
  await setDefaultDeployment(layout, target.index - shift);
  if (reboot) await rebootSandbox(layout);
}

/** Cleanup element names (reference §5.4). */
export const CLEANUP_TYPES = ['base', 'pending-deploy', 'rollback-deploy', 'repomd'];

/** The cleanup transaction. */
export async function cleanupJob(
  layout: SandboxLayout,
  state: SysrootState,
  osname: string,
  elements: readonly string[],
  out: TransactionOutput,
): Promise<void> {
  const { pending, rollback } = queryDeployments(state, osname);
  const remove = [
    ...(elements.includes('pending-deploy') && pending ? [pending] : []),
    ...(elements.includes('rollback-deploy') && rollback ? [rollback] : []),
  ].sort((a, b) => b.index - a.index);
  for (const d of remove) {
    if (d.staged) await clearStagedRecord(layout);
    await ostree(['admin', 'undeploy', `--sysroot=${layout.sysroot}`, String(d.index)]);
  }
  if (
    remove.length === 0 &&
    (elements.includes('pending-deploy') || elements.includes('rollback-deploy'))
  )
    out.message('Deployments unchanged.');
  if (elements.includes('base') || remove.length > 0) {
    out.taskBegin('Freeing space');
    await ostree(['admin', 'cleanup', `--sysroot=${layout.sysroot}`]);
    out.taskEnd('done');
  }
  if (elements.includes('repomd')) await rm(layout.cacheDir, { recursive: true, force: true });
}
