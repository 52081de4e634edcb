import { initialDesktopState } from '../../../daemon-bridge/contract/desktop.ts';
import { initialHealthState } from '../../../daemon-bridge/contract/health.ts';
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import { DBusCallError } from '../../../daemon-bridge/dbus/call.ts';
import { blankState } from '../../support/app-state.ts';
import type { DaemonPort } from '../../../daemon-bridge/daemon-port.ts';
import { Manager, reduceLinkEvent } from '../../../daemon-bridge/manager.ts';
import type { SysrootProperties } from '../../../daemon-bridge/rpm-ostree/parse-sysroot.ts';
import { ParseError } from '../../../daemon-bridge/rpm-ostree/vardict.ts';
import { summarizeUpdate } from '../../../daemon-bridge/contract/updates.ts';
import type { CachedUpdate } from '../../../daemon-bridge/contract/updates.ts';
import { cachedUpdate } from '../renderer/update-fixtures.ts';

const daemon = { flavour: 'rpm-ostree', busName: 'org.projectatomic.rpmostree1' } as const;
const initial: AppState = blankState();
const props: SysrootProperties = {
  path: '/',
  bootedOsPath: '/org/projectatomic/rpmostree1/fedora',
  deployments: [],
  automaticUpdatePolicy: 'check',
  activeTransaction: null,
};

/** A port whose every method fails the test if called; tests override what they use. */
const unusedPort: DaemonPort = {
  refresh: () => Promise.reject(new Error('unexpected refresh')),
  start: () => Promise.reject(new Error('unexpected start')),
  follow: () => Promise.reject(new Error('unexpected follow')),
  cancel: () => Promise.reject(new Error('unexpected cancel')),
  updateChanges: () => Promise.reject(new Error('unexpected updateChanges')),
  compare: () => Promise.reject(new Error('unexpected compare')),
  cachedDeployDiff: () => Promise.reject(new Error('unexpected cachedDeployDiff')),
  reboot: () => Promise.reject(new Error('unexpected reboot')),
  searchPackages: () => Promise.reject(new Error('unexpected searchPackages')),
};

describe('reduceLinkEvent', () => {
  it('properties make the daemon ready with a fresh system state', () => {
    expect(
      reduceLinkEvent(
        initial,
        { kind: 'properties', properties: props, cachedUpdate: null, bootOptions: [] },
        daemon,
        5,
      ),
    ).toEqual({
      mode: { kind: 'system' },
      daemon: { kind: 'ready', daemon },
      activity: null,
      lastCheck: null,
      queued: null,
      desktop: initialDesktopState,
      health: initialHealthState,
      system: {
        sysrootPath: '/',
        bootedOsname: null,
        deployments: [],
        bootedId: null,
        pendingId: null,
        rollbackId: null,
        automaticUpdatePolicy: 'check',
        activeTransaction: null,
        cachedUpdate: null,
        bootOptions: [],
        readAt: 5,
      },
    });
  });

  it('a daemon that went away keeps the last known system state', () => {
    const ready = reduceLinkEvent(
      initial,
      { kind: 'properties', properties: props, cachedUpdate: null, bootOptions: [] },
      daemon,
      5,
    );
    const gone = reduceLinkEvent(ready, { kind: 'gone' }, daemon, 6);
    expect(gone.system).toBe(ready.system);
    expect(gone.daemon).toEqual({
      kind: 'unavailable',
      daemon,
      message:
        'The update daemon (org.projectatomic.rpmostree1) stopped. Waiting for it to come back.',
    });
  });

  it('a malformed reply becomes a protocol error naming the key', () => {
    const failed = reduceLinkEvent(
      initial,
      {
        kind: 'failed',
        error: new ParseError('Sysroot.Deployments[0].id', 'required key is missing'),
      },
      daemon,
      1,
    );
    expect(failed.daemon).toEqual({
      kind: 'error',
      error: {
        kind: 'protocol',
        message: 'Malformed daemon reply at Sysroot.Deployments[0].id: required key is missing',
        detail: 'Sysroot.Deployments[0].id',
      },
    });
  });
});

describe('Manager', () => {
  it('pushes every new snapshot to subscribers and stops after unsubscribe', () => {
    const manager = new Manager({ kind: 'system' }, { now: () => 7 });
    const seen: AppState[] = [];
    const unsubscribe = manager.subscribe((s) => seen.push(s));
    manager.linkEvent(
      { kind: 'properties', properties: props, cachedUpdate: null, bootOptions: [] },
      daemon,
    );
    unsubscribe();
    manager.linkEvent({ kind: 'gone' }, daemon);
    expect(seen.map((s) => s.daemon.kind)).toEqual(['ready']);
  });

  it('a subscriber that replaces the snapshot while being told leaves nobody on a stale one', () => {
    const manager = new Manager({ kind: 'system' }, { now: () => 7 });
    // First subscriber: folds something into every new daemon state, as the desktop agent does.
    manager.subscribe((s) => {
      if (s.desktop.tray.status !== 'working')
        manager.setDesktop({ ...s.desktop, tray: { ...s.desktop.tray, status: 'working' } });
    });
    const seen: AppState[] = [];
    manager.subscribe((s) => seen.push(s));
    manager.linkEvent(
      { kind: 'properties', properties: props, cachedUpdate: null, bootOptions: [] },
      daemon,
    );
    expect(seen.at(-1)).toBe(manager.snapshot);
    expect(seen.map((s) => s.desktop.tray.status)).toEqual(['working']);
  });

  it('refuses what the connected daemon cannot do, with the reason, before anything is sent', async () => {
    const manager = new Manager({ kind: 'system' });
    manager.setDaemonStatus({
      kind: 'ready',
      daemon: { flavour: 'apt-layer', busName: 'org.debian.aptostree1' },
    });
    const refused = await manager.handle('changeKernelArgs', [
      { added: ['quiet'], replaced: [], removed: [] },
    ]);
    expect(refused).toEqual({
      ok: false,
      error: {
        kind: 'invalid-input',
        message: 'Not available with apt-layer: its D-Bus API has no call for kernel args.',
      },
    });
    // What apt-layer can do goes on (here: to "not connected", as no port is attached).
    expect(await manager.handle('rollback', [])).toMatchObject({
      ok: false,
      error: { kind: 'daemon-unavailable' },
    });
  });

  it('refresh without a daemon is a daemon-unavailable result, not a rejection', async () => {
    const manager = new Manager({ kind: 'system' });
    await expect(manager.handle('refresh', [])).resolves.toEqual({
      ok: false,
      error: { kind: 'daemon-unavailable', message: 'Not connected to an update daemon.' },
    });
  });

  it('the state carries the cached update without rows; updateChanges gives them by changesId only', async () => {
    const update = cachedUpdate();
    const manager = new Manager({ kind: 'system' });
    manager.linkEvent(
      { kind: 'properties', properties: props, cachedUpdate: update, bootOptions: [] },
      daemon,
    );
    const summary = manager.snapshot.system!.cachedUpdate!;
    expect(summary).toEqual(summarizeUpdate(update));
    expect(summary).not.toHaveProperty('changes');
    expect(JSON.stringify(manager.snapshot)).not.toContain(update.changes[0]!.name);

    let held: CachedUpdate | null = update;
    manager.connectPort({
      ...unusedPort,
      updateChanges: () =>
        Promise.resolve(held && { changesId: held.changesId, changes: held.changes }),
    });
    await expect(manager.handle('updateChanges', [update.changesId])).resolves.toEqual({
      ok: true,
      value: { changesId: update.changesId, changes: update.changes },
    });
    held = cachedUpdate({ changes: update.changes.slice(1) });
    await expect(manager.handle('updateChanges', [update.changesId])).resolves.toEqual({
      ok: false,
      error: {
        kind: 'invalid-input',
        message: 'The available update has changed; its package list is being read again.',
        detail: `asked for changes ${update.changesId}, the daemon's cached update has ${held.changesId}`,
      },
    });
    held = null;
    await expect(manager.handle('updateChanges', [update.changesId])).resolves.toEqual({
      ok: false,
      error: { kind: 'invalid-input', message: 'The daemon has no cached update now.' },
    });
  });

  it('refresh maps the daemon error into the closed union', async () => {
    const manager = new Manager({ kind: 'system' });
    manager.connectPort({
      ...unusedPort,
      refresh: () =>
        Promise.reject(
          new DBusCallError(
            'org.freedesktop.DBus.Error.AccessDenied',
            'rpmostreed Sysroot operation Reload not allowed for user',
            'Reload',
          ),
        ),
    });
    await expect(manager.handle('refresh', [])).resolves.toEqual({
      ok: false,
      error: {
        kind: 'not-authorized',
        message: 'rpmostreed Sysroot operation Reload not allowed for user',
        detail: 'org.freedesktop.DBus.Error.AccessDenied',
      },
    });
  });

  it('runs commands that change the system one at a time, in order; reads go straight through', async () => {
    const manager = new Manager({ kind: 'system' });
    const order: string[] = [];
    const releases: (() => void)[] = [];
    manager.connectPort({
      ...unusedPort,
      refresh: () =>
        new Promise((resolve) => {
          const n = releases.length + 1;
          order.push(`refresh-${n}-start`);
          releases.push(() => {
            order.push(`refresh-${n}-end`);
            resolve(props);
          });
        }),
    });
    const first = manager.handle('refresh', []);
    const second = manager.handle('refresh', []);
    await manager.handle('getState', []).then(() => order.push('getState'));
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual(['refresh-1-start', 'getState']);
    releases[0]!();
    await first;
    await new Promise((r) => setTimeout(r, 10));
    releases[1]!();
    await second;
    expect(order).toEqual([
      'refresh-1-start',
      'getState',
      'refresh-1-end',
      'refresh-2-start',
      'refresh-2-end',
    ]);
  });
});
