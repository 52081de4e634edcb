/**
 * The background-check scheduler: keeps one plan (off, scheduled, waiting
 * after a skip, running), asks background-policy.ts whether a due check may
 * run, runs it through the manager's `checkForUpdates`, and reports the
 * schedule as a BackgroundCheckState. Time, timers and randomness come in
 * from outside, so tests drive it with a fake clock.
 */
import type {
  BackgroundCheckState,
  CheckSkipReason,
  DesktopSettings,
} from '../contract/desktop.ts';
import type { AppState, Result } from '../contract/domain.ts';
import { fail } from '../contract/domain.ts';
import { toAppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { silentLogger } from '../logger.ts';
import type { Clock } from '../manager.ts';
import type { PowerNetworkSource } from '../system/power-network.ts';
import {
  checkConditions,
  decideCheck,
  DEFAULT_BACKGROUND_POLICY,
  failedCheckRetryAt,
  firstCheckAt,
  isStandingReason,
  lastSuccessfulCheckAt,
  nextCheckAt,
  retryCheckAt,
} from './background-policy.ts';
import type {
  BackgroundPolicyConfig,
  CheckDecision,
  RandomSource,
  StandingSkipReason,
} from './background-policy.ts';

/** Timer functions; the host's by default. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Unref'd, so a pending check never keeps a process alive on its own. */
export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Node's timers take at most 2^31-1 ms (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface BackgroundCheckerOptions {
  readonly getState: () => AppState;
  readonly getSettings: () => DesktopSettings;
  readonly power: PowerNetworkSource;
  /** The manager's `checkForUpdates` (AutomaticUpdateTrigger mode=check). */
  readonly runCheck: () => Promise<Result<null>>;
  /** When the last background check ran (persisted by the caller), or null. */
  readonly lastRunAt: number | null;
  /** Called with the start time of every check this checker runs, to persist it. */
  readonly onRun: (at: number) => void;
  /** Called whenever the reported state changes. */
  readonly onChange: (state: BackgroundCheckState) => void;
  readonly clock?: Clock;
  readonly timers?: Timers;
  readonly random?: RandomSource;
  readonly config?: BackgroundPolicyConfig;
  readonly log?: Logger;
}

/** What `checkNow` did. */
export type CheckNowOutcome =
  | { readonly kind: 'ran'; readonly result: Result<null> }
  | { readonly kind: 'skipped'; readonly reason: CheckSkipReason };

type TransientSkipReason = Exclude<CheckSkipReason, StandingSkipReason>;

type Plan =
  | { readonly kind: 'stopped' }
  /** A standing reason holds: nothing is scheduled until it changes. */
  | { readonly kind: 'off'; readonly reason: StandingSkipReason }
  | { readonly kind: 'scheduled'; readonly at: number }
  /** A due check was skipped: tried again at `retryAt`, or as soon as `reason` clears. */
  | { readonly kind: 'waiting'; readonly reason: TransientSkipReason; readonly retryAt: number }
  | { readonly kind: 'running' };

type Trigger = 'timer' | 'event';

/**
 * Schedules background checks. Call `start()` once the host is ready,
 * `stateChanged()` after every AppState change (including settings), and
 * `stop()` at the end. The power source stays the caller's to close.
 */
export class BackgroundChecker {
  private plan: Plan = { kind: 'stopped' };
  private started = false;
  private running = false;
  private timer: unknown = undefined;
  private lastRunAt: number | null;
  private lastSkip: BackgroundCheckState['lastSkip'] = null;
  private failures = 0;
  /** The newest successful check seen in the AppState, to notice checks the user ran. */
  private seenCheckAt: number | null = null;
  private reported: BackgroundCheckState | null = null;
  private unsubscribePower: () => void = () => undefined;
  private readonly clock: Clock;
  private readonly timers: Timers;
  private readonly random: RandomSource;
  private readonly config: BackgroundPolicyConfig;
  private readonly log: Logger;

  constructor(private readonly options: BackgroundCheckerOptions) {
    this.lastRunAt = options.lastRunAt;
    this.clock = options.clock ?? { now: () => Date.now() };
    this.timers = options.timers ?? systemTimers;
    this.random = options.random ?? Math.random;
    this.config = options.config ?? DEFAULT_BACKGROUND_POLICY;
    this.log = options.log ?? silentLogger;
  }

  /** The schedule as last reported (or as it stands now, before the first report). */
  get state(): BackgroundCheckState {
    return this.reported ?? this.snapshot();
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.seenCheckAt = lastSuccessfulCheckAt(this.options.getState());
    this.unsubscribePower = this.options.power.onChange(() => this.reconcile('event'));
    const standing = this.standingReason();
    if (standing) this.enterOff(standing);
    else this.schedule(this.firstAt());
    this.report();
  }

  stop(): void {
    if (!this.started) return;
    this.started = false;
    this.unsubscribePower();
    this.setPlan({ kind: 'stopped' });
    this.report();
  }

  /** The AppState (or the settings) changed: re-plan if that matters to the schedule. */
  stateChanged(): void {
    this.reconcile('event');
  }

  /**
   * A check the user asked for: runs unless the daemon is not ready or busy
   * (settings, the daemon's policy, metered and battery do not apply). It
   * counts as a run for the schedule.
   */
  async checkNow(): Promise<CheckNowOutcome> {
    // Our own check is a transaction too.
    if (this.running) return { kind: 'skipped', reason: 'transaction-running' };
    const decision = this.decide(true);
    if (!decision.run) return { kind: 'skipped', reason: decision.reason };
    return { kind: 'ran', result: await this.run() };
  }

  private reconcile(trigger: Trigger): void {
    if (!this.started || this.running) {
      this.report();
      return;
    }
    const now = this.clock.now();
    const plan = this.plan;
    const standing = this.standingReason();
    if (standing) {
      if (plan.kind !== 'off' || plan.reason !== standing) this.enterOff(standing);
    } else if (plan.kind === 'off') {
      this.schedule(this.firstAt());
    } else if (this.noticeUserCheck()) {
      // The user just checked: the next background check is an interval after that.
      this.schedule(nextCheckAt(this.seenCheckAt!, this.config, this.random));
    } else if (plan.kind === 'scheduled' || plan.kind === 'waiting') {
      const dueAt = plan.kind === 'scheduled' ? plan.at : plan.retryAt;
      // Timers do not advance while the machine sleeps; the wall clock does.
      const due = trigger === 'timer' || now >= dueAt;
      if (due || plan.kind === 'waiting') {
        const decision = this.decide(false);
        if (decision.run)
          this.run().catch((err: unknown) =>
            this.log.error(`background check: ${err instanceof Error ? err.message : String(err)}`),
          );
        else if (due) this.skipped(now, decision.reason);
        else if (
          plan.kind === 'waiting' &&
          decision.reason !== plan.reason &&
          !isStandingReason(decision.reason)
        ) {
          // Still blocked, by something else now: say so, keep the retry time (and its timer).
          this.lastSkip = { at: now, reason: decision.reason };
          this.plan = { ...plan, reason: decision.reason };
        }
      }
    }
    this.report();
  }

  private skipped(now: number, reason: CheckSkipReason): void {
    this.lastSkip = { at: now, reason };
    this.log.info(`background check skipped: ${reason}`);
    if (isStandingReason(reason)) this.enterOff(reason);
    else
      this.setPlan({
        kind: 'waiting',
        reason,
        retryAt: retryCheckAt(now, this.config, this.random),
      });
  }

  private enterOff(reason: StandingSkipReason): void {
    this.lastSkip = { at: this.clock.now(), reason };
    this.setPlan({ kind: 'off', reason });
  }

  private schedule(at: number): void {
    this.setPlan({ kind: 'scheduled', at });
  }

  private async run(): Promise<Result<null>> {
    const at = this.clock.now();
    const before = this.plan;
    this.running = true;
    this.setPlan({ kind: 'running' });
    this.report();
    let result: Result<null>;
    try {
      result = await this.options.runCheck();
    } catch (err) {
      result = fail(toAppError(err));
    }
    this.running = false;
    this.lastRunAt = at;
    this.options.onRun(at);
    // The manager recorded this check in AppState.lastCheck; it is not the user's.
    this.seenCheckAt = lastSuccessfulCheckAt(this.options.getState());
    if (result.ok) this.failures = 0;
    else {
      this.failures++;
      this.log.warn(`background check failed: ${result.error.message}`);
    }
    if (!this.started) {
      this.setPlan({ kind: 'stopped' });
      this.report();
    } else if (before.kind === 'off' && before.reason === this.standingReason()) {
      // A check the user asked for while background checks are off: they stay off.
      this.setPlan(before);
      this.report();
    } else {
      const now = this.clock.now();
      this.schedule(
        result.ok
          ? nextCheckAt(at, this.config, this.random)
          : failedCheckRetryAt(now, this.failures, this.config, this.random),
      );
      // A setting or the daemon's policy may have changed while the check ran.
      this.reconcile('event');
    }
    return result;
  }

  /** True once per successful check in the AppState that this checker did not run. */
  private noticeUserCheck(): boolean {
    const at = lastSuccessfulCheckAt(this.options.getState());
    if (at === null || at === this.seenCheckAt) return false;
    this.seenCheckAt = at;
    return at > (this.lastRunAt ?? -Infinity);
  }

  private firstAt(): number {
    this.seenCheckAt = lastSuccessfulCheckAt(this.options.getState()) ?? this.seenCheckAt;
    const last = Math.max(this.lastRunAt ?? -Infinity, this.seenCheckAt ?? -Infinity);
    return firstCheckAt(
      this.clock.now(),
      Number.isFinite(last) ? last : null,
      this.config,
      this.random,
    );
  }

  private decide(explicit: boolean): CheckDecision {
    const power = this.options.power.current();
    return decideCheck(
      checkConditions(
        this.options.getState(),
        {
          explicit,
          backgroundChecks: this.options.getSettings().backgroundChecks,
          metered: power.metered,
          onBattery: power.onBattery,
          batteryPercent: power.batteryPercent,
        },
        this.config,
      ),
    );
  }

  /** A reason that stops background checks whatever the time: nothing is scheduled then. */
  private standingReason(): StandingSkipReason | null {
    const decision = this.decide(false);
    return !decision.run && isStandingReason(decision.reason) ? decision.reason : null;
  }

  private setPlan(plan: Plan): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.plan = plan;
    const at = plan.kind === 'scheduled' ? plan.at : plan.kind === 'waiting' ? plan.retryAt : null;
    if (at === null) return;
    const wanted = Math.max(at - this.clock.now(), 0);
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = undefined;
        // A timer capped at MAX_TIMER_MS fires before the due time: it only re-arms.
        if (wanted > MAX_TIMER_MS) this.setPlan(this.plan);
        else this.reconcile('timer');
      },
      Math.min(wanted, MAX_TIMER_MS),
    );
  }

  private snapshot(): BackgroundCheckState {
    const power = this.options.power.current();
    const plan = this.plan;
    return {
      nextAt: plan.kind === 'scheduled' ? plan.at : plan.kind === 'waiting' ? plan.retryAt : null,
      lastRunAt: this.lastRunAt,
      lastSkip: this.lastSkip,
      metered: power.metered,
      onBattery: power.onBattery,
      batteryPercent: power.batteryPercent,
    };
  }

  private report(): void {
    const next = this.snapshot();
    if (this.reported && sameState(this.reported, next)) return;
    this.reported = next;
    this.options.onChange(next);
  }
}

function sameState(a: BackgroundCheckState, b: BackgroundCheckState): boolean {
  return (
    a.nextAt === b.nextAt &&
    a.lastRunAt === b.lastRunAt &&
    a.lastSkip?.at === b.lastSkip?.at &&
    a.lastSkip?.reason === b.lastSkip?.reason &&
    a.metered === b.metered &&
    a.onBattery === b.onBattery &&
    a.batteryPercent === b.batteryPercent
  );
}
