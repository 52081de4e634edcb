import { describe, expect, it, vi } from 'vitest';
import type { ActiveTransaction, AppState } from '../../../daemon-bridge/contract/domain.ts';
import { DBusCallError } from '../../../daemon-bridge/dbus/call.ts';
import type { DaemonPort, FollowHandlers } from '../../../daemon-bridge/daemon-port.ts';
import { Manager } from '../../../daemon-bridge/manager.ts';
import type { SysrootProperties } from '../../../daemon-bridge/rpm-ostree/parse-sysroot.ts';
import type { TransactionOutcome } from '../../../daemon-bridge/rpm-ostree/transaction/index.ts';

const daemon = { flavour: 'rpm-ostree', busName: 'org.projectatomic.rpmostree1' } as const;
const BUSY = 'org.gtk.GDBus.UnmappedGError.Quark._g_2dio_2derror_2dquark.Code26';
const props = (active: ActiveTransaction | null): SysrootProperties => ({
  path: '/',
  bootedOsPath: '/org/projectatomic/rpmostree1/fedora',
  deployments: [],
  automaticUpdatePolicy: 'none',
  activeTransaction: active,
});
const outcome = (success: boolean, message = ''): TransactionOutcome => ({
  success,
  message,
  started: true,
  title: 'upgrade',
  initiator: 'caller :1.5',
  cancelRequested: false,
  protocolErrors: [],
});
const tick = () => new Promise((r) => setTimeout(r, 0));

/** A port recording what the manager asks the daemon for. */
function testPort(overrides: Partial<DaemonPort>): DaemonPort & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    refresh: () => (log.push('refresh'), Promise.resolve(null)),
    start: (r) => (log.push(`start ${r.kind}`), Promise.resolve('unix:path=/run/txn.sock')),
    follow: () => Promise.resolve(outcome(true)),
    cancel: (a) => (log.push(`cancel ${a}`), Promise.resolve()),
    updateChanges: () => Promise.resolve(null),
    compare: () => Promise.resolve([]),
    cachedDeployDiff: () => Promise.reject(new Error('unused')),
    reboot: () => (log.push('reboot'), Promise.resolve()),
    searchPackages: () => Promise.resolve([]),
    ...overrides,
  };
}

function ready(manager: Manager, active: ActiveTransaction | null = null) {
  manager.linkEvent(
    { kind: 'properties', properties: props(active), cachedUpdate: null, bootOptions: [] },
    daemon,
  );
}

describe('transactions through the manager', () => {
  it('runs ours: activity from start to finish, then Reload, result ok', async () => {
    const manager = new Manager({ kind: 'system' }, { now: () => 42 });
    const port = testPort({
      follow: (_address: string, how: string, h: FollowHandlers) => {
        expect(how).toBe('run');
        h.onInfo({ title: 'upgrade', initiator: 'client(id:ostree-update-manager dbus:1.9)' });
        h.onEvent({ kind: 'task-begin', text: 'Writing objects' });
        h.onEvent({ kind: 'finished', success: true, message: '' });
        return Promise.resolve(outcome(true));
      },
    });
    manager.connectPort(port);
    ready(manager);
    await expect(manager.handle('stageUpdate', [])).resolves.toEqual({ ok: true, value: null });
    expect(port.log).toEqual(['start upgrade', 'refresh']);
    expect(manager.snapshot.activity).toMatchObject({
      title: 'upgrade',
      owner: 'this-app',
      commandLine: 'rpm-ostree upgrade',
      phase: 'succeeded',
      tasks: [{ text: 'Writing objects', done: true }],
    });
  });

  it('a failed transaction is a result with the daemon’s message', async () => {
    const manager = new Manager({ kind: 'system' });
    manager.connectPort(
      testPort({ follow: () => Promise.resolve(outcome(false, 'No rollback deployment found')) }),
    );
    ready(manager);
    await expect(manager.handle('rollback', [])).resolves.toEqual({
      ok: false,
      error: { kind: 'transaction-failed', message: 'No rollback deployment found' },
    });
  });

  it('busy daemon: the request is queued, shown, and runs when the other transaction ends', async () => {
    const manager = new Manager({ kind: 'system' }, { now: () => 7 });
    let attempts = 0;
    const observed: string[] = [];
    const port = testPort({
      start: (r) => {
        attempts++;
        if (attempts === 1)
          return Promise.reject(
            new DBusCallError(BUSY, 'Transaction in progress: automatic (stage)', 'Upgrade'),
          );
        port.log.push(`start ${r.kind}`);
        return Promise.resolve('unix:path=/run/txn.sock');
      },
      follow: (address, how) => {
        observed.push(`${how} ${address}`);
        return how === 'attach'
          ? new Promise<TransactionOutcome>(() => {})
          : Promise.resolve(outcome(true));
      },
    });
    manager.connectPort(port);
    const other = {
      method: 'AutomaticUpdateTrigger',
      initiator: ':1.3',
      osPath: '/o',
      address: 'unix:path=/run/other.sock',
    };
    ready(manager, other);
    const result = manager.handle('stageUpdate', []);
    await tick();
    expect(manager.snapshot.queued).toEqual({
      command: 'stageUpdate',
      commandLine: 'rpm-ostree upgrade',
      since: 7,
    });
    expect(manager.snapshot.activity).toMatchObject({
      owner: 'another-client',
      title: 'AutomaticUpdateTrigger',
      initiator: ':1.3',
    });
    ready(manager, null); // the other transaction closed
    await expect(result).resolves.toEqual({ ok: true, value: null });
    expect(manager.snapshot.queued).toBeNull();
    expect(observed).toEqual(['attach unix:path=/run/other.sock', 'run unix:path=/run/txn.sock']);
  });

  it('cancel: ours through Cancel on our connection, someone else’s like `rpm-ostree cancel`', async () => {
    const manager = new Manager({ kind: 'system' });
    let aborted = false;
    const port = testPort({
      follow: (_a, how, h) =>
        how === 'attach'
          ? new Promise<TransactionOutcome>(() => {})
          : new Promise((resolve) =>
              h.signal?.addEventListener('abort', () => {
                aborted = true;
                resolve({ ...outcome(false, 'Operation was cancelled'), cancelRequested: true });
              }),
            ),
    });
    manager.connectPort(port);
    ready(manager);
    const running = manager.handle('stageUpdate', []);
    await tick();
    await expect(manager.handle('cancelTransaction', [])).resolves.toEqual({
      ok: true,
      value: null,
    });
    await expect(running).resolves.toEqual({
      ok: false,
      error: { kind: 'cancelled', message: 'Operation was cancelled' },
    });
    expect(aborted).toBe(true);

    ready(manager, {
      method: 'Upgrade',
      initiator: ':1.3',
      osPath: '/o',
      address: 'unix:path=/run/other.sock',
    });
    await expect(manager.handle('cancelTransaction', [])).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(port.log).toContain('cancel unix:path=/run/other.sock');
  });

  it('the daemon dying mid-transaction fails the request and the activity, never stays "running"', async () => {
    const manager = new Manager({ kind: 'system' });
    manager.connectPort(
      testPort({
        follow: () =>
          Promise.reject(
            new DBusCallError(
              'org.freedesktop.DBus.Error.Disconnected',
              'The daemon vanished mid-transaction',
              'Transaction',
            ),
          ),
      }),
    );
    ready(manager);
    await expect(manager.handle('stageUpdate', [])).resolves.toMatchObject({
      ok: false,
      error: { kind: 'daemon-unavailable' },
    });
    expect(manager.snapshot.activity).toMatchObject({
      phase: 'failed',
      error: 'The daemon vanished mid-transaction',
    });
  });

  it('another client’s transaction whose connection closes without Finished is forgotten, not called a failure', async () => {
    const manager = new Manager({ kind: 'system' });
    let drop: (err: Error) => void = () => undefined;
    const port = testPort({
      follow: () => new Promise((_, reject) => (drop = reject)),
    });
    manager.connectPort(port);
    ready(manager, {
      method: 'AutomaticUpdateTrigger',
      initiator: ':1.3',
      osPath: '/o',
      address: 'unix:path=/run/other.sock',
    });
    expect(manager.snapshot.activity).toMatchObject({ owner: 'another-client', phase: 'running' });
    // We attached after its Finished; the daemon dropped us when it stopped waiting.
    drop(new DBusCallError('org.freedesktop.DBus.Error.Disconnected', 'closed', 'Transaction'));
    await vi.waitFor(() => expect(port.log).toContain('refresh'));
    expect(manager.snapshot.activity).toBeNull();
  });

  it('checkForUpdates records the outcome of the check', async () => {
    const states: AppState[] = [];
    const manager = new Manager({ kind: 'system' }, { now: () => 100 });
    manager.connectPort(
      testPort({ follow: () => Promise.resolve(outcome(false, "Couldn't resolve host")) }),
    );
    ready(manager);
    manager.subscribe((s) => states.push(s));
    await manager.handle('checkForUpdates', []);
    expect(manager.snapshot.lastCheck).toEqual({
      at: 100,
      outcome: 'failed',
      message: "Couldn't resolve host",
    });
  });
});
