import { describe, expect, it } from 'vitest';
import { defaultDesktopSettings } from '../../../daemon-bridge/contract/desktop.ts';
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import {
  decideNotifications,
  MAX_REMEMBERED_KEYS,
} from '../../../daemon-bridge/desktop/notification-policy.ts';
import type { NotifyMemory } from '../../../daemon-bridge/desktop/notification-policy.ts';
import {
  checksumOf,
  deployment,
  readyState,
  typicalSystem,
  unstagedSystem,
} from '../renderer/fixtures.ts';
import { activity, advisory, availableUpdate } from '../renderer/update-fixtures.ts';

const loud = defaultDesktopSettings;
const quiet = { ...defaultDesktopSettings, quiet: true };
const none: NotifyMemory = { keys: [] };

/** Feeds states one after another, as the agent does, and collects what was raised. */
function run(states: readonly AppState[], settings = loud, memory = none) {
  const raised = [];
  for (const [i, state] of states.entries()) {
    const decision = decideNotifications(memory, state, settings, 1000 + i);
    memory = decision.memory;
    raised.push(...decision.raised);
  }
  return { raised, memory };
}

const upToDate = readyState(unstagedSystem());
const staged = readyState(typicalSystem());
const pendingId = typicalSystem().pendingId!;

describe('decideNotifications: staged deployments', () => {
  it('announces a staged deployment once, however many states follow', () => {
    const { raised } = run([upToDate, staged, staged, { ...staged, lastCheck: null }]);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      kind: 'staged',
      key: `staged:${pendingId}`,
      version: '41.20241105.0',
      screen: 'updates',
    });
  });

  it('announces a deployment staged while the app was closed (first state already has it)', () => {
    expect(run([staged]).raised.map((r) => r.kind)).toEqual(['staged']);
  });

  it('does not announce it again after a restart (memory persisted)', () => {
    const first = run([staged]);
    expect(run([upToDate, staged], loud, first.memory).raised).toEqual([]);
  });

  it('announces a new staged deployment that replaces the previous one', () => {
    const first = run([staged]);
    const other = deployment('f', { staged: true, version: '41.20241119.0' });
    const next = readyState(
      typicalSystem({
        deployments: [other, ...typicalSystem().deployments.slice(1)],
        pendingId: other.id,
      }),
    );
    const { raised } = run([next], loud, first.memory);
    expect(raised).toMatchObject([{ kind: 'staged', version: '41.20241119.0' }]);
  });

  it('names the advisories of the update the staged deployment carries', () => {
    const update = availableUpdate({
      checksum: checksumOf('b'),
      advisories: [advisory('FEDORA-1', { severity: 'critical' }), advisory('FEDORA-2')],
    });
    const { raised } = run([readyState(typicalSystem({ cachedUpdate: update }))]);
    // One notice: the staged one covers the update's.
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      kind: 'staged',
      severity: 'critical',
      securityAdvisories: 2,
    });
  });
});

describe('decideNotifications: important updates', () => {
  it('stays silent when the advisories of an already announced staged update arrive later', () => {
    const update = availableUpdate({
      checksum: checksumOf('b'),
      advisories: [advisory('FEDORA-1', { severity: 'critical' })],
    });
    const later = readyState(typicalSystem({ cachedUpdate: update }));
    expect(run([staged, later]).raised.map((r) => r.kind)).toEqual(['staged']);
  });

  const important = readyState(
    unstagedSystem({
      cachedUpdate: availableUpdate({
        advisories: [advisory('FEDORA-9', { severity: 'important' })],
      }),
    }),
  );

  it('announces an update with important advisories once per commit', () => {
    const { raised } = run([upToDate, important, important]);
    expect(raised).toMatchObject([
      {
        kind: 'important-update',
        severity: 'important',
        version: '41.20241112.0',
        securityAdvisories: 1,
      },
    ]);
  });

  it('stays silent for updates with only moderate or low advisories, or none', () => {
    const moderate = readyState(
      unstagedSystem({
        cachedUpdate: availableUpdate({
          advisories: [advisory('A'), advisory('B', { severity: 'low' })],
        }),
      }),
    );
    const plain = readyState(unstagedSystem({ cachedUpdate: availableUpdate() }));
    expect(run([moderate, plain]).raised).toEqual([]);
  });

  it('then announces the staging of that update as news of its own', () => {
    const update = availableUpdate({
      checksum: checksumOf('b'),
      advisories: [advisory('FEDORA-9', { severity: 'important' })],
    });
    const before = readyState(unstagedSystem({ cachedUpdate: update }));
    const after = readyState(typicalSystem({ cachedUpdate: update }));
    expect(run([before, after]).raised.map((r) => r.kind)).toEqual(['important-update', 'staged']);
  });
});

describe('decideNotifications: failures', () => {
  const failed = {
    ...upToDate,
    activity: activity({ phase: 'failed', error: 'error: Timeout was reached' }),
  };

  it('announces a failed transaction once with the daemon message', () => {
    const { raised } = run([upToDate, failed, failed]);
    expect(raised).toMatchObject([
      { kind: 'failed', title: 'Upgrade', message: 'error: Timeout was reached' },
    ]);
  });

  it('announces a later failure of the same kind again (another start time)', () => {
    const again = {
      ...upToDate,
      activity: activity({ phase: 'failed', error: 'x', startedAt: 9e12 }),
    };
    expect(run([failed, again]).raised).toHaveLength(2);
  });

  it('announces a check that failed without a transaction (daemon away)', () => {
    const check = {
      ...upToDate,
      lastCheck: { at: 5, outcome: 'failed' as const, message: 'Not connected.' },
    };
    expect(run([check, check]).raised).toMatchObject([
      { kind: 'failed', message: 'Not connected.', title: null },
    ]);
  });
});

describe('decideNotifications: quiet mode', () => {
  const criticalSecurity = availableUpdate({
    advisories: [advisory('FEDORA-7', { severity: 'critical', kind: 'security' })],
  });
  const criticalBugfix = availableUpdate({
    checksum: checksumOf('9'),
    advisories: [advisory('FEDORA-8', { severity: 'critical', kind: 'bugfix' })],
  });

  it('holds back staged notices, failures and non-security updates', () => {
    const states = [
      staged,
      { ...upToDate, activity: activity({ phase: 'failed', error: 'x' }) },
      readyState(unstagedSystem({ cachedUpdate: criticalBugfix })),
    ];
    expect(run(states, quiet).raised).toEqual([]);
  });

  it('still announces a security-critical update', () => {
    const state = readyState(unstagedSystem({ cachedUpdate: criticalSecurity }));
    expect(run([state], quiet).raised).toMatchObject([
      { kind: 'important-update', severity: 'critical' },
    ]);
  });

  it('remembers what it held back: turning quiet off brings no old news', () => {
    const held = run([staged], quiet);
    expect(run([staged], loud, held.memory).raised).toEqual([]);
  });
});

describe('decideNotifications: memory', () => {
  it('returns the same memory object when nothing is new', () => {
    const memory = run([staged]).memory;
    expect(decideNotifications(memory, staged, loud, 1).memory).toBe(memory);
  });

  it('keeps only the newest keys', () => {
    const memory = { keys: Array.from({ length: MAX_REMEMBERED_KEYS }, (_, i) => `old:${i}`) };
    const next = decideNotifications(memory, staged, loud, 1).memory;
    expect(next.keys).toHaveLength(MAX_REMEMBERED_KEYS);
    expect(next.keys.at(-1)).toBe(`staged:${pendingId}`);
    expect(next.keys[0]).toBe('old:1');
  });
});
