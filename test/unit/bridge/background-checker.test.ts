import { afterEach, describe, expect, it } from 'vitest';
import type {
  BackgroundCheckState,
  DesktopSettings,
} from '../../../daemon-bridge/contract/desktop.ts';
import { defaultDesktopSettings } from '../../../daemon-bridge/contract/desktop.ts';
import type { AppState, Result, SystemState } from '../../../daemon-bridge/contract/domain.ts';
import { fail, ok } from '../../../daemon-bridge/contract/domain.ts';
import { BackgroundChecker } from '../../../daemon-bridge/desktop/background-checker.ts';
import { DEFAULT_BACKGROUND_POLICY } from '../../../daemon-bridge/desktop/background-policy.ts';
import type { BackgroundPolicyConfig } from '../../../daemon-bridge/desktop/background-policy.ts';
import type {
  PowerNetwork,
  PowerNetworkSource,
} from '../../../daemon-bridge/system/power-network.ts';
import { blankState, emptySystem } from '../../support/app-state.ts';
import { FakeTime, settle } from '../../support/fake-time.ts';
import { startActivity } from '../../../daemon-bridge/activity.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 1, 1, 9, 0, 0);
/** With random() = 0.5 nothing is jittered: startup 3.5 min, interval 12 h, retry 30 min. */
const STARTUP = 3.5 * MIN;

class FakePower implements PowerNetworkSource {
  readings: PowerNetwork = { metered: false, onBattery: false, batteryPercent: 90 };
  readonly listeners = new Set<(r: PowerNetwork) => void>();
  current(): PowerNetwork {
    return this.readings;
  }
  onChange(listener: (r: PowerNetwork) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  close(): void {}
  set(change: Partial<PowerNetwork>): void {
    this.readings = { ...this.readings, ...change };
    for (const l of [...this.listeners]) l(this.readings);
  }
}

const daemon = { flavour: 'rpm-ostree', busName: 'org.projectatomic.rpmostree1' } as const;
const system = (overrides: Partial<SystemState> = {}): SystemState => emptySystem(T0, overrides);
const transaction = {
  method: 'Upgrade',
  initiator: 'caller :1.5',
  osPath: '/org/projectatomic/rpmostree1/fedora',
  address: 'unix:path=/run/rpm-ostree/transaction.sock',
};

interface HarnessOptions {
  readonly lastRunAt?: number | null;
  readonly state?: AppState;
  readonly settings?: DesktopSettings;
  readonly config?: BackgroundPolicyConfig;
  /** What runCheck does; default: records the check in AppState.lastCheck like the manager, ok. */
  readonly runCheck?: (h: Harness) => Promise<Result<null>>;
}

/** A checker wired like the app will wire it: onChange feeds back into stateChanged. */
function harness(options: HarnessOptions = {}) {
  const time = new FakeTime(T0);
  const power = new FakePower();
  const h = {
    time,
    power,
    state: options.state ?? blankState({ daemon: { kind: 'ready', daemon }, system: system() }),
    settings: options.settings ?? defaultDesktopSettings,
    runs: [] as number[],
    persisted: [] as number[],
    reports: [] as BackgroundCheckState[],
    checker: null as unknown as BackgroundChecker,
    setState(change: Partial<AppState>) {
      h.state = { ...h.state, ...change };
      h.checker.stateChanged();
    },
    setSystem(change: Partial<SystemState>) {
      h.setState({ system: { ...h.state.system!, ...change } });
    },
    get last(): BackgroundCheckState {
      return h.reports[h.reports.length - 1]!;
    },
  };
  const run =
    options.runCheck ??
    (() => {
      h.setState({ lastCheck: { at: time.now(), outcome: 'up-to-date', message: null } });
      return Promise.resolve(ok(null));
    });
  h.checker = new BackgroundChecker({
    getState: () => h.state,
    getSettings: () => h.settings,
    power,
    runCheck: () => {
      h.runs.push(time.now());
      return run(h);
    },
    lastRunAt: options.lastRunAt ?? null,
    onRun: (at) => h.persisted.push(at),
    onChange: (s) => {
      h.reports.push(s);
      h.checker.stateChanged();
    },
    clock: time,
    timers: time,
    random: () => 0.5,
    ...(options.config ? { config: options.config } : {}),
  });
  checkers.push(h.checker);
  return h;
}
type Harness = ReturnType<typeof harness>;

const checkers: BackgroundChecker[] = [];
afterEach(() => {
  for (const c of checkers.splice(0)) c.stop();
});

describe('the schedule', () => {
  it('never checked: the first check runs after the startup delay, then every 12 h', async () => {
    const h = harness();
    h.checker.start();
    expect(h.last).toEqual({
      nextAt: T0 + STARTUP,
      lastRunAt: null,
      lastSkip: null,
      metered: false,
      onBattery: false,
      batteryPercent: 90,
    });
    await h.time.advance(STARTUP - 1);
    expect(h.runs).toEqual([]);
    await h.time.advance(1);
    expect(h.runs).toEqual([T0 + STARTUP]);
    expect(h.persisted).toEqual([T0 + STARTUP]);
    expect(h.last).toMatchObject({ lastRunAt: T0 + STARTUP, nextAt: T0 + STARTUP + 12 * HOUR });
    await h.time.advance(36 * HOUR);
    expect(h.runs).toEqual([0, 1, 2, 3].map((n) => T0 + STARTUP + n * 12 * HOUR));
    expect(h.time.pending).toBe(1);
  });

  it('a recent run: the next one an interval after it, not at start', async () => {
    const h = harness({ lastRunAt: T0 - 2 * HOUR });
    h.checker.start();
    expect(h.last).toMatchObject({ nextAt: T0 + 10 * HOUR, lastRunAt: T0 - 2 * HOUR });
    await h.time.advance(10 * HOUR - 1);
    expect(h.runs).toEqual([]);
    await h.time.advance(1);
    expect(h.runs).toEqual([T0 + 10 * HOUR]);
  });

  it('an overdue run: after the startup delay', () => {
    const h = harness({ lastRunAt: T0 - 3 * DAY });
    h.checker.start();
    expect(h.last.nextAt).toBe(T0 + STARTUP);
  });

  it('state changes before the due time run nothing and report nothing new', async () => {
    const h = harness();
    h.checker.start();
    const reports = h.reports.length;
    for (let i = 0; i < 100; i++) h.setState({ queued: null, lastCheck: null });
    await h.time.advance(MIN);
    expect(h.runs).toEqual([]);
    expect(h.reports).toHaveLength(reports);
  });

  it('a machine that slept past the due time checks on the next event', async () => {
    const h = harness({ lastRunAt: T0 - 2 * HOUR });
    h.checker.start();
    h.time.jump(11 * HOUR);
    h.power.set({ batteryPercent: 89 });
    await settle();
    expect(h.runs).toEqual([T0 + 11 * HOUR]);
  });

  it('intervals longer than a timer can wait re-arm instead of firing early', async () => {
    const config = { ...DEFAULT_BACKGROUND_POLICY, intervalMs: 40 * DAY };
    const h = harness({ config, lastRunAt: T0 - DAY });
    h.checker.start();
    expect(h.last.nextAt).toBe(T0 + 39 * DAY);
    await h.time.advance(39 * DAY - 1);
    expect(h.runs).toEqual([]);
    await h.time.advance(1);
    expect(h.runs).toEqual([T0 + 39 * DAY]);
  });
});

describe('skips and retries', () => {
  it.each([
    ['metered', { metered: true }, { metered: false }],
    ['low-battery', { onBattery: true, batteryPercent: 15 }, { onBattery: false }],
    ['low-battery', { onBattery: true, batteryPercent: 15 }, { batteryPercent: 25 }],
  ] as const)(
    '%s: skipped when due, run as soon as the reading changes',
    async (reason, blocked, cleared) => {
      const h = harness();
      h.checker.start();
      h.power.set(blocked);
      expect(h.last.nextAt).toBe(T0 + STARTUP);
      await h.time.advance(STARTUP);
      expect(h.runs).toEqual([]);
      expect(h.last).toMatchObject({
        lastSkip: { at: T0 + STARTUP, reason },
        nextAt: T0 + STARTUP + 30 * MIN,
        ...blocked,
      });
      await h.time.advance(10 * MIN);
      h.power.set(cleared);
      await settle();
      expect(h.runs).toEqual([T0 + STARTUP + 10 * MIN]);
      expect(h.last.nextAt).toBe(T0 + STARTUP + 10 * MIN + 12 * HOUR);
    },
  );

  it('still blocked: tried again every 30 min, never in a tight loop', async () => {
    const h = harness();
    h.power.set({ metered: true });
    h.checker.start();
    await h.time.advance(STARTUP + 10 * HOUR);
    expect(h.runs).toEqual([]);
    expect(h.last).toMatchObject({
      lastSkip: { at: T0 + STARTUP + 10 * HOUR, reason: 'metered' },
      nextAt: T0 + STARTUP + 10.5 * HOUR,
    });
    // One report per attempt (and the first schedule), not one per millisecond.
    expect(h.reports.length).toBeLessThanOrEqual(25);
    expect(h.time.pending).toBe(1);
  });

  it('a transaction: skipped, not re-run by its progress, run when it ends', async () => {
    const h = harness();
    h.checker.start();
    h.setSystem({ activeTransaction: transaction });
    await h.time.advance(STARTUP);
    expect(h.last.lastSkip).toEqual({ at: T0 + STARTUP, reason: 'transaction-running' });
    const reports = h.reports.length;
    for (let i = 0; i < 50; i++) h.setState({ queued: null });
    expect(h.runs).toEqual([]);
    expect(h.reports).toHaveLength(reports);
    await h.time.advance(MIN);
    h.setSystem({ activeTransaction: null });
    await settle();
    expect(h.runs).toEqual([T0 + STARTUP + MIN]);
  });

  it('a running activity counts as a transaction too', async () => {
    const h = harness();
    h.checker.start();
    h.setState({
      activity: startActivity({
        title: 'upgrade',
        initiator: 'caller :1.5',
        owner: 'this-app',
        commandLine: null,
        now: T0,
      }),
    });
    await h.time.advance(STARTUP);
    expect(h.last.lastSkip?.reason).toBe('transaction-running');
  });

  it('the daemon not ready when due: run once it is', async () => {
    const h = harness({ state: blankState() });
    h.checker.start();
    expect(h.last.nextAt).toBe(T0 + STARTUP);
    await h.time.advance(STARTUP);
    expect(h.last.lastSkip).toEqual({ at: T0 + STARTUP, reason: 'daemon-not-ready' });
    h.setState({ daemon: { kind: 'ready', daemon }, system: system() });
    await settle();
    expect(h.runs).toEqual([T0 + STARTUP]);
  });

  it('another blocking reason while waiting is reported, keeping the retry time', async () => {
    const h = harness();
    h.power.set({ metered: true });
    h.checker.start();
    await h.time.advance(STARTUP);
    await h.time.advance(5 * MIN);
    h.power.set({ metered: false, onBattery: true, batteryPercent: 10 });
    await settle();
    expect(h.runs).toEqual([]);
    expect(h.last).toMatchObject({
      lastSkip: { at: T0 + STARTUP + 5 * MIN, reason: 'low-battery' },
      nextAt: T0 + STARTUP + 30 * MIN,
    });
  });
});

describe('standing reasons: nothing scheduled', () => {
  it('background checks off: no timer, no check; on again: after the startup delay', async () => {
    const h = harness({ settings: { ...defaultDesktopSettings, backgroundChecks: false } });
    h.checker.start();
    expect(h.last).toMatchObject({ nextAt: null, lastSkip: { at: T0, reason: 'disabled' } });
    expect(h.time.pending).toBe(0);
    await h.time.advance(3 * DAY);
    expect(h.runs).toEqual([]);
    h.settings = defaultDesktopSettings;
    h.checker.stateChanged();
    expect(h.last.nextAt).toBe(T0 + 3 * DAY + STARTUP);
    await h.time.advance(STARTUP);
    expect(h.runs).toEqual([T0 + 3 * DAY + STARTUP]);
  });

  it("the daemon's policy none: shown as the reason; a policy change schedules", async () => {
    const h = harness({ lastRunAt: T0 - HOUR });
    h.checker.start();
    h.setSystem({ automaticUpdatePolicy: 'none' });
    expect(h.last).toMatchObject({
      nextAt: null,
      lastSkip: { at: T0, reason: 'daemon-policy-none' },
    });
    await h.time.advance(DAY);
    expect(h.runs).toEqual([]);
    h.setSystem({ automaticUpdatePolicy: 'stage' });
    expect(h.last.nextAt).toBe(T0 + DAY + STARTUP);
  });

  it('policy none while disabled: the reason follows what is in the way', () => {
    const h = harness({ settings: { ...defaultDesktopSettings, backgroundChecks: false } });
    h.checker.start();
    h.setSystem({ automaticUpdatePolicy: 'none' });
    expect(h.last.lastSkip?.reason).toBe('disabled');
    h.settings = defaultDesktopSettings;
    h.checker.stateChanged();
    expect(h.last).toMatchObject({ nextAt: null, lastSkip: { reason: 'daemon-policy-none' } });
  });
});

describe('results', () => {
  it('failed checks retry after 30 min, 1 h, 2 h; a success returns to 12 h', async () => {
    let outcome: Result<null> = fail({ kind: 'daemon-unavailable', message: 'offline' });
    const h = harness({ runCheck: () => Promise.resolve(outcome) });
    h.checker.start();
    await h.time.advance(STARTUP);
    const first = T0 + STARTUP;
    expect(h.last).toMatchObject({ lastRunAt: first, nextAt: first + 30 * MIN });
    await h.time.advance(30 * MIN);
    expect(h.last.nextAt).toBe(first + 90 * MIN);
    await h.time.advance(60 * MIN);
    expect(h.last.nextAt).toBe(first + 210 * MIN);
    outcome = ok(null);
    await h.time.advance(120 * MIN);
    expect(h.last.nextAt).toBe(first + 210 * MIN + 12 * HOUR);
    expect(h.persisted).toHaveLength(4);
  });

  it('a runCheck that throws counts as a failure', async () => {
    const h = harness({ runCheck: () => Promise.reject(new Error('boom')) });
    h.checker.start();
    await h.time.advance(STARTUP);
    expect(h.last).toMatchObject({ lastRunAt: T0 + STARTUP, nextAt: T0 + STARTUP + 30 * MIN });
  });

  it("a check the user ran moves the schedule; a failed one or the checker's own does not", async () => {
    const h = harness({ lastRunAt: T0 - HOUR });
    h.checker.start();
    expect(h.last.nextAt).toBe(T0 + 11 * HOUR);
    await h.time.advance(HOUR);
    h.setState({ lastCheck: { at: T0 + HOUR, outcome: 'failed', message: 'offline' } });
    expect(h.last.nextAt).toBe(T0 + 11 * HOUR);
    h.setState({ lastCheck: { at: T0 + HOUR, outcome: 'update-available', message: null } });
    expect(h.last.nextAt).toBe(T0 + 13 * HOUR);
    await h.time.advance(12 * HOUR);
    expect(h.runs).toEqual([T0 + 13 * HOUR]);
    expect(h.last.nextAt).toBe(T0 + 25 * HOUR);
  });

  it('while a check runs nothing else starts; the next is planned from its start', async () => {
    let finish: (r: Result<null>) => void = () => undefined;
    const h = harness({
      runCheck: () => new Promise<Result<null>>((resolve) => (finish = resolve)),
    });
    h.checker.start();
    await h.time.advance(STARTUP);
    expect(h.last.nextAt).toBeNull();
    h.setSystem({ activeTransaction: transaction });
    expect(await h.checker.checkNow()).toEqual({ kind: 'skipped', reason: 'transaction-running' });
    await h.time.advance(10 * MIN);
    expect(h.runs).toHaveLength(1);
    h.setSystem({ activeTransaction: null });
    finish(ok(null));
    await settle();
    expect(h.last).toMatchObject({ lastRunAt: T0 + STARTUP, nextAt: T0 + STARTUP + 12 * HOUR });
  });
});

describe('checkNow (the user asked)', () => {
  it('runs on a metered connection and at low battery', async () => {
    const h = harness();
    h.checker.start();
    h.power.set({ metered: true, onBattery: true, batteryPercent: 5 });
    const outcome = await h.checker.checkNow();
    expect(outcome).toEqual({ kind: 'ran', result: ok(null) });
    expect(h.last).toMatchObject({ lastRunAt: T0, nextAt: T0 + 12 * HOUR });
  });

  it('runs while background checks are off, which stay off', async () => {
    const h = harness({ settings: { ...defaultDesktopSettings, backgroundChecks: false } });
    h.checker.start();
    await h.time.advance(HOUR);
    expect(await h.checker.checkNow()).toEqual({ kind: 'ran', result: ok(null) });
    expect(h.last).toMatchObject({
      nextAt: null,
      lastRunAt: T0 + HOUR,
      lastSkip: { at: T0, reason: 'disabled' },
    });
    expect(h.time.pending).toBe(0);
  });

  it('works before start (or after stop) and schedules nothing', async () => {
    const h = harness();
    expect(await h.checker.checkNow()).toEqual({ kind: 'ran', result: ok(null) });
    expect(h.persisted).toEqual([T0]);
    expect(h.last).toMatchObject({ nextAt: null, lastRunAt: T0 });
    expect(h.time.pending).toBe(0);
    h.checker.start();
    expect(h.last.nextAt).toBe(T0 + 12 * HOUR);
  });

  it('waits for a busy or absent daemon', async () => {
    const h = harness();
    h.checker.start();
    h.setSystem({ activeTransaction: transaction });
    expect(await h.checker.checkNow()).toEqual({ kind: 'skipped', reason: 'transaction-running' });
    h.setState({ daemon: { kind: 'connecting' } });
    expect(await h.checker.checkNow()).toEqual({ kind: 'skipped', reason: 'daemon-not-ready' });
    expect(h.runs).toEqual([]);
  });
});

describe('reporting and lifecycle', () => {
  it('reports power readings as they change, and only when something changed', () => {
    const h = harness();
    h.checker.start();
    const before = h.reports.length;
    h.power.set({ metered: null, onBattery: null, batteryPercent: null });
    expect(h.reports).toHaveLength(before + 1);
    expect(h.last).toMatchObject({ metered: null, onBattery: null, batteryPercent: null });
    h.power.set({});
    h.checker.stateChanged();
    expect(h.reports).toHaveLength(before + 1);
  });

  it('stop: no timer, no listener, nothing scheduled; a check in flight is still recorded', async () => {
    let finish: (r: Result<null>) => void = () => undefined;
    const h = harness({
      runCheck: () => new Promise<Result<null>>((resolve) => (finish = resolve)),
    });
    h.checker.start();
    await h.time.advance(STARTUP);
    h.checker.stop();
    expect(h.time.pending).toBe(0);
    expect(h.power.listeners.size).toBe(0);
    finish(ok(null));
    await settle();
    expect(h.persisted).toEqual([T0 + STARTUP]);
    expect(h.last).toMatchObject({ nextAt: null, lastRunAt: T0 + STARTUP });
    await h.time.advance(2 * DAY);
    expect(h.runs).toHaveLength(1);
    h.checker.stateChanged();
    expect(h.time.pending).toBe(0);
  });

  it('start twice is start once; the state getter matches the last report', () => {
    const h = harness();
    h.checker.start();
    h.checker.start();
    expect(h.power.listeners.size).toBe(1);
    expect(h.checker.state).toBe(h.last);
  });
});
