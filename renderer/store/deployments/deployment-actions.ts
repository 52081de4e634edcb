/**
 * Which deployment actions make sense for the system as it is. Pure; the
 * daemon decides in the end, this only keeps buttons honest.
 */
import type { Deployment, SystemState } from '../../../daemon-bridge/contract/domain.ts';
import type { CleanupElement } from '../../../daemon-bridge/contract/updates.ts';
import { memoizeLast } from '../memoize.ts';
import type { SnapshotSlice } from '../snapshot/snapshot-slice.ts';

export interface DeploymentActions {
  readonly booted: Deployment | null;
  /** The deployment a rollback would boot next. */
  readonly rollbackTarget: Deployment | null;
  /**
   * A pending deployment that is older than the booted one and not staged:
   * what `rpm-ostree rollback` leaves behind. The contract has no explicit
   * flag for it, so this is inferred from the commit dates.
   */
  readonly rolledBackTo: Deployment | null;
  /** Elements `rpm-ostree cleanup` could remove now. */
  readonly cleanable: readonly CleanupElement[];
}

const none: DeploymentActions = {
  booted: null,
  rollbackTarget: null,
  rolledBackTo: null,
  cleanable: ['repomd'],
};

export function deriveDeploymentActions(system: SystemState | null): DeploymentActions {
  if (!system) return none;
  const byId = (id: string | null): Deployment | null =>
    system.deployments.find((d) => d.id === id) ?? null;
  const booted = byId(system.bootedId);
  const pending = byId(system.pendingId);
  const rollback = byId(system.rollbackId);
  const olderThanBooted =
    pending !== null &&
    booted !== null &&
    !pending.staged &&
    pending.timestamp !== null &&
    booted.timestamp !== null &&
    pending.timestamp < booted.timestamp;
  const cleanable: CleanupElement[] = [];
  if (pending) cleanable.push('pending-deploy');
  if (rollback) cleanable.push('rollback-deploy');
  cleanable.push('repomd');
  return {
    booted,
    rollbackTarget: olderThanBooted ? null : rollback,
    rolledBackTo: olderThanBooted ? pending : null,
    cleanable,
  };
}

export const selectDeploymentActions = memoizeLast(
  (s: Pick<SnapshotSlice, 'app'>) => s.app?.system ?? null,
  deriveDeploymentActions,
);
