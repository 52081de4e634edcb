import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../../daemon-bridge/dbus/call.ts';
import { closeBus, connectBus } from '../../../daemon-bridge/dbus/connect-bus.ts';
import { RPM_OSTREE } from '../../../daemon-bridge/rpm-ostree/profile.ts';
import { runTransaction } from '../../../daemon-bridge/rpm-ostree/transaction/index.ts';
import { readSandboxFaults } from '../../../sandbox/faults/faults.ts';
import { publish } from '../../../sandbox/remote/publish.ts';
import { waitForState } from '../../support/runtime-probe.ts';
import { faultSuite, ostreeDeployments, recordStates, waitForTrueState } from './fault-kit.ts';

const NEW = '43.20260401.0';

/**
 * Fault: the daemon dies (SIGKILL, nothing released, no Finished) in the
 * middle of the app's Upgrade pull, with a check queued behind it.
 */
describe('fault: the daemon crashes mid-pull', () => {
  const fault = faultSuite('fault-crash', 'daemon crash mid-transaction', {
    publish: { version: NEW, padFiles: 1200 },
  });
  const { dir, requests } = fault;

  it('the activity ends, the failure is reported, the queued check runs, a retry succeeds', async () => {
    const { sandbox, runtime } = fault;
    const before = ostreeDeployments(dir.path);
    const seen = recordStates(runtime);
    // A slow mirror, so the pull reports progress before the crash point.
    sandbox.remote.setDelayMs(40);
    sandbox.setFaults({ crashInPull: 400 });
    const staging = requests.send(runtime, 'stageUpdate');
    await waitForState(
      runtime,
      'the pull running',
      (s) => s.activity?.phase === 'running' && s.activity.owner === 'this-app',
    );
    // Asked while the upgrade runs: it waits behind it in the app.
    const check = requests.send(runtime, 'checkForUpdates');

    const staged = await staging;
    // The daemon really died by the signal (null exit code), and the one-shot fault is spent.
    expect(await sandbox.daemon.exited).toBeNull();
    expect(readSandboxFaults(dir.path).crashInPull).toBeUndefined();
    expect(staged).toMatchObject({ ok: false, error: { kind: 'daemon-unavailable' } });
    const message = staged.ok ? '' : staged.error.message;
    expect(message).toMatch(/vanished mid-transaction/);
    // The panel left "working" and carries the same report.
    const failed = seen.find((s) => s.activity?.phase === 'failed');
    expect(failed?.activity).toMatchObject({ owner: 'this-app', error: message });
    expect(seen.some((s) => (s.activity?.download?.fetched ?? 0) > 0)).toBe(true);

    // The check queued behind it runs against the daemon the bus activates next.
    await expect(check).resolves.toEqual({ ok: true, value: null });
    expect(runtime.manager.snapshot.lastCheck?.outcome).toBe('update-available');

    // Nothing was deployed by the dead transaction; the app agrees with ostree.
    const recovered = await waitForTrueState(runtime, dir.path);
    expect(ostreeDeployments(dir.path)).toEqual(before);
    expect(recovered.activity?.phase).not.toBe('running');

    // Sending the same command again (the fault is spent) stages the update.
    sandbox.remote.setDelayMs(0);
    await expect(requests.send(runtime, 'stageUpdate')).resolves.toEqual({ ok: true, value: null });
    const after = await waitForTrueState(runtime, dir.path);
    const pending = after.system!.deployments.find((d) => d.id === after.system!.pendingId);
    expect(pending?.version).toBe(NEW);
    expect(after.activity?.phase).toBe('succeeded');
    expect(requests.lost).toBe(0);
    requests.faultSurvived();
  });

  it('another client’s transaction: the panel stops showing it as running and the app reconnects', async () => {
    const { sandbox, runtime } = fault;
    await publish(dir.path, { version: '43.20260411.0', padFiles: 1200 });
    const before = ostreeDeployments(dir.path);
    sandbox.remote.setDelayMs(40);
    sandbox.setFaults({ crashInPull: 400 });
    // The CLI (`rpm-ostree upgrade`) on its own connection, as in bridge-transactions.
    const cli = await connectBus(sandbox.address);
    try {
      const [address] = await callMethod(cli, {
        destination: RPM_OSTREE.busName,
        path: '/org/projectatomic/rpmostree1/fedora',
        interface: `${RPM_OSTREE.interfacePrefix}.OS`,
        member: 'Upgrade',
        signature: 'a{sv}',
        body: [{ 'initiating-command-line': new Variant('s', 'rpm-ostree upgrade') }],
      });
      const theirs = runTransaction(address as string, { profile: RPM_OSTREE, onEvent: () => {} });
      await waitForState(
        runtime,
        'their transaction shown running',
        (s) => s.activity?.owner === 'another-client' && s.activity.phase === 'running',
      );
      await expect(theirs).rejects.toThrow(/vanished mid-transaction/);
    } finally {
      closeBus(cli);
    }
    // The outcome is unknown to the app: it stops claiming anything is running.
    await waitForState(runtime, 'their activity gone', (s) => s.activity?.phase !== 'running');
    const after = await waitForTrueState(runtime, dir.path);
    expect(after.activity).toBeNull();
    expect(ostreeDeployments(dir.path)).toEqual(before);
    sandbox.remote.setDelayMs(0);
    requests.faultSurvived();
  });
});
