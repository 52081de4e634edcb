import { describe, expect, it } from 'vitest';
import type { AppState, SystemState } from '../../../daemon-bridge/contract/domain.ts';
import {
  deriveDaemonIdentity,
  deriveDaemonView,
  selectDaemonView,
} from '../../../renderer/store/snapshot/snapshot-selectors.ts';
import type { LinkStatus } from '../../../renderer/transport/transport.ts';
import { daemonIdentity, readyState, typicalSystem } from './fixtures.ts';

const open: LinkStatus = { kind: 'open' };
const system = typicalSystem();

function withDaemon(daemon: AppState['daemon'], sys: SystemState | null = system): AppState {
  return { ...readyState(), daemon, system: sys };
}

describe('deriveDaemonView', () => {
  it('says the link is connecting before the first snapshot', () => {
    expect(deriveDaemonView(null, { kind: 'connecting' })).toEqual({
      notice: { kind: 'link-connecting' },
      system: null,
      stale: false,
    });
  });

  it('shows a ready system as fresh, with no notice', () => {
    expect(deriveDaemonView(readyState(system), open)).toEqual({
      notice: null,
      system,
      stale: false,
    });
  });

  it('keeps the last known system, marked stale, while the daemon is unavailable', () => {
    const app = withDaemon({ kind: 'unavailable', daemon: daemonIdentity, message: 'gone' });
    expect(deriveDaemonView(app, open)).toEqual({
      notice: { kind: 'unavailable', message: 'gone' },
      system,
      stale: true,
    });
  });

  it('passes on the absent message', () => {
    const app = withDaemon({ kind: 'absent', message: 'no daemon' }, null);
    expect(deriveDaemonView(app, open)).toEqual({
      notice: { kind: 'absent', message: 'no daemon' },
      system: null,
      stale: false,
    });
  });

  it('passes on the daemon error', () => {
    const error = { kind: 'not-authorized', message: 'denied' } as const;
    expect(deriveDaemonView(withDaemon({ kind: 'error', error }), open).notice).toEqual({
      kind: 'error',
      error,
    });
  });

  it('reports the daemon connecting', () => {
    const view = deriveDaemonView(withDaemon({ kind: 'connecting' }), open);
    expect(view.notice).toEqual({ kind: 'daemon-connecting' });
    expect(view.stale).toBe(true);
  });

  it('marks even a ready system stale while the link is down', () => {
    const closed: LinkStatus = { kind: 'closed', attempt: 1, retryInMs: 500 };
    expect(deriveDaemonView(readyState(system), closed).stale).toBe(true);
  });
});

describe('deriveDaemonIdentity', () => {
  it('is known while ready or unavailable, else null', () => {
    expect(deriveDaemonIdentity(readyState())).toEqual(daemonIdentity);
    expect(
      deriveDaemonIdentity(
        withDaemon({ kind: 'unavailable', daemon: daemonIdentity, message: '' }),
      ),
    ).toEqual(daemonIdentity);
    expect(deriveDaemonIdentity(withDaemon({ kind: 'connecting' }))).toBeNull();
    expect(deriveDaemonIdentity(null)).toBeNull();
  });
});

describe('selectDaemonView', () => {
  it('returns the same object for the same inputs, so React does not loop', () => {
    const slices = { app: readyState(), link: open };
    expect(selectDaemonView({ ...slices })).toBe(selectDaemonView({ ...slices }));
  });
});
