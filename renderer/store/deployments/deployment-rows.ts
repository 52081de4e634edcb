/**
 * The deployment list as the screen shows it: one row per deployment in
 * boot order, each with its role relative to the booted deployment.
 * Roles come from the daemon's booted/pending/rollback ids (libostree's
 * view), never from list position.
 */
import type {
  Deployment,
  DeploymentRole,
  SystemState,
} from '../../../daemon-bridge/contract/domain.ts';
import { memoizeLast } from '../memoize.ts';
import type { SnapshotSlice } from '../snapshot/snapshot-slice.ts';

export interface LayeredBase {
  readonly version: string | null;
  readonly shortChecksum: string;
}

export interface DeploymentRow {
  readonly id: string;
  readonly role: DeploymentRole;
  readonly pinned: boolean;
  readonly staged: boolean;
  /** The version, or the short checksum when the commit has none. */
  readonly title: string;
  readonly shortChecksum: string;
  /** The base commit when packages are layered on top of it (baseChecksum ≠ checksum). */
  readonly layeredBase: LayeredBase | null;
  readonly deployment: Deployment;
}

export const SHORT_CHECKSUM_LENGTH = 10;

export function shortChecksum(checksum: string): string {
  return checksum.slice(0, SHORT_CHECKSUM_LENGTH);
}

export function roleOf(
  deployment: Deployment,
  system: Pick<SystemState, 'bootedId' | 'pendingId' | 'rollbackId'>,
): DeploymentRole {
  if (deployment.id === system.bootedId) return 'booted';
  if (deployment.id === system.pendingId) return 'pending';
  if (deployment.id === system.rollbackId) return 'rollback';
  return 'other';
}

export function toRow(deployment: Deployment, system: SystemState): DeploymentRow {
  const short = shortChecksum(deployment.checksum);
  const layered = deployment.baseChecksum !== deployment.checksum;
  return {
    id: deployment.id,
    role: roleOf(deployment, system),
    pinned: deployment.pinned,
    staged: deployment.staged,
    title: deployment.version ?? short,
    shortChecksum: short,
    layeredBase: layered
      ? { version: deployment.baseVersion, shortChecksum: shortChecksum(deployment.baseChecksum) }
      : null,
    deployment,
  };
}

/** Rows in the daemon's boot order (index 0 boots next). */
export function deriveDeploymentRows(system: SystemState | null): readonly DeploymentRow[] {
  if (!system) return [];
  return system.deployments.map((deployment) => toRow(deployment, system));
}

export const selectDeploymentRows = memoizeLast(
  (s: Pick<SnapshotSlice, 'app'>) => s.app?.system ?? null,
  deriveDeploymentRows,
);
