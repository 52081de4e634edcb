import type { AppState } from '../contract/domain.ts';
import type { StalledTransactionCheck } from '../contract/health.ts';
import type { HealthPolicy } from './thresholds.ts';
import { MINUTE_MS } from './thresholds.ts';

/** What the progress tracker remembers between snapshots. */
export interface ProgressMark {
  /** The running transaction's address (Sysroot.ActiveTransactionPath), or null when idle. */
  readonly address: string | null;
  /** The activity object last seen: the bridge replaces it on every signal or message. */
  readonly activity: unknown;
  /** When either last changed (ms). */
  readonly at: number;
}

export const idleMark: ProgressMark = { address: null, activity: null, at: 0 };

/**
 * Pure: the mark after a new snapshot. Progress is any change of the
 * activity (a message, a task, a percentage, a download figure, Finished)
 * or a new transaction; the bridge publishes activity changes as new
 * objects (activity.ts), so identity is enough.
 */
export function trackProgress(mark: ProgressMark, state: AppState, now: number): ProgressMark {
  const address = state.system?.activeTransaction?.address ?? null;
  if (address === null) return address === mark.address ? mark : idleMark;
  if (address !== mark.address || state.activity !== mark.activity)
    return { address, activity: state.activity, at: now };
  return mark;
}

/**
 * A transaction the daemon says runs with no progress for
 * `stallAfterMinutes`: a warning (its fix is Cancel where the daemon has it).
 */
export function stalledTransactionCheck(
  state: AppState,
  mark: ProgressMark,
  now: number,
  policy: HealthPolicy,
): StalledTransactionCheck {
  const active = state.system?.activeTransaction ?? null;
  const stallAfterMinutes = policy.stallAfterMinutes;
  const stalled =
    active !== null && mark.address !== null && now - mark.at >= stallAfterMinutes * MINUTE_MS;
  // While progress flows the check stays one constant value, so it publishes nothing new.
  if (!stalled)
    return {
      kind: 'stalled-transaction',
      status: 'ok',
      reason: null,
      title: null,
      lastProgressAt: null,
      stallAfterMinutes,
    };
  const running = state.activity?.phase === 'running' ? state.activity : null;
  return {
    kind: 'stalled-transaction',
    status: 'warning',
    reason: null,
    title: running?.title ?? active.method,
    lastProgressAt: mark.at,
    stallAfterMinutes,
  };
}
