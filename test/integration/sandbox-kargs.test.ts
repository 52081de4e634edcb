import type { MessageBus } from 'dbus-next';
import * as dbus from 'dbus-next';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DBusCallError } from '../../daemon-bridge/dbus/call.ts';
import type { RunningSandbox } from '../../sandbox/launch.ts';
import { publish } from '../../sandbox/remote/publish.ts';
import { readBootEntries } from '../../sandbox/sysroot/boot-entries.ts';
import { sandboxLayout } from '../../sandbox/sysroot/layout.ts';
import { rebootSandbox } from '../../sandbox/sysroot/sandbox-reboot.ts';
import { sandboxTempDir } from '../support/sandbox-dir.ts';
import { startSandboxWithClient, stopSandboxWithClient } from '../support/sandbox-client.ts';
import { osCall, reloadOs, runSandboxTransaction, val } from '../support/sandbox-transactions.ts';
import type { Dict } from '../support/sandbox-transactions.ts';

const ROOT = 'root=UUID=6d8e1c4a-2f7b-4e8e-9a51-3c0f5d7b9e21';
const FAILED = 'org.projectatomic.rpmostreed.Error.Failed';
const as = (v: string[]) => new dbus.Variant('as', v);

/** The arguments without ostree's own `ostree=` (which names the deployment). */
const userArgs = (options: string) => options.split(' ').filter((a) => !a.startsWith('ostree='));

describe('sandbox kernel arguments: KernelArgs, GetDeploymentBootConfig', () => {
  const dir = sandboxTempDir('sbx-kargs');
  let sandbox: RunningSandbox;
  let bus: MessageBus;

  const bootConfig = async (index: string, pending = true) => {
    const [config] = (await osCall(bus, 'GetDeploymentBootConfig', 'sb', [index, pending])) as [
      Dict,
    ];
    return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, v.value])) as {
      readonly staged: boolean;
      readonly options: string;
      readonly [key: string]: unknown;
    };
  };
  /** What the CLI does: the origin merge deployment's options, then KernelArgs on them. */
  const kargs = async (
    change: { added?: string[]; replaced?: string[]; removed?: string[] },
    options: Dict = {},
  ) => {
    const existing = (await bootConfig('')).options;
    const [address] = (await osCall(bus, 'KernelArgs', 'sasasasa{sv}', [
      existing,
      change.added ?? [],
      change.replaced ?? [],
      change.removed ?? [],
      options,
    ])) as [string];
    const { outcome, events } = await runSandboxTransaction(address);
    const messages = events.flatMap((e) => (e.kind === 'message' ? [e.text] : []));
    return { ...outcome, messages, os: await reloadOs(bus) };
  };
  const pendingId = (os: Dict) => val<string>(val<Dict>(os, 'DefaultDeployment'), 'id');
  /** The first (default) boot entry ostree wrote: the pending deployment's. */
  const firstEntry = async () => (await readBootEntries(join(dir.path, 'sysroot')))[0]!;

  beforeAll(async () => {
    ({ sandbox, bus } = await startSandboxWithClient(dir.path));
  }, 60_000);
  afterAll(async () => {
    await stopSandboxWithClient({ sandbox, bus });
    await dir.remove();
  });

  it('GetDeploymentBootConfig reads the booted BLS entry; bad indexes get the daemon’s errors', async () => {
    const entry = await firstEntry();
    expect(await bootConfig('', false)).toEqual({
      staged: false,
      title: 'Fedora Linux 43.20260115.0 (Silverblue) (ostree:0)',
      linux: entry.linux,
      initrd: entry.initrd,
      options: entry.options,
      version: '2',
    });
    expect(userArgs(entry.options!)).toEqual([
      ROOT,
      'rootflags=subvol=root',
      'rw',
      'rhgb',
      'quiet',
    ]);
    expect(await bootConfig('1')).toMatchObject({ staged: false, version: '1' });
    const error = (index: string) =>
      osCall(bus, 'GetDeploymentBootConfig', 'sb', [index, true]).catch(
        (e: unknown) => e as DBusCallError,
      );
    expect(await error('x1')).toMatchObject({
      errorName: FAILED,
      text: 'Invalid deployment index x1, must be a number and >= 0',
    });
    expect(await error('-1')).toMatchObject({
      text: 'Invalid deployment index -1, must be a number and >= 0',
    });
    expect(await error('2')).toMatchObject({
      errorName: FAILED,
      text: 'Out of range deployment index 2, expected < 2',
    });
  });

  it('KernelArgs appends, deletes and replaces; the pending entry carries exactly the result', async () => {
    const r = await kargs({ added: ['console=tty0', 'mitigations=auto'], removed: ['rhgb'] });
    expect(r).toMatchObject({ success: true, title: 'kargs' });
    const second = await kargs(
      { replaced: ['console=tty0=ttyS0,115200', 'mitigations=off'] },
      { 'initiating-command-line': new dbus.Variant('s', 'rpm-ostree kargs --replace=…') },
    );
    expect(second).toMatchObject({ success: true, title: 'rpm-ostree kargs --replace=…' });
    const expected = [
      ROOT,
      'rootflags=subvol=root',
      'rw',
      'quiet',
      'console=ttyS0,115200',
      'mitigations=off',
    ];
    const config = await bootConfig('0');
    expect([config.staged, Object.keys(config)]).toEqual([true, ['staged', 'options']]);
    expect(userArgs(config.options)).toEqual(expected);
    const entry = await firstEntry();
    expect(entry.options).toBe(config.options);
    // ostree rewrites its own argument in place (it stays where the merge deployment had it).
    const ostreeArgs = entry.options!.split(' ').filter((a) => a.startsWith('ostree='));
    expect(ostreeArgs).toEqual([expect.stringMatching(/^ostree=\/ostree\/boot\.[01]\/fedora\//)]);
    expect(ostreeArgs[0]).not.toBe(
      (await bootConfig('', false)).options.split(' ').find((a) => a.startsWith('ostree=')),
    );
    // Same commit as the merge deployment, a new deployment beside the booted one.
    const os = second.os;
    expect(val(val<Dict>(os, 'DefaultDeployment'), 'checksum')).toBe(
      val(val<Dict>(os, 'BootedDeployment'), 'checksum'),
    );
    expect(userArgs((await bootConfig('', false)).options)).toContain('rhgb');
  }, 30_000);

  it('unchanged arguments say "No changes."; invalid changes fail with libostree’s texts', async () => {
    const before = pendingId(await reloadOs(bus));
    const same = await kargs({}, { 'append-if-missing': as(['quiet']) });
    expect(same).toMatchObject({ success: true });
    expect(same.messages).toContain('No changes.');
    expect(pendingId(same.os)).toBe(before);
    await kargs({ added: ['console=tty1'] });
    const failures: [Parameters<typeof kargs>[0], string][] = [
      [{ removed: ['nomodeset'] }, "No key 'nomodeset' found"],
      [{ removed: ['quiet=1'] }, "No karg 'quiet=1' found"],
      [{ removed: ['console'] }, "Multiple values for key 'console' found"],
      [{ removed: ['console=tty7'] }, "No karg 'console=tty7' found"],
      [{ replaced: ['console=tty2'] }, "Multiple values for key 'console' found"],
      [{ replaced: ['console=tty7=tty8'] }, "No karg 'console=tty7' found"],
      [{ replaced: ['nomodeset=1'] }, "No key 'nomodeset' found"],
    ];
    for (const [change, text] of failures)
      expect(await kargs(change), text).toMatchObject({ success: false, message: text });
    const removed = await kargs({ removed: ['console=tty1'] }, { 'delete-if-present': as(['rw']) });
    expect(userArgs((await bootConfig('0')).options)).toEqual([
      ROOT,
      'rootflags=subvol=root',
      'quiet',
      'console=ttyS0,115200',
      'mitigations=off',
    ]);
    expect(removed.success).toBe(true);
  }, 60_000);

  it('kernel arguments survive a PkgChange, and a later edit keeps the layered packages', async () => {
    const [address] = (await osCall(bus, 'PkgChange', 'a{sv}asas', [{}, ['zsh'], []])) as [string];
    expect((await runSandboxTransaction(address)).outcome).toMatchObject({ success: true });
    const layered = val<Dict>(await reloadOs(bus), 'DefaultDeployment');
    expect(val(layered, 'requested-packages')).toEqual(['htop', 'zsh']);
    expect(userArgs((await bootConfig('0')).options)).toContain('mitigations=off');

    const r = await kargs({ added: ['nvidia-drm.modeset=1'] });
    const p = val<Dict>(r.os, 'DefaultDeployment');
    expect([val(p, 'checksum'), val(p, 'requested-packages'), val(p, 'packages')]).toEqual([
      val(layered, 'checksum'),
      ['htop', 'zsh'],
      ['htop', 'zsh'],
    ]);
    expect(userArgs((await bootConfig('0')).options)).toEqual([
      ROOT,
      'rootflags=subvol=root',
      'quiet',
      'console=ttyS0,115200',
      'mitigations=off',
      'nvidia-drm.modeset=1',
    ]);
  }, 30_000);

  it('an upgrade keeps the pending arguments; after the reboot they are the booted ones', async () => {
    await publish(dir.path, { version: '43.20260201.0', upgrade: ['systemd-258.4-1.fc43'] });
    const [address] = (await osCall(bus, 'Upgrade', 'a{sv}', [{}])) as [string];
    expect((await runSandboxTransaction(address)).outcome).toMatchObject({ success: true });
    const final = ['quiet', 'mitigations=off', 'nvidia-drm.modeset=1'];
    expect(userArgs((await bootConfig('0')).options)).toEqual(expect.arrayContaining(final));
    await rebootSandbox(sandboxLayout(dir.path));
    const os = await reloadOs(bus);
    expect(val(val<Dict>(os, 'BootedDeployment'), 'base-version')).toBe('43.20260201.0');
    const booted = await bootConfig('', false);
    expect(booted.staged).toBe(false);
    expect(userArgs(booted.options)).toEqual(expect.arrayContaining(final));
    expect(readFileSync(join(dir.path, 'run/cmdline'), 'utf8')).toContain('nvidia-drm.modeset=1');
    const f = await kargs({}, { 'final-kernel-args': new dbus.Variant('s', `${ROOT} rw`) });
    expect(f.success).toBe(true);
    expect(userArgs((await bootConfig('0')).options)).toEqual([ROOT, 'rw']);
  }, 60_000);
});
