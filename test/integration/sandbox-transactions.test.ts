import type { MessageBus } from 'dbus-next';
import * as dbus from 'dbus-next';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DBusCallError } from '../../daemon-bridge/dbus/call.ts';
import { closeBus, connectBus } from '../../daemon-bridge/dbus/connect-bus.ts';
import { closePeer, connectPeer } from '../../daemon-bridge/dbus/p2p/index.ts';
import { RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';
import { startSandbox } from '../../sandbox/launch.ts';
import type { RunningSandbox } from '../../sandbox/launch.ts';
import { publish } from '../../sandbox/remote/publish.ts';
import { sandboxLayout } from '../../sandbox/sysroot/layout.ts';
import { resolveRev } from '../../sandbox/sysroot/repo-refs.ts';
import { parseIntrospection } from '../support/introspection-xml.ts';
import { referenceDir } from '../support/reference.ts';
import { getAll } from '../support/sandbox-client.ts';
import { sandboxTempDir } from '../support/sandbox-dir.ts';
import {
  osCall,
  reloadOs,
  runSandboxTransaction,
  SYSROOT_IFACE,
  val,
} from '../support/sandbox-transactions.ts';
import type { Dict } from '../support/sandbox-transactions.ts';
import { waitFor } from '../support/wait-for.ts';

const BUSY = 'org.gtk.GDBus.UnmappedGError.Quark._g_2dio_2derror_2dquark.Code26';
const GLIB_INTROSPECT = `
import sys
from gi.repository import Gio, GLib
c = Gio.DBusConnection.new_for_address_sync(
    sys.argv[1], Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT, None, None)
r = c.call_sync(None, '/', 'org.freedesktop.DBus.Introspectable', 'Introspect', None,
    GLib.VariantType('(s)'), Gio.DBusCallFlags.NONE, 5000, None)
print(r.unpack()[0])
`;
const activePath = async (bus: MessageBus) =>
  (await getAll(bus, RPM_OSTREE.sysrootPath, SYSROOT_IFACE)).ActiveTransactionPath?.value;

const idle = (bus: MessageBus, timeoutMs = 20_000) =>
  waitFor(
    'no active transaction',
    async () => ((await activePath(bus)) === '' ? true : undefined),
    timeoutMs,
  );

describe('sandbox transactions: busy, join, cancel, lifetime', () => {
  const dir = sandboxTempDir('sbx-txn');
  const layout = sandboxLayout(dir.path);
  let sandbox: RunningSandbox;
  let bus: MessageBus;

  beforeAll(async () => {
    sandbox = await startSandbox({ dir: dir.path, log: () => undefined, transactionLinger: 1 });
    bus = await connectBus(sandbox.address);
    await publish(dir.path, { version: '43.20260201.0', padFiles: 600 });
    sandbox.remote.setDelayMs(60);
  }, 60_000);
  afterAll(async () => {
    if (bus) closeBus(bus);
    await sandbox?.stop();
    await dir.remove();
  });

  it('refuses a different call while one runs, joins an identical one, cancels the pull', async () => {
    const refBefore = await resolveRev(layout.repo, 'fedora:fedora/43/x86_64/silverblue');
    const before = val<Dict[]>(
      await getAll(bus, RPM_OSTREE.sysrootPath, SYSROOT_IFACE),
      'Deployments',
    ).length;
    const [address] = (await osCall(bus, 'Upgrade', 'a{sv}', [{}])) as [string];
    const sysroot = await getAll(bus, RPM_OSTREE.sysrootPath, SYSROOT_IFACE);
    expect(sysroot.ActiveTransactionPath?.value).toBe(address);
    expect(val<string[]>(sysroot, 'ActiveTransaction')[0]).toBe('Upgrade');

    const abort = new AbortController();
    const run = runSandboxTransaction(address, {
      signal: abort.signal,
      onEvent: (e) => {
        if (e.kind === 'download-progress') abort.abort();
      },
    });
    const busy = await osCall(bus, 'Upgrade', 'a{sv}', [
      { 'download-only': new dbus.Variant('b', true) },
    ]).catch((e: unknown) => e as DBusCallError);
    expect(busy).toMatchObject({ errorName: BUSY });
    expect((busy as DBusCallError).text).toMatch(
      /^Transaction in progress: (new-deployment|upgrade)\n You can cancel the current transaction with `rpm-ostree cancel`$/,
    );
    const [joined] = (await osCall(bus, 'Upgrade', 'a{sv}', [{}])) as [string];
    expect(joined).toBe(address);

    const { outcome, events } = await run;
    expect(events.some((e) => e.kind === 'download-progress')).toBe(true);
    expect(outcome).toMatchObject({ success: false, cancelRequested: true });
    expect(outcome.message).toBe('Operation was cancelled');
    const after = val<Dict[]>(
      await getAll(bus, RPM_OSTREE.sysrootPath, SYSROOT_IFACE),
      'Deployments',
    );
    expect(after.length).toBe(before);
    expect(after.some((d) => d.staged?.value === true)).toBe(false);
    expect(await resolveRev(layout.repo, 'fedora:fedora/43/x86_64/silverblue')).toBe(refBefore);
    await idle(bus);
  }, 30_000);

  it('re-emits Finished to a late starter and closes after the linger time', async () => {
    sandbox.remote.setDelayMs(0);
    const [address] = (await osCall(bus, 'Upgrade', 'a{sv}', [
      { 'download-only': new dbus.Variant('b', true) },
    ])) as [string];
    const peer = await connectPeer(address);
    const first = await runSandboxTransaction(address);
    expect(first.outcome).toMatchObject({ success: true, started: true });
    expect(first.events.some((e) => e.kind === 'message' && e.text === 'Update downloaded.')).toBe(
      true,
    );
    // Still open: a peer stays connected. An identical call joins the finished one.
    const [again] = (await osCall(bus, 'Upgrade', 'a{sv}', [
      { 'download-only': new dbus.Variant('b', true) },
    ])) as [string];
    expect(again).toBe(address);
    const late = await runSandboxTransaction(address);
    expect(late.outcome).toMatchObject({ success: true, started: false });
    await idle(bus, 5000);
    expect(peer.isClosed).toBe(true);
    closePeer(peer);
  }, 30_000);

  it('discards an unstarted transaction when its initiator leaves the bus', async () => {
    const other = await connectBus(sandbox.address);
    const [address] = (await osCall(other, 'Cleanup', 'as', [['base']])) as [string];
    expect(await activePath(bus)).toBe(address);
    // The Transaction interface as GLib sees it on the peer socket (the gdbus
    // tool cannot: it always says Hello, which a peer server refuses).
    const xml = execFileSync('/usr/bin/python3', ['-c', GLIB_INTROSPECT, address], {
      encoding: 'utf8',
    });
    const name = `${RPM_OSTREE.interfacePrefix}.Transaction`;
    const served = parseIntrospection(xml)[name];
    const reference = parseIntrospection(
      readFileSync(join(referenceDir(), 'org.projectatomic.rpmostree1.xml'), 'utf8'),
    )[name];
    expect(served).toEqual(reference);
    closeBus(other);
    await idle(bus, 5000);
    const os = await reloadOs(bus);
    expect(val<Dict>(os, 'DefaultDeployment').staged?.value).toBe(false);
  }, 30_000);
});
