import { afterEach, describe, expect, it, vi } from 'vitest';
import { DBusCallError } from '../../../daemon-bridge/dbus/call.ts';
import type { DaemonPort } from '../../../daemon-bridge/daemon-port.ts';
import { Manager } from '../../../daemon-bridge/manager.ts';
import { LOCK_RETRIES, LOCK_RETRY_MS } from '../../../daemon-bridge/transactions.ts';

/**
 * How a request survives the daemon's faults at its start (issue #6): the
 * daemon leaving without an answer, and BUSY with no transaction of the
 * daemon's to wait for (the sysroot lock held by another process).
 */
const daemon = { flavour: 'rpm-ostree', busName: 'org.projectatomic.rpmostree1' } as const;
const NO_REPLY = 'org.freedesktop.DBus.Error.NoReply';
const BUSY = 'org.gtk.GDBus.UnmappedGError.Quark._g_2dio_2derror_2dquark.Code26';
const done = { success: true, message: '', started: true, title: 'upgrade', initiator: '' };

/**
 * A manager on a ready daemon whose Upgrade answers with `answers`, one per
 * call, then succeeds; `follow` replaces how a started transaction goes.
 * `calls` lists what the daemon was asked, in order.
 */
function managerWith(answers: readonly (DBusCallError | null)[], follow?: DaemonPort['follow']) {
  const calls: string[] = [];
  let starts = 0;
  const port: DaemonPort = {
    refresh: () => (calls.push('refresh'), Promise.resolve(null)),
    start: (r) => {
      calls.push(r.kind);
      const answer = answers[starts++];
      return answer ? Promise.reject(answer) : Promise.resolve('unix:path=/run/txn.sock');
    },
    follow:
      follow ??
      (() => Promise.resolve({ ...done, cancelRequested: false, protocolErrors: [] as const })),
    cancel: () => Promise.resolve(),
    updateChanges: () => Promise.resolve(null),
    compare: () => Promise.resolve([]),
    cachedDeployDiff: () => Promise.reject(new Error('unused')),
    searchPackages: () => Promise.resolve([]),
    reboot: () => Promise.resolve(),
  };
  const manager = new Manager({ kind: 'system' }, { now: () => 5 });
  manager.connectPort(port);
  manager.linkEvent(
    {
      kind: 'properties',
      properties: {
        path: '/',
        bootedOsPath: '/org/projectatomic/rpmostree1/fedora',
        deployments: [],
        automaticUpdatePolicy: 'none',
        activeTransaction: null,
      },
      cachedUpdate: null,
      bootOptions: [],
    },
    daemon,
  );
  return { manager, calls };
}

const noReply = () =>
  new DBusCallError(
    NO_REPLY,
    'Message recipient disconnected from message bus without replying',
    'Upgrade',
  );
const locked = () => new DBusCallError(BUSY, 'System transaction in progress', 'Upgrade');

describe('a request whose start meets a daemon fault', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('NoReply (the daemon left without answering): asked once more, and it runs', async () => {
    const { manager, calls } = managerWith([noReply()]);
    await expect(manager.handle('stageUpdate', [])).resolves.toEqual({ ok: true, value: null });
    expect(calls).toEqual(['upgrade', 'upgrade', 'refresh']);
  });

  it('NoReply twice: reported with the bus’s words, not asked a third time', async () => {
    const { manager, calls } = managerWith([noReply(), noReply()]);
    await expect(manager.handle('stageUpdate', [])).resolves.toEqual({
      ok: false,
      error: {
        kind: 'daemon-unavailable',
        message: 'Message recipient disconnected from message bus without replying',
        detail: NO_REPLY,
      },
    });
    expect(calls).toEqual(['upgrade', 'upgrade']);
  });

  it('the daemon vanishing mid-transaction: reported, the activity ends, the state is read again', async () => {
    const vanished = new DBusCallError(
      'org.freedesktop.DBus.Error.Disconnected',
      'The daemon vanished mid-transaction',
      'Transaction',
    );
    const { manager, calls } = managerWith([], () => Promise.reject(vanished));
    await expect(manager.handle('stageUpdate', [])).resolves.toMatchObject({
      ok: false,
      error: { kind: 'daemon-unavailable', message: 'The daemon vanished mid-transaction' },
    });
    expect(manager.snapshot.activity).toMatchObject({ phase: 'failed', endedAt: 5 });
    // A fresh read (which activates the next daemon), so no stale ActiveTransaction stays.
    expect(calls).toEqual(['upgrade', 'refresh']);
  });

  it('BUSY with no transaction shown (the sysroot lock): queued, asked again, then it runs', async () => {
    vi.useFakeTimers();
    const { manager, calls } = managerWith([locked(), locked()]);
    const result = manager.handle('stageUpdate', []);
    await vi.advanceTimersByTimeAsync(0);
    expect(manager.snapshot.queued).toMatchObject({ command: 'stageUpdate' });
    await vi.advanceTimersByTimeAsync(2 * LOCK_RETRY_MS);
    await expect(result).resolves.toEqual({ ok: true, value: null });
    expect(calls).toEqual(['upgrade', 'upgrade', 'upgrade', 'refresh']);
    expect(manager.snapshot.queued).toBeNull();
  });

  it('a lock that is never released: reported with the daemon’s text after the last try', async () => {
    vi.useFakeTimers();
    const { manager, calls } = managerWith(Array.from({ length: 50 }, locked));
    const result = manager.handle('stageUpdate', []);
    await vi.advanceTimersByTimeAsync((LOCK_RETRIES + 1) * LOCK_RETRY_MS);
    await expect(result).resolves.toEqual({
      ok: false,
      error: { kind: 'daemon-busy', message: 'System transaction in progress', detail: BUSY },
    });
    expect(calls).toEqual(Array.from({ length: LOCK_RETRIES + 1 }, () => 'upgrade'));
    expect(manager.snapshot.queued).toBeNull();
  });
});
