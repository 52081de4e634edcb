import { describe, expect, it } from 'vitest';
import { trayState } from '../../../daemon-bridge/desktop/tray-state.ts';
import { blankState } from '../../support/app-state.ts';
import { daemonIdentity, readyState, typicalSystem, unstagedSystem } from '../renderer/fixtures.ts';
import { activity, availableUpdate } from '../renderer/update-fixtures.ts';

const upToDate = readyState(unstagedSystem());

describe('trayState', () => {
  it('says there is no daemon while connecting, absent or away', () => {
    expect(trayState(blankState()).status).toBe('no-daemon');
    const absent = trayState(blankState({ daemon: { kind: 'absent', message: 'No daemon.' } }));
    expect(absent).toMatchObject({ status: 'no-daemon', message: 'No daemon.' });
    const away = trayState({
      ...upToDate,
      daemon: { kind: 'unavailable', daemon: daemonIdentity, message: 'It stopped.' },
    });
    expect(away).toMatchObject({ status: 'no-daemon', message: 'It stopped.' });
  });

  it('reports a daemon error as a failure with its text', () => {
    const state = trayState({
      ...upToDate,
      daemon: { kind: 'error', error: { kind: 'protocol', message: 'Bad reply' } },
    });
    expect(state).toMatchObject({ status: 'failed', message: 'Bad reply' });
  });

  it('is up to date with nothing pending and no update known', () => {
    expect(trayState(upToDate)).toEqual({
      status: 'up-to-date',
      percent: null,
      version: null,
      message: null,
    });
  });

  it('shows an available update with its version', () => {
    const state = readyState(unstagedSystem({ cachedUpdate: availableUpdate() }));
    expect(trayState(state)).toMatchObject({
      status: 'update-available',
      version: '41.20241112.0',
    });
  });

  it('does not count an update with no new base and no package changes', () => {
    const update = availableUpdate({ newBaseCommit: false, changes: [] });
    expect(trayState(readyState(unstagedSystem({ cachedUpdate: update }))).status).toBe(
      'up-to-date',
    );
  });

  it('shows a pending deployment as staged, whoever staged it, ahead of an available update', () => {
    const state = readyState(typicalSystem({ cachedUpdate: availableUpdate() }));
    expect(trayState(state)).toMatchObject({ status: 'staged', version: '41.20241105.0' });
  });

  it('shows work with its percentage, rounded and clamped', () => {
    const state = {
      ...readyState(typicalSystem()),
      activity: activity({ percent: { text: 'x', value: 42.6 } }),
    };
    expect(trayState(state)).toMatchObject({ status: 'working', percent: 43, message: 'Upgrade' });
    const over = { ...state, activity: activity({ percent: { text: 'x', value: 140 } }) };
    expect(trayState(over).percent).toBe(100);
  });

  it('shows work by another client (an active transaction) without a percentage', () => {
    const state = readyState(
      unstagedSystem({
        activeTransaction: { method: 'Upgrade', initiator: 'cli', osPath: '/x', address: 'unix:x' },
      }),
    );
    expect(trayState(state)).toMatchObject({ status: 'working', percent: null });
  });

  it('shows a failed transaction with the daemon text, ahead of a staged deployment', () => {
    const state = {
      ...readyState(typicalSystem()),
      activity: activity({ phase: 'failed', error: 'error: No space left on device' }),
    };
    expect(trayState(state)).toMatchObject({
      status: 'failed',
      message: 'error: No space left on device',
    });
  });

  it('never says up to date after a failed check, until something newer succeeds', () => {
    const failedCheck = {
      ...upToDate,
      lastCheck: { at: 2_000, outcome: 'failed' as const, message: 'Daemon unreachable' },
    };
    expect(trayState(failedCheck)).toMatchObject({
      status: 'failed',
      message: 'Daemon unreachable',
    });
    const laterSuccess = {
      ...failedCheck,
      activity: activity({ phase: 'succeeded', startedAt: 3_000, endedAt: 4_000 }),
    };
    expect(trayState(laterSuccess).status).toBe('up-to-date');
    const okCheck = {
      ...upToDate,
      lastCheck: { at: 5_000, outcome: 'up-to-date' as const, message: null },
    };
    expect(trayState(okCheck).status).toBe('up-to-date');
  });
});
