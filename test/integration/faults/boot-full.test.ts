import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOOT_FULL_MESSAGE } from '../../../sandbox/faults/boot-space.ts';
import { faultSuite, ostreeDeployments, waitForTrueState } from './fault-kit.ts';

const NEW = '43.20260405.0';

/**
 * Fault: /boot has 64 bytes free. The update brings a new kernel, whose
 * kernel and initramfs (about 110 bytes in the demo) must be copied there;
 * a package layered on the running base reuses the kernel already in /boot.
 */
describe('fault: not enough space on /boot for the new deployment', () => {
  const fault = faultSuite('fault-boot', 'not enough space on /boot', {
    publish: { version: NEW, upgrade: ['kernel-core-6.18.6-200.fc43'] },
  });
  const { dir, requests } = fault;
  const stagedRecord = () => existsSync(join(dir.path, 'run', 'ostree', 'staged-deployment.json'));

  it('the upgrade fails with libostree’s ENOSPC text and changes nothing; once /boot has room it stages', async () => {
    const { sandbox, runtime } = fault;
    const before = ostreeDeployments(dir.path);
    sandbox.setFaults({ bootFreeBytes: 64 });
    const staging = requests.send(runtime, 'stageUpdate');
    const check = requests.send(runtime, 'checkForUpdates');

    const staged = await staging;
    expect(staged).toEqual({
      ok: false,
      error: { kind: 'transaction-failed', message: BOOT_FULL_MESSAGE },
    });
    // The daemon's Finished text, verbatim, is what the panel shows.
    expect(runtime.manager.snapshot.activity).toMatchObject({
      phase: 'failed',
      error: BOOT_FULL_MESSAGE,
    });
    // The check asked meanwhile needs no room in /boot: it ran.
    await expect(check).resolves.toEqual({ ok: true, value: null });
    expect(runtime.manager.snapshot.lastCheck?.outcome).toBe('update-available');
    await waitForTrueState(runtime, dir.path);
    expect(ostreeDeployments(dir.path)).toEqual(before);
    expect(stagedRecord()).toBe(false);

    // Layering a package keeps the running kernel, which is in /boot already.
    await expect(
      requests.send(runtime, 'changePackages', { add: ['cowsay'], remove: [] }),
    ).resolves.toEqual({ ok: true, value: null });
    const layered = await waitForTrueState(runtime, dir.path);
    expect(layered.system!.pendingId).not.toBeNull();

    // Room made on /boot: the same upgrade again stages the new kernel.
    sandbox.setFaults({});
    await expect(requests.send(runtime, 'stageUpdate')).resolves.toEqual({ ok: true, value: null });
    const after = await waitForTrueState(runtime, dir.path);
    const pending = after.system!.deployments.find((d) => d.id === after.system!.pendingId);
    expect(pending?.baseVersion).toBe(NEW);
    expect(pending?.requestedPackages).toContain('cowsay');
    expect(stagedRecord()).toBe(true);
    expect(requests.lost).toBe(0);
    requests.faultSurvived();
  });
});
