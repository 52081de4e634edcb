import * as dbus from 'dbus-next';
import type { MessageBus, Variant } from 'dbus-next';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DBusCallError } from '../../daemon-bridge/dbus/call.ts';
import { subscribeSignal } from '../../daemon-bridge/dbus/signals.ts';
import { osObjectPath, RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';
import type { RunningSandbox } from '../../sandbox/launch.ts';
import { sandboxLayout } from '../../sandbox/sysroot/layout.ts';
import { ostreeAdminStatus } from '../support/ostree-status.ts';
import {
  startSandboxWithClient,
  stopSandboxWithClient,
  daemonCall,
  getAll,
  recordPropertiesChanged,
} from '../support/sandbox-client.ts';
import { sandboxTempDir } from '../support/sandbox-dir.ts';
import { waitFor } from '../support/wait-for.ts';

const SYSROOT = RPM_OSTREE.sysrootPath;
const SYSROOT_IFACE = `${RPM_OSTREE.interfacePrefix}.Sysroot`;
const OS_IFACE = `${RPM_OSTREE.interfacePrefix}.OS`;
const FEDORA = osObjectPath(RPM_OSTREE, 'fedora');
const REFSPEC = 'fedora:fedora/43/x86_64/silverblue';

type Dict = Record<string, Variant<unknown>>;

/**
 * The daemon tracks the sysroot like rpm-ostreed: external `ostree admin`
 * changes arrive as PropertiesChanged / InterfacesAdded / InterfacesRemoved.
 */
describe('sandbox daemon follows changes to the sysroot and its config', () => {
  const dir = sandboxTempDir('sbx-changes');
  const layout = sandboxLayout(dir.path);
  let sandbox: RunningSandbox;
  let bus: MessageBus;

  beforeAll(async () => {
    ({ sandbox, bus } = await startSandboxWithClient(dir.path));
  });
  afterAll(async () => {
    await stopSandboxWithClient({ sandbox, bus });
    await dir.remove();
  });

  const deployments = async () =>
    (await getAll(bus, SYSROOT, SYSROOT_IFACE)).Deployments!.value as Dict[];

  it('a pin made with `ostree admin pin` arrives as PropertiesChanged with values', async () => {
    const recorder = await recordPropertiesChanged(bus);
    try {
      execFileSync('ostree', ['admin', 'pin', `--sysroot=${layout.sysroot}`, '1']);
      const sysrootChange = await waitFor('Deployments change', () =>
        recorder.events.find((e) => e.path === SYSROOT && e.changed.Deployments),
      );
      expect(sysrootChange.iface).toBe(SYSROOT_IFACE);
      expect(sysrootChange.invalidated).toEqual([]);
      const pins = (sysrootChange.changed.Deployments!.value as Dict[]).map((d) => d.pinned!.value);
      expect(pins).toEqual([false, true]);
      expect(ostreeAdminStatus(layout.sysroot).map((e) => e.pinned)).toEqual(pins);
      const osChange = await waitFor('RollbackDeployment change', () =>
        recorder.events.find((e) => e.path === FEDORA && e.changed.RollbackDeployment),
      );
      expect(Object.keys(osChange.changed)).toEqual(['RollbackDeployment']);
      expect((osChange.changed.RollbackDeployment!.value as Dict).pinned!.value).toBe(true);

      execFileSync('ostree', ['admin', 'pin', '--unpin', `--sysroot=${layout.sysroot}`, '1']);
      await waitFor('unpinned', () =>
        recorder.events.find(
          (e) =>
            e.path === SYSROOT &&
            (e.changed.Deployments?.value as Dict[] | undefined)?.[1]?.pinned?.value === false,
        ),
      );
    } finally {
      await recorder.stop();
    }
  });

  it('Reload replies after its emissions and emits nothing when nothing changed', async () => {
    const recorder = await recordPropertiesChanged(bus);
    try {
      await daemonCall(bus, SYSROOT, SYSROOT_IFACE, 'Reload');
      expect(recorder.events).toEqual([]);
      execFileSync('ostree', ['admin', 'pin', `--sysroot=${layout.sysroot}`, '0']);
      // Reload is the barrier: the change must already be here when it returns.
      await daemonCall(bus, SYSROOT, SYSROOT_IFACE, 'Reload');
      const pinned = recorder.events.filter((e) => e.path === SYSROOT);
      expect(pinned.length).toBe(1);
      expect((pinned[0]!.changed.Deployments!.value as Dict[])[0]!.pinned!.value).toBe(true);
      execFileSync('ostree', ['admin', 'pin', '--unpin', `--sysroot=${layout.sysroot}`, '0']);
      await daemonCall(bus, SYSROOT, SYSROOT_IFACE, 'Reload');
    } finally {
      await recorder.stop();
    }
  });
  it('a second stateroot appears as an OS object (InterfacesAdded) and goes with its last deployment', async () => {
    const signals: [string, readonly unknown[]][] = [];
    const unsubscribe = await Promise.all(
      ['InterfacesAdded', 'InterfacesRemoved'].map((member) =>
        subscribeSignal(
          bus,
          { sender: RPM_OSTREE.busName, interface: 'org.freedesktop.DBus.ObjectManager', member },
          (body) => signals.push([member, body]),
        ),
      ),
    );
    const coreos = osObjectPath(RPM_OSTREE, 'fedora-coreos');
    try {
      const admin = (...args: string[]) =>
        execFileSync('ostree', ['admin', ...args, `--sysroot=${layout.sysroot}`]);
      admin('os-init', 'fedora-coreos');
      admin('deploy', '--os=fedora-coreos', '--retain', REFSPEC);
      const [, [path, ifaces]] = (await waitFor('InterfacesAdded', () =>
        signals.find(([m]) => m === 'InterfacesAdded'),
      )) as [string, [string, Record<string, Dict>]];
      expect(path).toBe(coreos);
      expect(coreos).toBe(`${RPM_OSTREE.rootPath}/fedora_coreos`);
      const os = ifaces[OS_IFACE]!;
      const all = await deployments();
      expect({
        interfaces: Object.keys(ifaces).sort(),
        Name: os.Name!.value,
        BootedDeployment: os.BootedDeployment!.value,
        DefaultDeployment: (os.DefaultDeployment!.value as Dict).id!.value,
        RollbackDeployment: os.RollbackDeployment!.value,
        order: all.map((d) => [d.osname!.value, d.booted!.value]),
      }).toEqual({
        interfaces: [OS_IFACE, `${RPM_OSTREE.interfacePrefix}.OSExperimental`],
        Name: 'fedora-coreos',
        BootedDeployment: {},
        DefaultDeployment: all[0]!.id!.value,
        RollbackDeployment: {},
        order: [
          ['fedora-coreos', false],
          ['fedora', true],
          ['fedora', false],
        ],
      });
      expect(
        await daemonCall(bus, SYSROOT, SYSROOT_IFACE, 'GetOS', 's', ['fedora-coreos']),
      ).toEqual([coreos]);
      expect(ostreeAdminStatus(layout.sysroot).map((e) => e.checksum)).toEqual(
        all.map((d) => d.checksum!.value),
      );

      admin('undeploy', '0');
      const [, removed] = await waitFor('InterfacesRemoved', () =>
        signals.find(([m]) => m === 'InterfacesRemoved'),
      );
      expect(removed).toEqual([coreos, [OS_IFACE, `${RPM_OSTREE.interfacePrefix}.OSExperimental`]]);
      await daemonCall(bus, SYSROOT, SYSROOT_IFACE, 'Reload');
      expect((await deployments()).map((d) => d.osname!.value)).toEqual(['fedora', 'fedora']);
    } finally {
      for (const stop of unsubscribe) await stop();
    }
  });
  it('ReloadConfig picks up AutomaticUpdatePolicy and rejects bad values like rpm-ostreed', async () => {
    const recorder = await recordPropertiesChanged(bus);
    const reloadConfig = () => daemonCall(bus, SYSROOT, SYSROOT_IFACE, 'ReloadConfig');
    try {
      writeFileSync(layout.daemonConfig, '[Daemon]\nAutomaticUpdatePolicy=Stage\n');
      await reloadConfig();
      expect(recorder.events.map((e) => [e.path, e.changed])).toEqual([
        [SYSROOT, { AutomaticUpdatePolicy: new dbus.Variant('s', 'stage') }],
      ]);
      writeFileSync(layout.daemonConfig, '[Daemon]\nAutomaticUpdatePolicy=sometimes\n');
      const err = (await reloadConfig().catch((e: unknown) => e)) as DBusCallError;
      expect([err.errorName, err.text]).toEqual([
        'org.gtk.GDBus.UnmappedGError.Quark._g_2dio_2derror_2dquark.Code0',
        "Handling config reload: Invalid value for AutomaticUpdatePolicy: 'sometimes'",
      ]);
    } finally {
      writeFileSync(layout.daemonConfig, '[Daemon]\n');
      await reloadConfig();
      await recorder.stop();
    }
    expect((await getAll(bus, SYSROOT, SYSROOT_IFACE)).AutomaticUpdatePolicy!.value).toBe('none');
  });
});
