import { describe, expect, it } from 'vitest';
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import { deriveUpdateStatus } from '../../../renderer/store/updates/update-status.ts';
import { readyState, typicalSystem, unstagedSystem } from './fixtures.ts';
import { activity, availableUpdate } from './update-fixtures.ts';

const update = availableUpdate();
const transaction = {
  method: 'AutomaticUpdateTrigger',
  initiator: 'client(id:rpm-ostreed-automatic unit:rpm-ostreed-automatic.service uid:0)',
  osPath: '/org/projectatomic/rpmostree1/fedora',
  address: 'unix:abstract=/tmp/x',
};

function state(overrides: Partial<AppState>, system = unstagedSystem()): AppState {
  return { ...readyState(system), ...overrides };
}

describe('deriveUpdateStatus', () => {
  it.each<[string, AppState | null, unknown]>([
    ['no snapshot yet', null, { kind: 'unknown' }],
    ['no system read yet', { ...readyState(), system: null }, { kind: 'unknown' }],
    ['nothing cached', state({}), { kind: 'up-to-date' }],
    [
      'a cached update',
      state({}, unstagedSystem({ cachedUpdate: update })),
      { kind: 'available', update },
    ],
    [
      'a staged pending deployment (wins over the cache)',
      state({}, typicalSystem({ cachedUpdate: update })),
      {
        kind: 'staged',
        version: '41.20241105.0',
        deploymentId: typicalSystem().pendingId,
        reason: 'update',
      },
    ],
    [
      'a pending rollback (not staged) also waits for a reboot',
      state(
        {},
        typicalSystem({
          deployments: typicalSystem().deployments.map((d, i) =>
            i === 0 ? { ...d, staged: false } : d,
          ),
        }),
      ),
      {
        kind: 'staged',
        version: '41.20241105.0',
        deploymentId: typicalSystem().pendingId,
        reason: 'rollback',
      },
    ],
    [
      'a failed check, with the daemon message',
      state({ lastCheck: { at: 1, outcome: 'failed', message: 'Could not resolve host' } }),
      { kind: 'failed', source: 'check', message: 'Could not resolve host' },
    ],
    [
      'a failed activity (wins over a failed check)',
      state({
        activity: activity({ phase: 'failed', error: 'No space left on device' }),
        lastCheck: { at: 1, outcome: 'failed', message: 'x' },
      }),
      { kind: 'failed', source: 'activity', message: 'No space left on device' },
    ],
    [
      'a cancelled activity falls through to the system state',
      state(
        { activity: activity({ phase: 'cancelled' }) },
        unstagedSystem({ cachedUpdate: update }),
      ),
      { kind: 'available', update },
    ],
  ])('%s', (_name, app, expected) => {
    expect(deriveUpdateStatus(app)).toEqual(expected);
  });

  it('is working while our own activity runs', () => {
    const running = activity();
    expect(deriveUpdateStatus(state({ activity: running }))).toEqual({
      kind: 'working',
      activity: running,
    });
  });

  it('is busy with another client, with its progress and our queued request', () => {
    const queued = {
      command: 'checkForUpdates',
      commandLine: 'rpm-ostree upgrade --check',
      since: 5,
    };
    const other = activity({
      owner: 'another-client',
      title: 'Upgrade',
      initiator: 'client(id:cli)',
    });
    expect(
      deriveUpdateStatus(
        state({ activity: other, queued }, typicalSystem({ activeTransaction: transaction })),
      ),
    ).toEqual({ kind: 'busy', title: 'Upgrade', initiator: 'client(id:cli)', percent: 42, queued });
  });

  it('is busy from ActiveTransaction alone when no activity is attached yet', () => {
    expect(
      deriveUpdateStatus(state({}, unstagedSystem({ activeTransaction: transaction }))),
    ).toEqual({
      kind: 'busy',
      title: 'AutomaticUpdateTrigger',
      initiator: transaction.initiator,
      percent: null,
      queued: null,
    });
  });
});
