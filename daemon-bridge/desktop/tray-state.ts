/**
 * The tray icon's state as a pure function of the app state. One state at
 * a time, by what the user most needs to know:
 *
 *   working > failed > staged > update-available > up-to-date
 *
 * and `no-daemon` while there is no daemon to ask. A failed check never
 * shows "up to date" (the app must not claim what it could not verify);
 * the failure stands until a later check or transaction succeeds or the
 * user dismisses it.
 */
import type { TrayState } from '../contract/desktop.ts';
import type { AppState } from '../contract/domain.ts';
import { offersUpdate } from '../contract/updates.ts';

export function trayState(state: AppState): TrayState {
  const { daemon, system, activity, lastCheck } = state;
  if (daemon.kind === 'absent')
    return { status: 'no-daemon', percent: null, version: null, message: daemon.message };
  if (daemon.kind === 'error')
    return { status: 'failed', percent: null, version: null, message: daemon.error.message };
  if (daemon.kind === 'connecting' || !system)
    return { status: 'no-daemon', percent: null, version: null, message: null };
  if (daemon.kind === 'unavailable')
    return { status: 'no-daemon', percent: null, version: null, message: daemon.message };

  if (activity?.phase === 'running' || system.activeTransaction) {
    const value = activity?.phase === 'running' ? (activity.percent?.value ?? null) : null;
    return {
      status: 'working',
      percent: value === null ? null : Math.max(0, Math.min(100, Math.round(value))),
      version: null,
      message: activity?.phase === 'running' ? activity.title : null,
    };
  }
  if (activity?.phase === 'failed')
    return { status: 'failed', percent: null, version: null, message: activity.error };
  // A check that failed without a transaction (the daemon was away) and nothing newer succeeded.
  if (lastCheck?.outcome === 'failed' && (!activity || activity.startedAt <= lastCheck.at))
    return { status: 'failed', percent: null, version: null, message: lastCheck.message };

  const pending = system.pendingId
    ? system.deployments.find((d) => d.id === system.pendingId)
    : undefined;
  if (pending) return { status: 'staged', percent: null, version: pending.version, message: null };

  const update = system.cachedUpdate;
  if (update && offersUpdate(update))
    return { status: 'update-available', percent: null, version: update.version, message: null };
  return { status: 'up-to-date', percent: null, version: null, message: null };
}

export function sameTray(a: TrayState, b: TrayState): boolean {
  return (
    a.status === b.status &&
    a.percent === b.percent &&
    a.version === b.version &&
    a.message === b.message
  );
}
