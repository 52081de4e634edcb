import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../daemon-bridge/contract/domain.ts';
import { getNameOwner } from '../../daemon-bridge/dbus/bus-driver.ts';
import { closeBus, connectBus } from '../../daemon-bridge/dbus/connect-bus.ts';
import { silentLogger } from '../../daemon-bridge/logger.ts';
import { RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';
import { createAppRuntime } from '../../daemon-bridge/runtime.ts';
import type { AppRuntime } from '../../daemon-bridge/runtime.ts';
import { startSandbox } from '../../sandbox/launch.ts';
import type { RunningSandbox } from '../../sandbox/launch.ts';
import { waitForState } from '../support/runtime-probe.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

/**
 * The real daemon is D-Bus activated and exits when idle; the next call
 * starts a new process with a new unique name. The sandbox bus activates its
 * daemon the same way, so here the bridge must ride through a daemon exit
 * without the state ever leaving `ready`.
 */
describe('an activatable daemon exiting (idle exit) does not reach the UI', () => {
  const dir = tempDir('activation');
  let sandbox: RunningSandbox;
  let runtime: AppRuntime;
  const seen: AppState[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ dir: dir.path, log: () => {} });
    runtime = await createAppRuntime({
      mode: { kind: 'sandbox', dir: dir.path, reason: 'requested' },
      busAddress: sandbox.address,
      log: silentLogger,
    });
    runtime.manager.subscribe((s) => seen.push(s));
  });

  afterAll(async () => {
    await runtime?.stop();
    await sandbox?.stop();
    dir.remove();
  });

  it('a new daemon is activated and the state stays ready throughout', async () => {
    const ready = await waitForState(runtime, 'ready', (s) => s.daemon.kind === 'ready');
    const probe = await connectBus(sandbox.address);
    try {
      const firstOwner = await getNameOwner(probe, RPM_OSTREE.busName);
      seen.length = 0;
      // The daemon leaves as after an idle timeout: it releases its name and exits.
      await sandbox.daemon.stop();
      const secondOwner = await waitFor('a re-activated daemon', async () => {
        const owner = await getNameOwner(probe, RPM_OSTREE.busName);
        return owner && owner !== firstOwner ? owner : undefined;
      });
      expect(secondOwner).not.toBe(firstOwner);
      await waitFor('fresh properties from the new daemon', () =>
        seen.some((s) => s.daemon.kind === 'ready' && s.system !== ready.system) ? true : undefined,
      );
      expect(seen.map((s) => s.daemon.kind).filter((k) => k !== 'ready')).toEqual([]);
      expect(runtime.manager.snapshot.system?.deployments).toEqual(ready.system?.deployments);
      await expect(runtime.handler.handle('refresh', [])).resolves.toEqual({
        ok: true,
        value: null,
      });
    } finally {
      closeBus(probe);
    }
  });
});
