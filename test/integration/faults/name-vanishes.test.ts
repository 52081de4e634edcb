import type { MessageBus } from 'dbus-next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNameOwner } from '../../../daemon-bridge/dbus/bus-driver.ts';
import { closeBus, connectBus } from '../../../daemon-bridge/dbus/connect-bus.ts';
import { RPM_OSTREE } from '../../../daemon-bridge/rpm-ostree/profile.ts';
import { readSandboxFaults } from '../../../sandbox/faults/faults.ts';
import { waitFor } from '../../support/wait-for.ts';
import { faultSuite, recordStates, waitForTrueState } from './fault-kit.ts';

const NEW = '43.20260407.0';

/**
 * Fault: the daemon's bus name vanishes between two calls of the app — the
 * daemon releases it and exits on a given call, before answering it (the
 * caller gets NoReply, the idle-exit race of reference §2.2) or right after
 * (the app's next call goes to a name with no owner, which the bus activates).
 */
describe('fault: the bus name vanishes between two calls', () => {
  const fault = faultSuite('fault-vanish', 'bus name vanishes between two calls', {
    publish: { version: NEW },
  });
  const { dir, requests } = fault;
  let probe: MessageBus;
  const owner = () => getNameOwner(probe, RPM_OSTREE.busName);

  // Registered after faultSuite's hooks: connects once the sandbox runs, closes before it stops.
  beforeAll(async () => {
    probe = await connectBus(fault.sandbox.address);
  });

  afterAll(() => {
    if (probe) closeBus(probe);
  });

  it('on the transaction’s own call, unanswered: the app asks the next daemon, and it runs', async () => {
    const { sandbox, runtime } = fault;
    const first = await owner();
    const seen = recordStates(runtime);
    sandbox.setFaults({ vanishOn: { method: 'AutomaticUpdateTrigger', when: 'before-reply' } });
    await expect(requests.send(runtime, 'checkForUpdates')).resolves.toEqual({
      ok: true,
      value: null,
    });
    // The daemon really left (released its name, exit 0) and another one answered.
    expect(await sandbox.daemon.exited).toBe(0);
    expect(readSandboxFaults(dir.path).vanishOn).toBeUndefined();
    expect(await owner()).not.toBe(first);
    expect(runtime.manager.snapshot.lastCheck?.outcome).toBe('update-available');
    expect(seen.map((s) => s.daemon.kind).filter((k) => k !== 'ready')).toEqual([]);
    await waitForTrueState(runtime, dir.path);
    requests.faultSurvived();
  });

  it('between the property read and the method call: the call activates a new daemon and runs', async () => {
    const { sandbox, runtime } = fault;
    const before = await owner();
    sandbox.setFaults({ vanishOn: { method: 'GetAll', when: 'after-reply' } });
    // Refresh = Reload + GetAll: the daemon answers the read, then its name goes.
    await expect(requests.send(runtime, 'refresh')).resolves.toEqual({ ok: true, value: null });
    await waitFor('the name to leave its owner', async () =>
      (await owner()) !== before ? true : undefined,
    );
    await expect(requests.send(runtime, 'stageUpdate')).resolves.toEqual({ ok: true, value: null });
    const after = await waitForTrueState(runtime, dir.path);
    expect(after.system!.deployments.find((d) => d.id === after.system!.pendingId)?.version).toBe(
      NEW,
    );
    expect(await owner()).not.toBe(before);
    requests.faultSurvived();
  });

  it('a read left unanswered is reported as the bus says; the app reconnects and the retry works', async () => {
    const { sandbox, runtime } = fault;
    const before = await owner();
    sandbox.setFaults({ vanishOn: { method: 'Reload', when: 'before-reply' } });
    const refreshed = await requests.send(runtime, 'refresh');
    expect(refreshed).toEqual({
      ok: false,
      error: {
        kind: 'daemon-unavailable',
        message: 'Message recipient disconnected from message bus without replying',
        detail: 'org.freedesktop.DBus.Error.NoReply',
      },
    });
    // Reconnected to the daemon the bus started next, showing the truth.
    await waitFor('a new daemon', async () => {
      const now = await owner();
      return now && now !== before ? now : undefined;
    });
    await waitForTrueState(runtime, dir.path);
    await expect(requests.send(runtime, 'refresh')).resolves.toEqual({ ok: true, value: null });
    expect(requests.lost).toBe(0);
    requests.faultSurvived();
  });
});
