import * as dbus from 'dbus-next';
import type { MessageBus } from 'dbus-next';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getNameOwner, watchNameOwner } from '../../daemon-bridge/dbus/bus-driver.ts';
import { closeBus, connectBus } from '../../daemon-bridge/dbus/connect-bus.ts';
import { RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';
import { startSandboxDaemon } from '../../sandbox/launch.ts';
import type { SandboxDaemonProcess } from '../../sandbox/launch.ts';
import { startPrivateBus } from '../../sandbox/private-bus.ts';
import type { PrivateBus } from '../../sandbox/private-bus.ts';
import { ensureSeeded } from '../../sandbox/seed/seed-sandbox.ts';
import { sandboxLayout } from '../../sandbox/sysroot/layout.ts';
import { spawnGroup } from '../support/processes.ts';
import { repoRoot } from '../support/reference.ts';
import { daemonCall } from '../support/sandbox-client.ts';
import { sandboxTempDir } from '../support/sandbox-dir.ts';
import { waitFor } from '../support/wait-for.ts';

const SYSROOT_IFACE = `${RPM_OSTREE.interfacePrefix}.Sysroot`;
const register = (bus: MessageBus, id: string) =>
  daemonCall(bus, RPM_OSTREE.sysrootPath, SYSROOT_IFACE, 'RegisterClient', 'a{sv}', [
    { id: new dbus.Variant('s', id) },
  ]);
const unregister = (bus: MessageBus) =>
  daemonCall(bus, RPM_OSTREE.sysrootPath, SYSROOT_IFACE, 'UnregisterClient', 'a{sv}', [{}]);
const require = createRequire(import.meta.url);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sandbox daemon lifecycle', () => {
  const dir = sandboxTempDir('sbx-life');
  let bus: PrivateBus;
  let observer: MessageBus;
  const daemons: SandboxDaemonProcess[] = [];
  const clients: MessageBus[] = [];
  const logs: string[] = [];

  const start = async (idleExit?: number) => {
    const d = await startSandboxDaemon({
      dir: dir.path,
      address: bus.address,
      log: (l) => logs.push(l),
      ...(idleExit !== undefined ? { idleExit } : {}),
    });
    daemons.push(d);
    return d;
  };
  const client = async () => {
    const c = await connectBus(bus.address);
    clients.push(c);
    return c;
  };
  const owner = () => getNameOwner(observer, RPM_OSTREE.busName);

  beforeAll(async () => {
    await ensureSeeded(sandboxLayout(dir.path));
    bus = await startPrivateBus(join(dir.path, 'run'));
    observer = await connectBus(bus.address);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) closeBus(c);
    for (const d of daemons.splice(0)) await d.stop();
  });
  afterAll(async () => {
    if (observer) closeBus(observer);
    await bus?.stop();
    await dir.remove();
  });

  it('owns the name only when its objects are complete', async () => {
    const daemon = await start();
    expect(await owner()).toBe(daemon.uniqueName);
    const c = await client();
    const [deployments] = await daemonCall(
      c,
      RPM_OSTREE.sysrootPath,
      'org.freedesktop.DBus.Properties',
      'Get',
      'ss',
      [SYSROOT_IFACE, 'Deployments'],
    );
    expect((deployments as { value: unknown[] }).value).toHaveLength(2);
  });

  it('SIGTERM: releases the name and exits 0', async () => {
    const daemon = await start();
    const owners: (string | null)[] = [];
    const unwatch = await watchNameOwner(observer, RPM_OSTREE.busName, (o) => owners.push(o));
    await daemon.stop();
    expect(await daemon.exited).toBe(0);
    await waitFor('name released', () => (owners.includes(null) ? true : undefined));
    expect(await owner()).toBeNull();
    expect(logs.some((l) => l.includes(`SIGTERM: releasing ${RPM_OSTREE.busName}`))).toBe(true);
    await unwatch();
  });

  it('idle exit: no clients → exits after the timeout, unregistered calls do not keep it alive', async () => {
    const daemon = await start(1);
    const c = await client();
    const started = Date.now();
    let exited = false;
    void daemon.exited.then(() => (exited = true));
    // Calls without RegisterClient neither count nor reset the timer.
    while (!exited && Date.now() - started < 5000) {
      await daemonCall(c, RPM_OSTREE.sysrootPath, SYSROOT_IFACE, 'GetOS', 's', ['']).catch(
        () => null,
      );
      await sleep(200);
    }
    expect(await daemon.exited).toBe(0);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(4000);
    expect(await owner()).toBeNull();
  });

  it('idle exit: a registered client keeps it alive until it unregisters', async () => {
    const daemon = await start(1);
    const c = await client();
    await register(c, 'sandbox-test');
    await register(c, 'again'); // idempotent: still one client
    await sleep(2500);
    expect(await owner()).toBe(daemon.uniqueName);
    await unregister(c);
    expect(await daemon.exited).toBe(0);
    expect(await owner()).toBeNull();
  });

  it('idle exit: a registered client that leaves the bus is dropped', async () => {
    const daemon = await start(1);
    const c = await client();
    await register(c, 'leaver');
    await sleep(1500);
    expect(await owner()).toBe(daemon.uniqueName);
    closeBus(c);
    expect(await daemon.exited).toBe(0);
    expect(logs.some((l) => l.includes('client(id:leaver') && l.includes('vanished'))).toBe(true);
  });
});

describe('npm run sandbox (sandbox/cli.ts)', () => {
  const dir = sandboxTempDir('sbx-cli');
  afterAll(() => dir.remove());
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const cli = (...args: string[]) =>
    spawnGroup(process.execPath, ['--import', tsx, join(repoRoot, 'sandbox', 'cli.ts'), ...args], {
      cwd: repoRoot,
    });

  it('--help lists the flags', async () => {
    const run = cli('--help');
    await run.waitForLine(/--dir DIR/);
    await run.waitForLine(/--idle-exit SECONDS/);
    expect(await new Promise((r) => run.child.once('exit', r))).toBe(0);
  });

  it('prints exactly one line with the bus address, serves, and stops both on SIGTERM', async () => {
    const run = cli('--dir', dir.path);
    const stdout: string[] = [];
    run.child.stdout!.on('data', (b: Buffer) => stdout.push(b.toString()));
    const [, address] = (await run.waitForLine(
      /^DBUS_SYSTEM_BUS_ADDRESS=(.+)$/,
      120_000,
    )) as unknown as [string, string];
    expect(address).toMatch(new RegExp(`^unix:path=${join(dir.path, 'run', 'bus.sock')},guid=`));
    const c = await connectBus(address);
    try {
      expect(
        await daemonCall(c, RPM_OSTREE.sysrootPath, SYSROOT_IFACE, 'GetOS', 's', ['']),
      ).toEqual([`${RPM_OSTREE.rootPath}/fedora`]);
    } finally {
      closeBus(c);
    }
    const daemonPid = Number(
      run.stderr.map((l) => /rpm-ostreed\[sandbox (\d+)\]/.exec(l)?.[1]).find(Boolean),
    );
    expect(daemonPid).toBeGreaterThan(0);
    run.child.kill('SIGTERM');
    expect(await new Promise((r) => run.child.once('exit', r))).toBe(0);
    expect(stdout.join('').split('\n').filter(Boolean)).toEqual([
      `DBUS_SYSTEM_BUS_ADDRESS=${address}`,
    ]);
    expect(existsSync(join(dir.path, 'run', 'bus.sock'))).toBe(false);
    expect(() => process.kill(daemonPid, 0)).toThrow();
    await run.stop();
  });
});
