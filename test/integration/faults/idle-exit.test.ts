import type { MessageBus } from 'dbus-next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNameOwner } from '../../../daemon-bridge/dbus/bus-driver.ts';
import { closeBus, connectBus } from '../../../daemon-bridge/dbus/connect-bus.ts';
import { RPM_OSTREE } from '../../../daemon-bridge/rpm-ostree/profile.ts';
import { waitFor } from '../../support/wait-for.ts';
import { faultSuite, recordStates, waitForTrueState } from './fault-kit.ts';

const IDLE_EXIT = 2;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Fault: the daemon's idle exit (`--idle-exit 2`). A registered app keeps
 * it alive, as rpm-ostreed counts registered clients; when the daemon refuses
 * the app's RegisterClient (a user without an active session), it exits
 * under the running app every time it is idle.
 */
describe('fault: the daemon exits when idle', () => {
  const fault = faultSuite('fault-idle', 'idle exit', {
    sandbox: { idleExit: IDLE_EXIT },
    publish: { version: '43.20260408.0' },
  });
  const { dir, requests } = fault;
  let probe: MessageBus;
  const owner = () => getNameOwner(probe, RPM_OSTREE.busName);
  const someOwner = async () => (await owner()) ?? undefined;

  // Registered after faultSuite's hooks: connects once the sandbox runs, closes before it stops.
  beforeAll(async () => {
    probe = await connectBus(fault.sandbox.address);
  });

  afterAll(() => {
    if (probe) closeBus(probe);
  });

  it('the app’s registration keeps the daemon from its idle exit', async () => {
    const { sandbox } = fault;
    const first = await owner();
    const exited = await Promise.race([
      sandbox.daemon.exited.then(() => true),
      sleep(2.5 * IDLE_EXIT * 1000).then(() => false),
    ]);
    expect(exited).toBe(false);
    expect(await owner()).toBe(first);
    requests.faultSurvived();
  });

  it('registration refused: the daemon exits when idle, the app stays ready, lets it rest, and the next request wakes it', async () => {
    const { sandbox, runtime } = fault;
    const seen = recordStates(runtime);
    sandbox.setFaults({ denyRegisterClient: true });
    // A daemon restart makes the app register again, with a daemon that refuses it.
    await sandbox.daemon.stop();
    const refusing = await waitFor('a new daemon', someOwner);
    // It leaves IDLE_EXIT seconds later although the app is connected…
    await waitFor(
      'its idle exit',
      async () => ((await owner()) === null ? true : undefined),
      10_000,
    );
    // …and the app does not start it again just to watch it exit again.
    await sleep(1.5 * IDLE_EXIT * 1000);
    expect(await owner()).toBeNull();
    expect(seen.map((s) => s.daemon.kind).filter((k) => k !== 'ready')).toEqual([]);

    // A request starts it (D-Bus activation) and runs.
    await expect(requests.send(runtime, 'checkForUpdates')).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(runtime.manager.snapshot.lastCheck?.outcome).toBe('update-available');
    const woken = await owner();
    expect(woken).not.toBeNull();
    expect(woken).not.toBe(refusing);
    await waitForTrueState(runtime, dir.path);
    // Unregistered, the app does not hold it: once the transaction is closed it exits again.
    await waitFor('the next idle exit', async () => ((await owner()) === null ? true : undefined));
    requests.faultSurvived();
  });

  it('registration accepted again: the next daemon stays', async () => {
    const { sandbox, runtime } = fault;
    sandbox.setFaults({});
    await expect(requests.send(runtime, 'refresh')).resolves.toEqual({ ok: true, value: null });
    const kept = await waitFor('a daemon', someOwner);
    await sleep(2.5 * IDLE_EXIT * 1000);
    expect(await owner()).toBe(kept);
    await waitForTrueState(runtime, dir.path);
    expect(requests.lost).toBe(0);
  });
});
