import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../daemon-bridge/logger.ts';
import { createAppRuntime } from '../../daemon-bridge/runtime.ts';
import type { AppRuntime } from '../../daemon-bridge/runtime.ts';
import { startSandboxDaemon } from '../../sandbox/launch.ts';
import { startPrivateBus } from '../../sandbox/private-bus.ts';
import { ensureSeeded } from '../../sandbox/seed/seed-sandbox.ts';
import { sandboxLayout } from '../../sandbox/sysroot/layout.ts';
import { ostreeAdminStatus } from '../support/ostree-status.ts';
import { waitForState } from '../support/runtime-probe.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * The bridge against the sandbox daemon on a private dbus-daemon, over a
 * real ostree sysroot. The truth it is compared with is the ostree CLI.
 */
describe('bridge reads deployments from the sandbox daemon', () => {
  const dir = tempDir('bridge');
  const layout = sandboxLayout(dir.path);
  let bus: Awaited<ReturnType<typeof startPrivateBus>>;
  let daemon: Awaited<ReturnType<typeof startSandboxDaemon>>;
  let runtime: AppRuntime;

  beforeAll(async () => {
    await ensureSeeded(layout);
    bus = await startPrivateBus(join(dir.path, 'run'));
    daemon = await startSandboxDaemon({ dir: dir.path, address: bus.address });
    runtime = await createAppRuntime({
      mode: { kind: 'sandbox', dir: dir.path, reason: 'requested' },
      busAddress: bus.address,
      log: silentLogger,
      reconnectDelayMs: 100,
    });
  });

  afterAll(async () => {
    await runtime?.stop();
    await daemon?.stop();
    await bus?.stop();
    dir.remove();
  });

  it('equal what `ostree admin status` says about the same sysroot', async () => {
    const state = await waitForState(runtime, 'ready', (s) => s.daemon.kind === 'ready');
    const cli = ostreeAdminStatus(layout.sysroot);
    const system = state.system!;
    expect(
      system.deployments.map((d) => ({
        osname: d.osname,
        checksum: d.checksum,
        serial: d.serial,
        version: d.version,
        pinned: d.pinned,
      })),
    ).toEqual(
      cli.map((e) => ({
        osname: e.osname,
        checksum: e.checksum,
        serial: e.serial,
        version: e.version,
        pinned: e.pinned,
      })),
    );
    // The seeded demo: a newer booted deployment with a layered package over an older rollback.
    expect({
      booted: system.bootedId,
      rollback: system.rollbackId,
      pending: system.pendingId,
      layered: system.deployments[0]!.layeredPackages.length > 0,
      layeredBaseDiffers: system.deployments[0]!.baseChecksum !== system.deployments[0]!.checksum,
    }).toEqual({
      booted: system.deployments[0]!.id,
      rollback: system.deployments[1]!.id,
      pending: null,
      layered: true,
      layeredBaseDiffers: true,
    });
  });

  it('follows a pin made from outside the app (PropertiesChanged)', async () => {
    const before = runtime.manager.snapshot.system!.deployments[1]!;
    expect(before.pinned).toBe(false);
    execFileSync('ostree', ['admin', 'pin', `--sysroot=${layout.sysroot}`, '1']);
    const state = await waitForState(
      runtime,
      'pinned rollback',
      (s) => s.system?.deployments[1]?.pinned === true,
    );
    expect(state.system!.deployments[1]!.id).toBe(before.id);
    execFileSync('ostree', ['admin', 'pin', '--unpin', `--sysroot=${layout.sysroot}`, '1']);
    await waitForState(runtime, 'unpinned', (s) => s.system?.deployments[1]?.pinned === false);
  });

  it('refresh() goes through Reload and returns ok', async () => {
    await expect(runtime.handler.handle('refresh', [])).resolves.toEqual({ ok: true, value: null });
  });

  it('survives the daemon exiting and coming back, reporting it unavailable in between', async () => {
    const ready = await waitForState(runtime, 'ready', (s) => s.daemon.kind === 'ready');
    await daemon.stop();
    const away = await waitForState(runtime, 'unavailable', (s) => s.daemon.kind === 'unavailable');
    // The last known deployments stay on screen while the daemon is away.
    expect(away.system?.deployments).toEqual(ready.system?.deployments);
    await expect(runtime.handler.handle('refresh', [])).resolves.toMatchObject({
      ok: false,
      error: { kind: 'daemon-unavailable' },
    });

    daemon = await startSandboxDaemon({ dir: dir.path, address: bus.address });
    const back = await waitForState(
      runtime,
      'ready again',
      (s) => s.daemon.kind === 'ready' && s.system !== ready.system,
    );
    expect(back.system?.deployments).toEqual(ready.system?.deployments);
  });

  it('survives the daemon being killed (a crash, no ReleaseName)', async () => {
    daemon.kill();
    await waitForState(runtime, 'unavailable after crash', (s) => s.daemon.kind === 'unavailable');
    daemon = await startSandboxDaemon({ dir: dir.path, address: bus.address });
    await waitForState(runtime, 'ready after crash', (s) => s.daemon.kind === 'ready');
  });
});
