/**
 * When the app checks for updates in the background (issue #5, "Background
 * checks"). Pure functions only: no timers, no I/O; the scheduler
 * (background-checker.ts) feeds them the clock, the random source and what
 * it knows, and acts on the answers.
 *
 * A background check only ever checks (AutomaticUpdateTrigger mode=check,
 * metadata only). Staging stays the daemon's own job: its timer stages when
 * its AutomaticUpdatePolicy is `stage`.
 */
import type { CheckSkipReason } from '../contract/desktop.ts';
import type { AppState, AutomaticUpdatePolicy } from '../contract/domain.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The schedule's knobs; DEFAULT_BACKGROUND_POLICY holds the app's values. */
export interface BackgroundPolicyConfig {
  /** Time between two background checks. */
  readonly intervalMs: number;
  /** Random spread of every delay, as a fraction (0.1 = ±10 %), so machines do not check in step. */
  readonly jitter: number;
  /** The first check after start, when one is overdue, waits between these two. */
  readonly startupDelayMinMs: number;
  readonly startupDelayMaxMs: number;
  /** A skipped check is tried again after this long (sooner when its blocking condition clears). */
  readonly retryDelayMs: number;
  /** On battery below this percentage, background checks wait. */
  readonly lowBatteryPercent: number;
}

export const DEFAULT_BACKGROUND_POLICY: BackgroundPolicyConfig = {
  intervalMs: 12 * HOUR,
  jitter: 0.1,
  startupDelayMinMs: 2 * MINUTE,
  startupDelayMaxMs: 5 * MINUTE,
  retryDelayMs: 30 * MINUTE,
  lowBatteryPercent: 20,
};

/** A random source returning numbers in [0, 1), like Math.random. */
export type RandomSource = () => number;

/** `ms` spread by ±`fraction` with `random`; never negative. */
export function jittered(ms: number, fraction: number, random: RandomSource): number {
  return Math.max(0, Math.round(ms * (1 + fraction * (2 * random() - 1))));
}

/** A duration drawn uniformly from [min, max]. */
export function randomBetween(min: number, max: number, random: RandomSource): number {
  return Math.round(min + (max - min) * random());
}

/** Everything a decision depends on, as plain values. */
export interface CheckConditions {
  /** The user asked for this check (a button, the tray), rather than the schedule. */
  readonly explicit: boolean;
  /** The app's setting `backgroundChecks`. */
  readonly backgroundChecks: boolean;
  readonly daemonReady: boolean;
  /** The daemon's policy; null while unknown (no state read yet). */
  readonly policy: AutomaticUpdatePolicy | null;
  readonly transactionRunning: boolean;
  /** Null: could not tell (no NetworkManager, or it does not know). */
  readonly metered: boolean | null;
  readonly onBattery: boolean | null;
  readonly batteryPercent: number | null;
  readonly lowBatteryPercent: number;
}

export type CheckDecision =
  { readonly run: true } | { readonly run: false; readonly reason: CheckSkipReason };

const skip = (reason: CheckSkipReason): CheckDecision => ({ run: false, reason });

/**
 * Whether a check may run now, and if not, why. The order matters for what
 * the user is shown: the reasons that stand until someone changes a setting
 * come before the passing ones.
 */
export function decideCheck(c: CheckConditions): CheckDecision {
  // The settings and the daemon's policy govern only what the app does on
  // its own; a user who asks for a check gets one.
  if (!c.explicit && !c.backgroundChecks) return skip('disabled');
  if (!c.daemonReady) return skip('daemon-not-ready');
  if (!c.explicit && c.policy === 'none') return skip('daemon-policy-none');
  // Even when asked explicitly: the daemon runs one transaction at a time
  // and would refuse a check now as busy (or the app would queue it behind
  // someone else's upgrade). The check runs once the transaction ends.
  if (c.transactionRunning) return skip('transaction-running');
  // Metered and battery limits protect the user from the app's own
  // initiative; an explicit request accepts the cost.
  if (!c.explicit && c.metered === true) return skip('metered');
  if (
    !c.explicit &&
    c.onBattery === true &&
    c.batteryPercent !== null &&
    c.batteryPercent < c.lowBatteryPercent
  )
    return skip('low-battery');
  return { run: true };
}

/** Reasons that hold until the user (or an administrator) changes a setting. */
export type StandingSkipReason = Extract<CheckSkipReason, 'disabled' | 'daemon-policy-none'>;

/** True for reasons the passing of time cannot clear: nothing is scheduled while they hold. */
export function isStandingReason(reason: CheckSkipReason): reason is StandingSkipReason {
  return reason === 'disabled' || reason === 'daemon-policy-none';
}

/** Ready means connected with a state read: a stale state kept while the daemon is away is not. */
export function isDaemonReady(state: AppState): boolean {
  return state.daemon.kind === 'ready' && state.system !== null;
}

/** Any transaction on the daemon, ours or another client's. */
export function isTransactionRunning(state: AppState): boolean {
  return state.system?.activeTransaction != null || state.activity?.phase === 'running';
}

/** The time of the app's last successful check (by the user or in the background), or null. */
export function lastSuccessfulCheckAt(state: AppState): number | null {
  return state.lastCheck && state.lastCheck.outcome !== 'failed' ? state.lastCheck.at : null;
}

/** Builds the decision's input from the app state, the settings and the power/network readings. */
export function checkConditions(
  state: AppState,
  input: {
    readonly explicit: boolean;
    readonly backgroundChecks: boolean;
    readonly metered: boolean | null;
    readonly onBattery: boolean | null;
    readonly batteryPercent: number | null;
  },
  config: Pick<BackgroundPolicyConfig, 'lowBatteryPercent'> = DEFAULT_BACKGROUND_POLICY,
): CheckConditions {
  return {
    ...input,
    daemonReady: isDaemonReady(state),
    policy: state.system?.automaticUpdatePolicy ?? null,
    transactionRunning: isTransactionRunning(state),
    lowBatteryPercent: config.lowBatteryPercent,
  };
}

/**
 * When the first check after start (or after a standing reason cleared) is
 * due: a short random delay when one is overdue, else one interval after the
 * last check — never before that short delay, so a starting session is left
 * alone. A last check in the future (the clock was set back) counts as now.
 */
export function firstCheckAt(
  now: number,
  lastCheckAt: number | null,
  config: BackgroundPolicyConfig,
  random: RandomSource,
): number {
  const soonest = now + randomBetween(config.startupDelayMinMs, config.startupDelayMaxMs, random);
  if (lastCheckAt === null) return soonest;
  return Math.max(soonest, nextCheckAt(Math.min(lastCheckAt, now), config, random));
}

/** When the check after one that ran at `ranAt` is due: one jittered interval later. */
export function nextCheckAt(
  ranAt: number,
  config: BackgroundPolicyConfig,
  random: RandomSource,
): number {
  return ranAt + jittered(config.intervalMs, config.jitter, random);
}

/** When a skipped check is tried again, unless its blocking condition clears first. */
export function retryCheckAt(
  now: number,
  config: BackgroundPolicyConfig,
  random: RandomSource,
): number {
  return now + jittered(config.retryDelayMs, config.jitter, random);
}

/**
 * When a check that failed (offline, a daemon error) is tried again: the
 * retry delay, doubled with every consecutive failure, at most the interval.
 */
export function failedCheckRetryAt(
  now: number,
  consecutiveFailures: number,
  config: BackgroundPolicyConfig,
  random: RandomSource,
): number {
  const doublings = Math.min(Math.max(consecutiveFailures - 1, 0), 30);
  const delay = Math.min(config.retryDelayMs * 2 ** doublings, config.intervalMs);
  return now + jittered(delay, config.jitter, random);
}
