/**
 * The one state the Updates view shows, derived from the AppState snapshot.
 * Order matters: another client's transaction first (nothing else can run),
 * then our own running work, then a failure the user has not dismissed,
 * then what is on disk (staged), then what the daemon's cache says.
 */
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import type {
  Activity,
  AvailableUpdate,
  QueuedRequest,
} from '../../../daemon-bridge/contract/updates.ts';
import { memoizeLast } from '../memoize.ts';
import type { SnapshotSlice } from '../snapshot/snapshot-slice.ts';

export type UpdateStatus =
  | { readonly kind: 'unknown' }
  | {
      readonly kind: 'busy';
      readonly title: string;
      readonly initiator: string;
      readonly percent: number | null;
      readonly queued: QueuedRequest | null;
    }
  | { readonly kind: 'working'; readonly activity: Activity }
  | { readonly kind: 'failed'; readonly source: 'activity' | 'check'; readonly message: string }
  | {
      readonly kind: 'staged';
      readonly version: string | null;
      readonly deploymentId: string;
      /** A staged update, or a non-staged pending deployment (a rollback, a deploy). */
      readonly reason: 'update' | 'rollback';
    }
  | { readonly kind: 'available'; readonly update: AvailableUpdate }
  | { readonly kind: 'up-to-date' };

export function deriveUpdateStatus(app: AppState | null): UpdateStatus {
  const system = app?.system ?? null;
  if (!app || !system) return { kind: 'unknown' };
  const { activity, queued } = app;
  const running = activity?.phase === 'running' ? activity : null;
  if (running?.owner === 'another-client') {
    return {
      kind: 'busy',
      title: running.title,
      initiator: running.initiator,
      percent: running.percent?.value ?? null,
      queued,
    };
  }
  if (running) return { kind: 'working', activity: running };
  // Opened in the middle of someone's transaction before the bridge attached to it.
  const transaction = system.activeTransaction;
  if (transaction) {
    return {
      kind: 'busy',
      title: transaction.method,
      initiator: transaction.initiator,
      percent: null,
      queued,
    };
  }
  if (activity?.phase === 'failed') {
    return { kind: 'failed', source: 'activity', message: activity.error ?? activity.title };
  }
  if (app.lastCheck?.outcome === 'failed') {
    return { kind: 'failed', source: 'check', message: app.lastCheck.message ?? '' };
  }
  // Anything pending boots at the next reboot: say so, whatever put it there.
  const pending = system.deployments.find((d) => d.id === system.pendingId);
  if (pending)
    return {
      kind: 'staged',
      version: pending.version,
      deploymentId: pending.id,
      reason: pending.staged ? 'update' : 'rollback',
    };
  if (system.cachedUpdate) return { kind: 'available', update: system.cachedUpdate };
  return { kind: 'up-to-date' };
}

export const selectUpdateStatus = memoizeLast(
  (s: Pick<SnapshotSlice, 'app'>) => s.app,
  deriveUpdateStatus,
);

/** When this app last checked, in ms since the epoch. */
export const selectLastCheckAt = (s: Pick<SnapshotSlice, 'app'>): number | null =>
  s.app?.lastCheck?.at ?? null;

export const selectActivity = (s: Pick<SnapshotSlice, 'app'>): Activity | null =>
  s.app?.activity ?? null;

export const selectQueued = (s: Pick<SnapshotSlice, 'app'>): QueuedRequest | null =>
  s.app?.queued ?? null;

export const selectAvailableUpdate = (s: Pick<SnapshotSlice, 'app'>): AvailableUpdate | null =>
  s.app?.system?.cachedUpdate ?? null;
