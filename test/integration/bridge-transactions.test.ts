import { Variant } from 'dbus-next';
import type { MessageBus } from 'dbus-next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callMethod } from '../../daemon-bridge/dbus/call.ts';
import { closeBus, connectBus } from '../../daemon-bridge/dbus/connect-bus.ts';
import { RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';
import { runTransaction } from '../../daemon-bridge/rpm-ostree/transaction/index.ts';
import type { AppRuntime } from '../../daemon-bridge/runtime.ts';
import type { RunningSandbox } from '../../sandbox/launch.ts';
import { publish } from '../../sandbox/remote/publish.ts';
import { waitForState } from '../support/runtime-probe.ts';
import { startSandboxRuntime } from '../support/sandbox-runtime.ts';
import type { SandboxRuntime } from '../support/sandbox-runtime.ts';
import { tempDir } from '../support/temp-dir.ts';
import { runGlibClient } from './p2p-processes.ts';

const OS_PATH = '/org/projectatomic/rpmostree1/fedora';

/** Another client on the same bus (the CLI, the automatic timer, another app). */
async function upgradeFromAnotherClient(bus: MessageBus): Promise<string> {
  const [address] = await callMethod(bus, {
    destination: RPM_OSTREE.busName,
    path: OS_PATH,
    interface: `${RPM_OSTREE.interfacePrefix}.OS`,
    member: 'Upgrade',
    signature: 'a{sv}',
    body: [{ 'initiating-command-line': new Variant('s', 'rpm-ostree upgrade') }],
  });
  return address as string;
}

describe('transactions seen from the bridge: other clients, busy daemon, cancel; GLib interop', () => {
  const dir = tempDir('txns');
  let env: SandboxRuntime;
  let sandbox: RunningSandbox;
  let runtime: AppRuntime;
  let other: MessageBus;

  beforeAll(async () => {
    env = await startSandboxRuntime(dir.path);
    ({ sandbox, runtime } = env);
    other = await connectBus(sandbox.address);
  }, 120_000);

  afterAll(async () => {
    if (other) closeBus(other);
    await env?.stop();
    dir.remove();
  });

  it('a GLib client drives the sandbox’s transaction server: Start → signals → Finished', async () => {
    await publish(dir.path, { version: '43.20260310.0', add: ['cowsay-3.8.4-1.fc43.noarch'] });
    const address = await upgradeFromAnotherClient(other);
    const report = await runGlibClient(address);
    const names = report.signals.map(([name]) => name);
    expect({
      firstStart: report.starts[0],
      lastStart: report.starts.at(-1),
      messages: names.includes('Message'),
      finished: report.signals.filter(([n]) => n === 'Finished').at(-1)?.[1],
    }).toEqual({ firstStart: true, lastStart: false, messages: true, finished: [true, ''] });
    await waitForState(runtime, 'transaction closed', (s) => s.system?.activeTransaction === null);
  });

  it('another client’s transaction is shown; our request waits for it and then runs', async () => {
    await publish(dir.path, { version: '43.20260320.0', padFiles: 1500 });
    sandbox.remote.setDelayMs(30);
    const address = await upgradeFromAnotherClient(other);
    const theirs = runTransaction(address, { profile: RPM_OSTREE, onEvent: () => {} });
    const watching = await waitForState(
      runtime,
      'their transaction shown',
      (s) => s.activity?.owner === 'another-client' && s.activity.phase === 'running',
    );
    expect(watching.activity?.title).not.toBe('');
    // InitiatingClientDescription, read from the transaction: an unregistered caller (§7.2).
    await waitForState(runtime, 'their description', (s) =>
      Boolean(s.activity?.initiator.startsWith('caller :1.')),
    );
    const ours = runtime.handler.handle('checkForUpdates', []);
    const queued = await waitForState(runtime, 'our request queued', (s) => s.queued !== null);
    expect(queued.queued).toMatchObject({
      command: 'checkForUpdates',
      commandLine: 'rpm-ostree upgrade --check',
    });
    sandbox.remote.setDelayMs(0);
    const theirOutcome = await theirs;
    expect([theirOutcome.success, theirOutcome.message]).toEqual([true, '']);
    await expect(ours).resolves.toEqual({ ok: true, value: null });
    expect(runtime.manager.snapshot.queued).toBeNull();
    expect(runtime.manager.snapshot.lastCheck?.outcome).toBeDefined();
  });

  it('Cancel stops a running pull and leaves the deployments as they were', async () => {
    await publish(dir.path, { version: '43.20260330.0', padFiles: 3000 });
    const before = runtime.manager.snapshot.system!.deployments.map((d) => d.id);
    sandbox.remote.setDelayMs(50);
    const staging = runtime.handler.handle('stageUpdate', []);
    await waitForState(
      runtime,
      'pull running',
      (s) => s.activity?.owner === 'this-app' && s.activity.phase === 'running',
    );
    await expect(runtime.handler.handle('cancelTransaction', [])).resolves.toEqual({
      ok: true,
      value: null,
    });
    const result = await staging;
    sandbox.remote.setDelayMs(0);
    expect(result).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(runtime.manager.snapshot.activity?.phase).toBe('cancelled');
    await runtime.handler.handle('refresh', []);
    expect(runtime.manager.snapshot.system!.deployments.map((d) => d.id)).toEqual(before);
  });
});
