import { describe, expect, it } from 'vitest';
import { LOCK_RETRIES } from '../../../daemon-bridge/transactions.ts';
import { FAILURE_TEXTS } from '../../../sandbox/faults/failure-texts.ts';
import { faultSuite, recordStates, waitForTrueState } from './fault-kit.ts';

const BUSY = 'org.gtk.GDBus.UnmappedGError.Quark._g_2dio_2derror_2dquark.Code26';

/**
 * Fault: "System transaction in progress" — rpm-ostreed's BUSY when another
 * process holds the sysroot lock. Unlike "Transaction in progress" there is
 * no ActiveTransaction whose end the app could wait for.
 */
describe('fault: the sysroot lock is held by another process', () => {
  const fault = faultSuite('fault-lock', 'System transaction in progress (sysroot locked)');
  const { dir, requests } = fault;

  it('a short hold: the request is shown waiting, then runs', async () => {
    const { sandbox, runtime } = fault;
    const seen = recordStates(runtime);
    sandbox.setFaults({ failTransaction: { name: 'sysroot-locked', times: 2 } });
    await expect(requests.send(runtime, 'checkForUpdates')).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(seen.some((s) => s.queued?.command === 'checkForUpdates')).toBe(true);
    expect(runtime.manager.snapshot.queued).toBeNull();
    await waitForTrueState(runtime, dir.path);
    requests.faultSurvived();
  });

  it('a hold that outlasts the app’s patience: reported with the daemon’s text, and it can be retried', async () => {
    const { sandbox, runtime } = fault;
    sandbox.setFaults({ failTransaction: { name: 'sysroot-locked', times: LOCK_RETRIES + 5 } });
    await expect(requests.send(runtime, 'checkForUpdates')).resolves.toEqual({
      ok: false,
      error: {
        kind: 'daemon-busy',
        message: FAILURE_TEXTS['sysroot-locked'].text,
        detail: BUSY,
      },
    });
    expect(runtime.manager.snapshot.queued).toBeNull();
    expect(runtime.manager.snapshot.lastCheck).toMatchObject({
      outcome: 'failed',
      message: FAILURE_TEXTS['sysroot-locked'].text,
    });
    // The lock is released: the same request runs.
    sandbox.setFaults({});
    await expect(requests.send(runtime, 'checkForUpdates')).resolves.toEqual({
      ok: true,
      value: null,
    });
    await waitForTrueState(runtime, dir.path);
    expect(requests.lost).toBe(0);
    requests.faultSurvived();
  });
});
