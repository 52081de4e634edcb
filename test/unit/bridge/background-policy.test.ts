import { describe, expect, it } from 'vitest';
import type { CheckSkipReason } from '../../../daemon-bridge/contract/desktop.ts';
import type { AppState, SystemState } from '../../../daemon-bridge/contract/domain.ts';
import type { Activity } from '../../../daemon-bridge/contract/updates.ts';
import {
  checkConditions,
  decideCheck,
  DEFAULT_BACKGROUND_POLICY,
  failedCheckRetryAt,
  firstCheckAt,
  isDaemonReady,
  isStandingReason,
  isTransactionRunning,
  jittered,
  lastSuccessfulCheckAt,
  nextCheckAt,
  randomBetween,
  retryCheckAt,
} from '../../../daemon-bridge/desktop/background-policy.ts';
import type { CheckConditions } from '../../../daemon-bridge/desktop/background-policy.ts';
import { blankState, emptySystem } from '../../support/app-state.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = Date.UTC(2026, 1, 1, 9, 0, 0);
const config = DEFAULT_BACKGROUND_POLICY;
const fixed = (value: number) => () => value;
/** The largest draw Math.random can give, near enough. */
const ALMOST_ONE = 1 - 1e-12;

/** Nothing in the way: a background check would run. */
const clear: CheckConditions = {
  explicit: false,
  backgroundChecks: true,
  daemonReady: true,
  policy: 'check',
  transactionRunning: false,
  metered: false,
  onBattery: false,
  batteryPercent: 80,
  lowBatteryPercent: 20,
};

describe('decideCheck', () => {
  const cases: [string, Partial<CheckConditions>, CheckSkipReason | 'run'][] = [
    ['nothing in the way', {}, 'run'],
    ['policy stage: the app still only checks', { policy: 'stage' }, 'run'],
    ['policy apply', { policy: 'apply' }, 'run'],
    ['policy unknown (a newer daemon)', { policy: 'unknown' }, 'run'],
    ['policy not read yet but daemon ready', { policy: null }, 'run'],
    ['background checks switched off', { backgroundChecks: false }, 'disabled'],
    ['daemon not ready', { daemonReady: false }, 'daemon-not-ready'],
    ['daemon policy none', { policy: 'none' }, 'daemon-policy-none'],
    ['a transaction runs', { transactionRunning: true }, 'transaction-running'],
    ['metered connection', { metered: true }, 'metered'],
    ['metered unknown: not held back', { metered: null }, 'run'],
    ['on battery at 15 %', { onBattery: true, batteryPercent: 15 }, 'low-battery'],
    ['on battery at 19.9 %', { onBattery: true, batteryPercent: 19.9 }, 'low-battery'],
    ['on battery at exactly the threshold', { onBattery: true, batteryPercent: 20 }, 'run'],
    ['on battery, charge unknown', { onBattery: true, batteryPercent: null }, 'run'],
    ['on AC at 5 %', { onBattery: false, batteryPercent: 5 }, 'run'],
    ['power unknown at 5 %', { onBattery: null, batteryPercent: 5 }, 'run'],
    [
      'a custom threshold',
      { onBattery: true, batteryPercent: 40, lowBatteryPercent: 50 },
      'low-battery',
    ],
    // Order: what the user must change comes first.
    [
      'disabled beats everything',
      { backgroundChecks: false, daemonReady: false, metered: true },
      'disabled',
    ],
    ['not ready beats policy none', { daemonReady: false, policy: 'none' }, 'daemon-not-ready'],
    [
      'policy none beats a transaction',
      { policy: 'none', transactionRunning: true },
      'daemon-policy-none',
    ],
    [
      'a transaction beats metered',
      { transactionRunning: true, metered: true },
      'transaction-running',
    ],
    ['metered beats low battery', { metered: true, onBattery: true, batteryPercent: 5 }, 'metered'],
    // Explicit requests ignore the app's and the daemon's settings, metered and battery…
    ['explicit, disabled', { explicit: true, backgroundChecks: false }, 'run'],
    ['explicit, policy none', { explicit: true, policy: 'none' }, 'run'],
    ['explicit, metered', { explicit: true, metered: true }, 'run'],
    ['explicit, low battery', { explicit: true, onBattery: true, batteryPercent: 3 }, 'run'],
    // …but not a busy or absent daemon.
    [
      'explicit, transaction running',
      { explicit: true, transactionRunning: true },
      'transaction-running',
    ],
    ['explicit, daemon not ready', { explicit: true, daemonReady: false }, 'daemon-not-ready'],
  ];
  it.each(cases)('%s', (_name, change, expected) => {
    const decision = decideCheck({ ...clear, ...change });
    expect(decision).toEqual(expected === 'run' ? { run: true } : { run: false, reason: expected });
  });
});

describe('isStandingReason', () => {
  it.each([
    ['disabled', true],
    ['daemon-policy-none', true],
    ['daemon-not-ready', false],
    ['transaction-running', false],
    ['metered', false],
    ['low-battery', false],
  ] as const)('%s → %s', (reason, standing) => {
    expect(isStandingReason(reason)).toBe(standing);
  });
});

const system = (overrides: Partial<SystemState> = {}): SystemState => emptySystem(NOW, overrides);

const daemon = { flavour: 'rpm-ostree', busName: 'org.projectatomic.rpmostree1' } as const;
const ready = (overrides: Partial<SystemState> = {}, rest: Partial<AppState> = {}) =>
  blankState({ daemon: { kind: 'ready', daemon }, system: system(overrides), ...rest });
const activity = (phase: Activity['phase']): Activity => ({
  title: 'upgrade',
  initiator: 'caller :1.5',
  owner: 'another-client',
  commandLine: null,
  phase,
  tasks: [],
  percent: null,
  download: null,
  messages: [],
  error: null,
  startedAt: NOW,
  endedAt: null,
});
const transaction = {
  method: 'Upgrade',
  initiator: 'caller :1.5',
  osPath: '/org/projectatomic/rpmostree1/fedora',
  address: 'unix:path=/run/rpm-ostree/transaction.sock',
};

describe('conditions read from the app state', () => {
  const cases: [string, AppState, { ready: boolean; running: boolean; policy: string | null }][] = [
    ['connecting', blankState(), { ready: false, running: false, policy: null }],
    ['ready', ready(), { ready: true, running: false, policy: 'check' }],
    [
      'ready, policy none',
      ready({ automaticUpdatePolicy: 'none' }),
      { ready: true, running: false, policy: 'none' },
    ],
    [
      'unavailable with a stale state',
      { ...ready(), daemon: { kind: 'unavailable', daemon, message: 'stopped' } },
      { ready: false, running: false, policy: 'check' },
    ],
    [
      'ready but nothing read',
      blankState({ daemon: { kind: 'ready', daemon } }),
      { ready: false, running: false, policy: null },
    ],
    [
      'another client transaction',
      ready({ activeTransaction: transaction }),
      { ready: true, running: true, policy: 'check' },
    ],
    [
      'our activity running',
      ready({}, { activity: activity('running') }),
      { ready: true, running: true, policy: 'check' },
    ],
    [
      'a finished activity still shown',
      ready({}, { activity: activity('succeeded') }),
      { ready: true, running: false, policy: 'check' },
    ],
  ];
  it.each(cases)('%s', (_name, state, expected) => {
    expect({
      ready: isDaemonReady(state),
      running: isTransactionRunning(state),
      policy: state.system?.automaticUpdatePolicy ?? null,
    }).toEqual(expected);
  });

  it('checkConditions combines state, settings and readings', () => {
    expect(
      checkConditions(
        ready({ automaticUpdatePolicy: 'stage', activeTransaction: transaction }),
        {
          explicit: true,
          backgroundChecks: false,
          metered: true,
          onBattery: null,
          batteryPercent: 42,
        },
        { lowBatteryPercent: 30 },
      ),
    ).toEqual({
      explicit: true,
      backgroundChecks: false,
      daemonReady: true,
      policy: 'stage',
      transactionRunning: true,
      metered: true,
      onBattery: null,
      batteryPercent: 42,
      lowBatteryPercent: 30,
    });
  });

  it.each([
    [null, null],
    [{ at: 5, outcome: 'up-to-date', message: null }, 5],
    [{ at: 6, outcome: 'update-available', message: null }, 6],
    [{ at: 7, outcome: 'failed', message: 'offline' }, null],
  ] as const)('last successful check of %j → %s', (lastCheck, expected) => {
    expect(lastSuccessfulCheckAt(blankState({ lastCheck }))).toBe(expected);
  });
});

describe('jitter', () => {
  it.each([
    [0, 10_800],
    [0.25, 11_400],
    [0.5, 12_000],
    [0.75, 12_600],
    [ALMOST_ONE, 13_200],
  ])('12 000 ms ±10 %% with random %s → %s', (r, expected) => {
    expect(jittered(12_000, 0.1, fixed(r))).toBe(expected);
  });
  it('never goes negative and leaves a zero spread alone', () => {
    expect(jittered(100, 2, fixed(0))).toBe(0);
    expect(jittered(100, 0, fixed(0.9))).toBe(100);
  });
  it.each([
    [0, 2 * MIN],
    [0.5, 3.5 * MIN],
    [ALMOST_ONE, 5 * MIN],
  ])('randomBetween 2 and 5 min with %s', (r, expected) => {
    expect(randomBetween(2 * MIN, 5 * MIN, fixed(r))).toBe(expected);
  });
});

describe('when checks are due', () => {
  const mid = fixed(0.5); // no jitter, the middle of every range
  const cases: [string, number | null, number][] = [
    ['never checked: after the startup delay', null, NOW + 3.5 * MIN],
    ['last check long ago: after the startup delay', NOW - 3 * 24 * HOUR, NOW + 3.5 * MIN],
    ['last check exactly one interval ago', NOW - 12 * HOUR, NOW + 3.5 * MIN],
    ['last check 2 h ago: one interval after it', NOW - 2 * HOUR, NOW + 10 * HOUR],
    ['due within the startup delay: not before it', NOW - 12 * HOUR + MIN, NOW + 3.5 * MIN],
    [
      'last check in the future (clock set back): one interval from now',
      NOW + 5 * 24 * HOUR,
      NOW + 12 * HOUR,
    ],
  ];
  it.each(cases)('first check: %s', (_name, last, expected) => {
    expect(firstCheckAt(NOW, last, config, mid)).toBe(expected);
  });

  it('the first check spreads over 2–5 min, the interval over ±10 %', () => {
    expect(firstCheckAt(NOW, null, config, fixed(0))).toBe(NOW + 2 * MIN);
    expect(firstCheckAt(NOW, null, config, fixed(ALMOST_ONE))).toBe(NOW + 5 * MIN);
    expect(nextCheckAt(NOW, config, fixed(0))).toBe(NOW + 10.8 * HOUR);
    expect(nextCheckAt(NOW, config, mid)).toBe(NOW + 12 * HOUR);
    expect(nextCheckAt(NOW, config, fixed(ALMOST_ONE))).toBe(NOW + 13.2 * HOUR);
  });

  it('a skipped check is retried after 30 min ±10 %', () => {
    expect(retryCheckAt(NOW, config, mid)).toBe(NOW + 30 * MIN);
    expect(retryCheckAt(NOW, config, fixed(0))).toBe(NOW + 27 * MIN);
  });

  it.each([
    [1, 30 * MIN],
    [2, 60 * MIN],
    [3, 2 * HOUR],
    [5, 8 * HOUR],
    [6, 12 * HOUR],
    [50, 12 * HOUR],
  ])('after %s failed checks in a row the next try waits %s ms', (failures, delay) => {
    expect(failedCheckRetryAt(NOW, failures, config, mid)).toBe(NOW + delay);
  });

  it('the random source is the only randomness', () => {
    const draws: number[] = [];
    const recorded = () => {
      draws.push(draws.length);
      return 0.5;
    };
    firstCheckAt(NOW, NOW - HOUR, config, recorded);
    expect(draws).toHaveLength(2);
  });
});
