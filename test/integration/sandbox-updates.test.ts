import type { MessageBus } from 'dbus-next';
import * as dbus from 'dbus-next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';
import type { RunningSandbox } from '../../sandbox/launch.ts';
import { publish } from '../../sandbox/remote/publish.ts';
import type { DBusCallError } from '../../daemon-bridge/dbus/call.ts';
import { sandboxLayout } from '../../sandbox/sysroot/layout.ts';
import { rebootSandbox } from '../../sandbox/sysroot/sandbox-reboot.ts';
import {
  startSandboxWithClient,
  stopSandboxWithClient,
  getAll,
} from '../support/sandbox-client.ts';
import { waitFor } from '../support/wait-for.ts';
import { sandboxTempDir } from '../support/sandbox-dir.ts';
import {
  FEDORA,
  OS_IFACE,
  osCall,
  reloadOs,
  runSandboxTransaction,
  SYSROOT_IFACE,
  val,
} from '../support/sandbox-transactions.ts';
import type { Dict } from '../support/sandbox-transactions.ts';

const V = '43.20260201.0';
const CODE0 = 'org.gtk.GDBus.UnmappedGError.Quark._g_2dio_2derror_2dquark.Code0';

describe('sandbox updates: publish, check, upgrade', () => {
  const dir = sandboxTempDir('sbx-updates');
  let sandbox: RunningSandbox;
  let bus: MessageBus;
  let stagedId = '';
  let bootedId = '';

  beforeAll(async () => {
    ({ sandbox, bus } = await startSandboxWithClient(dir.path));
    await publish(dir.path, {
      version: V,
      upgrade: ['firefox-147.0.2-1.fc43', 'kernel-core-6.18.6-200.fc43'],
      add: ['cowsay-3.8.4-1.fc43.noarch'],
      remove: ['bootc'],
      padFiles: 400,
      advisories: ['FEDORA-2026-1a2b3c:important:firefox', 'CVE-2026-1234:critical:firefox'],
    });
  }, 60_000);
  afterAll(async () => {
    await stopSandboxWithClient({ sandbox, bus });
    await dir.remove();
  });

  it('AutomaticUpdateTrigger check fills CachedUpdate with the rpm diff and advisories', async () => {
    const [enabled, address] = (await osCall(bus, 'AutomaticUpdateTrigger', 'a{sv}', [
      { mode: new dbus.Variant('s', 'check'), 'output-to-self': new dbus.Variant('b', false) },
    ])) as [boolean, string];
    expect(enabled).toBe(true);
    expect(address).toBe(`unix:path=${dir.path}/run/transaction.sock`);
    const { outcome } = await runSandboxTransaction(address);
    expect(outcome).toMatchObject({ success: true, message: '', title: 'new-deployment' });
    const os = await reloadOs(bus);
    expect(os.HasCachedUpdateRpmDiff?.value).toBe(true);
    const cached = val<Dict>(os, 'CachedUpdate');
    expect(val(cached, 'version')).toBe(V);
    expect(val(cached, 'ref-has-new-commit')).toBe(true);
    const diff = val<Dict>(cached, 'rpm-diff');
    expect(val(diff, 'added')).toEqual([[0, 'cowsay', '3.8.4-1.fc43', 'noarch']]);
    expect(val<unknown[]>(diff, 'removed')).toEqual([[0, 'bootc', expect.any(String), 'x86_64']]);
    expect(val<unknown[][]>(diff, 'upgraded').map((u) => u[1])).toEqual(['firefox', 'kernel-core']);
    const advisories = val<unknown[][]>(cached, 'advisories');
    expect(advisories.map((a) => [a[0], a[1], a[2]])).toEqual([
      ['FEDORA-2026-1a2b3c', 1, 3],
      ['CVE-2026-1234', 1, 4],
    ]);
    const sysroot = await getAll(bus, RPM_OSTREE.sysrootPath, SYSROOT_IFACE);
    expect(sysroot.ActiveTransactionPath?.value).toBe('');
  }, 30_000);

  it('Upgrade pulls with progress and stages the new version', async () => {
    sandbox.remote.setDelayMs(40);
    const [address] = (await osCall(bus, 'Upgrade', 'a{sv}', [{}])) as [string];
    const { outcome, events } = await runSandboxTransaction(address);
    sandbox.remote.setDelayMs(0);
    expect(outcome).toMatchObject({ success: true, message: '' });
    const kinds = events.map((e) => e.kind);
    const progress = events.flatMap((e) => (e.kind === 'download-progress' ? [e] : []));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.bytesTransferred).toBeGreaterThan(0);
    expect(progress.at(-1)!.contentFetched).toBeGreaterThan(progress[0]!.contentFetched - 1);
    expect(kinds.at(-1)).toBe('finished');
    const os = await reloadOs(bus);
    const def = val<Dict>(os, 'DefaultDeployment');
    expect(val(def, 'staged')).toBe(true);
    expect(val(def, 'base-version') ?? val(def, 'version')).toBe(V);
    expect(val(def, 'requested-packages')).toEqual(['htop']);
    const deployments = val<Dict[]>(
      await getAll(bus, RPM_OSTREE.sysrootPath, SYSROOT_IFACE),
      'Deployments',
    );
    expect(deployments.map((d) => [val(d, 'staged'), val(d, 'booted')])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
    stagedId = val<string>(def, 'id');
    bootedId = val<string>(deployments[1]!, 'id');
    const cached = val<Dict>(os, 'CachedUpdate');
    expect(val(cached, 'deployment')).toBe(stagedId);
  }, 30_000);

  it('diffs deployments and the cached update in the real types', async () => {
    const [diff] = (await osCall(bus, 'GetDeploymentsRpmDiff', 'ss', [bootedId, stagedId])) as [
      [string, number, Dict][],
    ];
    const byName = Object.fromEntries(diff.map(([n, t, d]) => [n, [t, d]]));
    expect(byName.cowsay?.[0]).toBe(0);
    expect(byName.bootc?.[0]).toBe(1);
    expect(byName.firefox).toEqual([
      2,
      {
        PreviousPackage: new dbus.Variant('(sss)', ['firefox', '147.0-1.fc43', 'x86_64']),
        NewPackage: new dbus.Variant('(sss)', ['firefox', '147.0.2-1.fc43', 'x86_64']),
      },
    ]);
    const [cachedDiff, details] = (await osCall(bus, 'GetCachedUpdateRpmDiff', 's', [''])) as [
      unknown[],
      Dict,
    ];
    expect(cachedDiff.length).toBe(4);
    expect(val(details, 'version')).toBe(V);
    const err = await osCall(bus, 'GetDeploymentsRpmDiff', 'ss', ['nope', stagedId]).catch(
      (e: unknown) => e as DBusCallError,
    );
    expect(err).toMatchObject({ errorName: CODE0, text: "Deployment with id 'nope' not found" });
  });

  it('boots the new version on reboot, and the old one after Rollback + reboot', async () => {
    await rebootSandbox(sandboxLayout(dir.path));
    const booted = await waitFor('the new boot', async () => {
      const os = await getAll(bus, FEDORA, OS_IFACE);
      const b = val<Dict>(os, 'BootedDeployment');
      return val(b, 'id') === stagedId ? b : undefined;
    });
    expect(val(booted, 'staged')).toBe(false);
    const [address] = (await osCall(bus, 'Rollback', 'a{sv}', [{}])) as [string];
    const { outcome, events } = await runSandboxTransaction(address);
    expect(outcome).toMatchObject({ success: true, title: 'rollback' });
    expect(events.some((e) => e.kind === 'message' && e.text.startsWith('Moving'))).toBe(true);
    let os = await reloadOs(bus);
    expect(val(val<Dict>(os, 'DefaultDeployment'), 'id')).toBe(bootedId);
    await rebootSandbox(sandboxLayout(dir.path));
    os = await waitFor('the old boot', async () => {
      const o = await getAll(bus, FEDORA, OS_IFACE);
      return val(val<Dict>(o, 'BootedDeployment'), 'id') === bootedId ? o : undefined;
    });
    expect(val(val<Dict>(os, 'RollbackDeployment'), 'id')).toBe(stagedId);
  }, 30_000);

  it('Deploy pins a version; Cleanup removes the pending deployment', async () => {
    const [address] = (await osCall(bus, 'Deploy', 'sa{sv}', ['43.20260101.0', {}])) as [string];
    const { outcome } = await runSandboxTransaction(address);
    expect(outcome).toMatchObject({ success: true, message: '' });
    let os = await reloadOs(bus);
    const def = val<Dict>(os, 'DefaultDeployment');
    expect([val(def, 'staged'), val(def, 'base-version')]).toEqual([true, '43.20260101.0']);
    const bad = await osCall(bus, 'Cleanup', 'as', [['bogus']]).catch(
      (e: unknown) => e as DBusCallError,
    );
    expect(bad).toMatchObject({ errorName: CODE0, text: 'Invalid cleanup type: bogus' });
    const [cleanup] = (await osCall(bus, 'Cleanup', 'as', [['pending-deploy']])) as [string];
    expect((await runSandboxTransaction(cleanup)).outcome).toMatchObject({ success: true });
    os = await reloadOs(bus);
    expect(val(val<Dict>(os, 'DefaultDeployment'), 'id')).toBe(bootedId);
  }, 30_000);
});
