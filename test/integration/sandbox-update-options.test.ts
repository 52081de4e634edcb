import type { MessageBus } from 'dbus-next';
import * as dbus from 'dbus-next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DBusCallError } from '../../daemon-bridge/dbus/call.ts';
import type { RunningSandbox } from '../../sandbox/launch.ts';
import { publish } from '../../sandbox/remote/publish.ts';
import { sandboxLayout } from '../../sandbox/sysroot/layout.ts';
import { rebootSandbox } from '../../sandbox/sysroot/sandbox-reboot.ts';
import { sandboxTempDir } from '../support/sandbox-dir.ts';
import { startSandboxWithClient, stopSandboxWithClient } from '../support/sandbox-client.ts';
import { osCall, reloadOs, runSandboxTransaction, val } from '../support/sandbox-transactions.ts';
import type { Dict } from '../support/sandbox-transactions.ts';

const CODE0 = 'org.gtk.GDBus.UnmappedGError.Quark._g_2dio_2derror_2dquark.Code0';
const b = (v: boolean) => new dbus.Variant('b', v);
const id = (os: Dict, key: string) => val<string | undefined>(val<Dict>(os, key), 'id');

describe('sandbox update options: lock-finalization, reboot, clear-rollback, package-diff', () => {
  const dir = sandboxTempDir('sbx-options');
  let sandbox: RunningSandbox;
  let bus: MessageBus;
  const run = async (member: string, signature: string, body: unknown[]) => {
    const [address] = (await osCall(bus, member, signature, body)) as [string];
    return runSandboxTransaction(address);
  };

  beforeAll(async () => {
    ({ sandbox, bus } = await startSandboxWithClient(dir.path));
    await publish(dir.path, {
      version: '43.20260201.0',
      upgrade: ['mesa-dri-drivers-25.3.4-1.fc43'],
    });
  }, 60_000);
  afterAll(async () => {
    await stopSandboxWithClient({ sandbox, bus });
    await dir.remove();
  });

  it('AutomaticUpdateTrigger: bad mode is a sync error, none starts nothing', async () => {
    const bad = await osCall(bus, 'AutomaticUpdateTrigger', 'a{sv}', [
      { mode: new dbus.Variant('s', 'bogus') },
    ]).catch((e: unknown) => e as DBusCallError);
    expect(bad).toMatchObject({
      errorName: CODE0,
      text: "Invalid value for AutomaticUpdatePolicy: 'bogus'",
    });
    expect(
      await osCall(bus, 'AutomaticUpdateTrigger', 'a{sv}', [
        { mode: new dbus.Variant('s', 'none') },
      ]),
    ).toEqual([false, '']);
  });

  it('lock-finalization marks the staged deployment; the reboot discards it', async () => {
    const before = await reloadOs(bus);
    const { outcome } = await run('Upgrade', 'a{sv}', [{ 'lock-finalization': b(true) }]);
    expect(outcome).toMatchObject({ success: true });
    let os = await reloadOs(bus);
    expect(val<Dict>(os, 'DefaultDeployment')['finalization-locked']?.value).toBe(true);
    await rebootSandbox(sandboxLayout(dir.path));
    os = await reloadOs(bus);
    expect(id(os, 'BootedDeployment')).toBe(id(before, 'BootedDeployment'));
    expect(id(os, 'DefaultDeployment')).toBe(id(before, 'BootedDeployment'));
  }, 30_000);

  it('the reboot option boots the new deployment before Finished', async () => {
    const { outcome } = await run('Upgrade', 'a{sv}', [{ reboot: b(true) }]);
    expect(outcome).toMatchObject({ success: true });
    const os = await reloadOs(bus);
    const booted = val<Dict>(os, 'BootedDeployment');
    expect(val(booted, 'base-version')).toBe('43.20260201.0');
    expect(val(os, 'HasCachedUpdateRpmDiff')).toBe(false);
    expect(val(os, 'CachedUpdate')).toEqual({});
  }, 30_000);

  it('ClearRollbackTarget removes the rollback deployment', async () => {
    const { outcome } = await run('ClearRollbackTarget', 'a{sv}', [{}]);
    expect(outcome).toMatchObject({ success: true, title: 'clear-rollback' });
    expect(val(await reloadOs(bus), 'RollbackDeployment')).toEqual({});
  }, 30_000);

  it('DownloadUpdateRpmDiff caches the next update; GetCachedDeployRpmDiff finds it by version', async () => {
    await publish(dir.path, { version: '43.20260215.0', add: ['cowsay-3.8.4-1.fc43.noarch'] });
    const { outcome } = await run('DownloadUpdateRpmDiff', '', []);
    expect(outcome).toMatchObject({ success: true, title: 'package-diff' });
    const os = await reloadOs(bus);
    expect(val(val<Dict>(os, 'CachedUpdate'), 'version')).toBe('43.20260215.0');
    const [diff, details] = (await osCall(bus, 'GetCachedDeployRpmDiff', 'sas', [
      'version=43.20260215.0',
      [],
    ])) as [[string, number, Dict][], Dict];
    expect(diff.map(([n, t]) => [n, t])).toEqual([['cowsay', 0]]);
    expect(val(details, 'version')).toBe('43.20260215.0');
  }, 30_000);
});
