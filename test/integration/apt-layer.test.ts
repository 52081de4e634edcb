import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageBus } from 'dbus-next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AptLayerLink } from '../../daemon-bridge/apt-layer/apt-layer-link.ts';
import { callStart } from '../../daemon-bridge/apt-layer/calls.ts';
import { asPropertiesEvent } from '../../daemon-bridge/apt-layer/link-events.ts';
import {
  APT_LAYER_BUS_NAME,
  APT_LAYER_IDENTITY,
  APT_LAYER_INTERFACE,
  APT_LAYER_OBJECT_PATH,
} from '../../daemon-bridge/apt-layer/protocol.ts';
import type { AppState, Deployment } from '../../daemon-bridge/contract/domain.ts';
import type { DaemonPort } from '../../daemon-bridge/daemon-port.ts';
import { callMethod } from '../../daemon-bridge/dbus/call.ts';
import { closeBus, connectBus } from '../../daemon-bridge/dbus/connect-bus.ts';
import { toAppError } from '../../daemon-bridge/errors.ts';
import { silentLogger } from '../../daemon-bridge/logger.ts';
import { Manager } from '../../daemon-bridge/manager.ts';
import type { TransactionEvent } from '../../daemon-bridge/rpm-ostree/transaction/events.ts';
import { BUSY_ERROR } from '../../sandbox/apt-layer/apt-layer-api.ts';
import { APT_LAYER_SANDBOX_DAEMON } from '../../sandbox/apt-layer/launch-apt-layer.ts';
import { logindCommand } from '../../sandbox/launch.ts';
import type { SandboxDaemonProcess } from '../../sandbox/launch.ts';
import { startPrivateBus } from '../../sandbox/private-bus.ts';
import type { PrivateBus } from '../../sandbox/private-bus.ts';
import type { HttpRemote } from '../../sandbox/remote/http-remote.ts';
import { publish } from '../../sandbox/remote/publish.ts';
import { serveRemote } from '../../sandbox/remote/remote-config.ts';
import { ensureSeeded } from '../../sandbox/seed/seed-sandbox.ts';
import { bootSandbox, readBootRecord } from '../../sandbox/sysroot/boot-record.ts';
import { ostreeAdminStatus } from '../support/ostree-status.ts';
import { sandboxTempDir } from '../support/sandbox-dir.ts';
import { waitFor } from '../support/wait-for.ts';

/** The port as given, recording every transaction event the manager is handed. */
function recording(port: DaemonPort, seen: TransactionEvent[]): DaemonPort {
  return {
    refresh: () => port.refresh(),
    start: (request) => port.start(request),
    follow: (address, how, handlers) =>
      port.follow(address, how, {
        ...handlers,
        onEvent: (event) => {
          seen.push(event);
          handlers.onEvent(event);
        },
      }),
    cancel: (address) => port.cancel(address),
    updateChanges: () => port.updateChanges(),
    compare: (from, to) => port.compare(from, to),
    cachedDeployDiff: (revision) => port.cachedDeployDiff(revision),
    searchPackages: (terms) => port.searchPackages(terms),
    reboot: () => port.reboot(),
  };
}

const pending = (s: AppState): Deployment | undefined =>
  s.system?.deployments.find((d) => d.id === s.system?.pendingId);
const booted = (s: AppState): Deployment | undefined => s.system?.deployments.find((d) => d.booted);
const percents = (events: readonly TransactionEvent[]) =>
  events.flatMap((e) => (e.kind === 'percent-progress' ? [e.percentage] : []));

/**
 * apt-layer end to end: the sandbox's apt-layer daemon on a private bus over
 * a real Debian ostree sysroot, the adapter (AptLayerLink) as the real
 * manager's DaemonPort, and `ostree admin status` as the witness.
 */
describe('apt-layer — its own API, through the adapter and the manager', () => {
  const dir = sandboxTempDir('apt-layer');
  const kind = APT_LAYER_SANDBOX_DAEMON;
  const layout = kind.layout(dir.path);
  const events: TransactionEvent[] = [];
  let bus: PrivateBus;
  let remote: HttpRemote;
  let daemon: SandboxDaemonProcess;
  let conn: MessageBus;
  let other: MessageBus;
  let link: AptLayerLink;
  let manager: Manager;

  const state = () => manager.snapshot;
  const waitForState = (what: string, predicate: (s: AppState) => boolean) =>
    waitFor(what, () => (predicate(state()) ? state() : undefined));
  const ostreeOrder = () =>
    ostreeAdminStatus(layout.sysroot).map((e) => `${e.checksum}.${e.serial}`);
  const stateOrder = () => state().system!.deployments.map((d) => `${d.checksum}.${d.serial}`);
  const deployed = (d: Deployment, file: string) =>
    existsSync(
      join(layout.sysroot, 'ostree/deploy', d.osname, 'deploy', `${d.checksum}.${d.serial}`, file),
    );

  beforeAll(async () => {
    await ensureSeeded(layout, () => undefined, kind.machine);
    if (!(await readBootRecord(layout))) await bootSandbox(layout);
    remote = await serveRemote(layout, kind.machine, 0);
    bus = await startPrivateBus(layout.runDir, {
      services: [
        { name: kind.busName, exec: kind.command({ dir: layout.dir }) },
        { name: 'org.freedesktop.login1', exec: logindCommand(layout.dir) },
      ],
    });
    daemon = await kind.start({ dir: layout.dir, address: bus.address, log: () => {} });
    conn = await connectBus(bus.address);
    other = await connectBus(bus.address);
    manager = new Manager({ kind: 'sandbox', dir: layout.dir, reason: 'requested' });
    link = new AptLayerLink(
      conn,
      (event) => manager.linkEvent(asPropertiesEvent(event), APT_LAYER_IDENTITY),
      silentLogger,
    );
    manager.connectPort(recording(link, events));
    await link.open();
    await waitForState('ready', (s) => s.daemon.kind === 'ready');
  }, 120_000);

  afterAll(async () => {
    await link?.close();
    if (conn) closeBus(conn);
    if (other) closeBus(other);
    await daemon?.stop();
    await bus?.stop();
    await remote?.close();
    await dir.remove();
  });

  it('reads the deployments from Status(), as ostree sees them', () => {
    const s = state();
    expect(s.daemon).toEqual({ kind: 'ready', daemon: APT_LAYER_IDENTITY });
    expect(stateOrder()).toEqual(ostreeOrder());
    const [first, second] = s.system!.deployments;
    expect({
      sysroot: s.system!.sysrootPath,
      bootedOsname: s.system!.bootedOsname,
      booted: { version: first!.version, packages: first!.layeredPackages, id: s.system!.bootedId },
      rollback: {
        version: second!.version,
        packages: second!.layeredPackages,
        id: s.system!.rollbackId,
      },
      pending: s.system!.pendingId,
      transaction: s.system!.activeTransaction,
    }).toEqual({
      sysroot: layout.sysroot,
      bootedOsname: 'debian',
      booted: { version: '12.20260115.0', packages: ['htop'], id: first!.id },
      rollback: { version: '12.20260101.0', packages: [], id: second!.id },
      pending: null,
      transaction: null,
    });
    expect(first!.baseChecksum).not.toBe(first!.checksum);
  });

  it('installs a package through Install, with progress from TransactionProgress', async () => {
    events.length = 0;
    await expect(
      manager.handle('changePackages', [{ add: ['tmux'], remove: [] }]),
    ).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(new Set(percents(events)).size).toBeGreaterThan(1);
    expect(events.at(-1)).toEqual({ kind: 'finished', success: true, message: '' });
    expect(events).toContainEqual({ kind: 'message', text: 'Staging deployment' });
    const p = pending(state())!;
    expect({
      packages: p.layeredPackages,
      staged: p.staged,
      version: p.version,
      phase: state().activity?.phase,
      title: state().activity?.title,
      transaction: state().system!.activeTransaction,
    }).toEqual({
      packages: ['htop', 'tmux'],
      staged: true,
      version: '12.20260115.0',
      phase: 'succeeded',
      title: 'install tmux',
      transaction: null,
    });
    expect(ostreeOrder()).toEqual(stateOrder());
    expect(ostreeOrder()[0]).toBe(`${p.checksum}.${p.serial}`);
    expect(deployed(p, 'usr/bin/tmux')).toBe(true);
    expect(deployed(booted(state())!, 'usr/bin/tmux')).toBe(false);
  });

  it('one transaction at a time: a second call is refused, and the app’s request waits its turn', async () => {
    const seen: string[] = [];
    const unsubscribe = manager.subscribe((s) => {
      const line = `${s.activity?.owner}: ${s.activity?.title} ${s.activity?.phase}; queued ${s.queued?.command}`;
      if (seen.at(-1) !== line) seen.push(line);
    });
    // Another client starts an install; the app asks to uninstall meanwhile.
    const id = await callStart(other, { method: 'Install', packages: ['zsh'] });
    const refused = await callMethod(other, {
      destination: APT_LAYER_BUS_NAME,
      path: APT_LAYER_OBJECT_PATH,
      interface: APT_LAYER_INTERFACE,
      member: 'Rollback',
    }).catch((err: unknown) => err);
    const result = await manager.handle('changePackages', [{ add: [], remove: ['tmux'] }]);
    unsubscribe();
    expect(result).toEqual({ ok: true, value: null });
    expect(refused).toMatchObject({
      errorName: BUSY_ERROR,
      text: `Transaction in progress: install zsh (id ${id}). Wait for it to finish.`,
    });
    // The other client's install was shown while the app's request waited behind it.
    expect(seen).toEqual(
      expect.arrayContaining([
        'another-client: install zsh running; queued changePackages',
        'this-app: uninstall tmux succeeded; queued undefined',
      ]),
    );
    const p = pending(state())!;
    expect({ packages: p.layeredPackages, queued: state().queued }).toEqual({
      packages: ['htop', 'zsh'],
      queued: null,
    });
    expect(deployed(p, 'usr/bin/tmux')).toBe(false);
    expect(deployed(p, 'usr/bin/zsh')).toBe(true);
    expect(ostreeOrder()).toEqual(stateOrder());
  });

  it('bad arguments get InvalidArgs and start nothing', async () => {
    const call = (packages: string[]) =>
      callMethod(other, {
        destination: APT_LAYER_BUS_NAME,
        path: APT_LAYER_OBJECT_PATH,
        interface: APT_LAYER_INTERFACE,
        member: 'Install',
        signature: 'as',
        body: [packages],
      }).catch((err: unknown) => err);
    expect([await call([]), await call(['--force-all'])]).toEqual([
      expect.objectContaining({
        errorName: 'org.freedesktop.DBus.Error.InvalidArgs',
        text: 'Install needs at least one package',
      }),
      expect.objectContaining({
        errorName: 'org.freedesktop.DBus.Error.InvalidArgs',
        text: 'Not a package name: "--force-all"',
      }),
    ]);
    await expect(link.refresh()).resolves.toMatchObject({ transaction: null });
  });

  it('uninstalls through Uninstall; the daemon’s refusal comes back as a failed result', async () => {
    await expect(manager.handle('changePackages', [{ add: [], remove: ['zsh'] }])).resolves.toEqual(
      {
        ok: true,
        value: null,
      },
    );
    expect(pending(state())!.layeredPackages).toEqual(['htop']);
    const before = ostreeOrder();
    await expect(manager.handle('changePackages', [{ add: [], remove: ['zsh'] }])).resolves.toEqual(
      {
        ok: false,
        error: {
          kind: 'transaction-failed',
          message: "Package/capability 'zsh' is not currently requested",
        },
      },
    );
    expect(ostreeOrder()).toEqual(before);
  });

  it('stages an update through Upgrade after a new version is published', async () => {
    const published = await publish(layout.dir, { version: '12.20260201.0' });
    events.length = 0;
    await expect(manager.handle('stageUpdate', [])).resolves.toEqual({ ok: true, value: null });
    const p = pending(state())!;
    expect({
      version: p.version,
      base: p.baseChecksum,
      packages: p.layeredPackages,
      staged: p.staged,
    }).toEqual({
      version: '12.20260201.0',
      base: published.checksum,
      packages: ['htop'],
      staged: true,
    });
    expect(events).toContainEqual({
      kind: 'message',
      text: 'Pulling debian:debian/12/x86_64/desktop',
    });
    expect(new Set(percents(events)).size).toBeGreaterThan(1);
    expect(ostreeOrder()).toEqual(stateOrder());
    expect(ostreeAdminStatus(layout.sysroot)[0]!.version).toBe('12.20260201.0');

    events.length = 0;
    await expect(manager.handle('stageUpdate', [])).resolves.toEqual({ ok: true, value: null });
    expect(events).toContainEqual({ kind: 'message', text: 'No upgrade available.' });
  });

  it('reboots into the staged update (logind), and the next Status shows it booted', async () => {
    const staged = pending(state())!;
    await expect(manager.handle('rebootToApply', [])).resolves.toEqual({ ok: true, value: null });
    await waitForState('booted into the update', (s) => booted(s)?.checksum === staged.checksum);
    expect(state().system!.pendingId).toBeNull();
  });

  it('rolls back through Rollback: the previous deployment boots next', async () => {
    const previous = state().system!.deployments.find((d) => d.id === state().system!.rollbackId)!;
    await expect(manager.handle('rollback', [])).resolves.toEqual({ ok: true, value: null });
    const p = pending(state())!;
    expect({ checksum: p.checksum, version: p.version }).toEqual({
      checksum: previous.checksum,
      version: '12.20260115.0',
    });
    expect(ostreeOrder()).toEqual(stateOrder());
    expect(ostreeOrder()[0]).toBe(`${previous.checksum}.${previous.serial}`);
  });

  it('what apt-layer’s API lacks fails with a clear message and changes nothing', async () => {
    const before = { order: ostreeOrder(), system: state().system, activity: state().activity };
    const [a, b] = state().system!.deployments;
    const results = [
      await manager.handle('compareDeployments', [a!.id, b!.id]),
      await manager.handle('changeKernelArgs', [{ added: ['quiet'], replaced: [], removed: [] }]),
      await manager.handle('searchPackages', [['tmux']]),
      await manager.handle('checkForUpdates', []),
    ];
    for (const result of results)
      expect(result).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/not available with apt-layer/i) as unknown },
      });
    // The adapter refuses them too, whoever asks: nothing reaches the daemon.
    const refusals = await Promise.all([
      link.compare(a!.id, b!.id).catch((err: unknown) => err),
      link.searchPackages(['tmux']).catch((err: unknown) => err),
      link
        .start({ kind: 'kernel-args', added: ['quiet'], replaced: [], removed: [] })
        .catch((err: unknown) => err),
      link.cancel('apt-layer:x').catch((err: unknown) => err),
    ]);
    expect(refusals.map((err) => toAppError(err).message)).toEqual([
      'Comparing deployments package by package is not available with apt-layer: its API has no such call.',
      'Searching packages is not available with apt-layer: its API has no such call.',
      'Editing kernel arguments is not available with apt-layer: its API has no such call.',
      'Cancelling a transaction is not available with apt-layer: its API has no such call.',
    ]);
    expect(ostreeOrder()).toEqual(before.order);
    expect(state().system).toBe(before.system);
    expect(state().activity).toBe(before.activity);
  });

  it('the daemon dies mid-transaction: the outcome is unknown, and activation brings it back', async () => {
    events.length = 0;
    const installing = manager.handle('changePackages', [{ add: ['fish'], remove: [] }]);
    await waitFor('the install running', () =>
      events.some((e) => e.kind === 'percent-progress') ? true : undefined,
    );
    daemon.kill();
    const result = await installing;
    expect(result).toMatchObject({ ok: false, error: { kind: 'daemon-unavailable' } });
    expect(result.ok ? '' : result.error.message).toMatch(/outcome is unknown/);
    // The name is activatable: the next Status() starts a new apt-layer.
    await expect(manager.handle('refresh', [])).resolves.toEqual({ ok: true, value: null });
    expect(state().daemon).toEqual({ kind: 'ready', daemon: APT_LAYER_IDENTITY });
    expect(state().system!.activeTransaction).toBeNull();
    expect(stateOrder()).toEqual(ostreeOrder());
  });
});
