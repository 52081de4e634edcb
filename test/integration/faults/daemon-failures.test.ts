import { describe, expect, it } from 'vitest';
import { FAILURE_TEXTS } from '../../../sandbox/faults/failure-texts.ts';
import { readSandboxFaults } from '../../../sandbox/faults/faults.ts';
import { faultSuite, ostreeDeployments, recordStates, waitForTrueState } from './fault-kit.ts';

const NEW = '43.20260406.0';

/**
 * Fault: transactions fail with real texts of rpm-ostreed and libostree —
 * as Finished(false, text) once running, or as the method's own error.
 */
describe('fault: the daemon’s own failures reach the app verbatim', () => {
  const fault = faultSuite(
    'fault-texts',
    'Finished(false) and method errors with the daemon’s texts',
    { publish: { version: NEW } },
  );
  const { dir, requests } = fault;

  it('Finished(false): the request and the one queued behind it report the text; a retry runs', async () => {
    const { sandbox, runtime } = fault;
    const text = FAILURE_TEXTS['min-free-space'].text;
    const before = ostreeDeployments(dir.path);
    const seen = recordStates(runtime);
    sandbox.setFaults({ failTransaction: { name: 'min-free-space', times: 2 } });
    const staging = requests.send(runtime, 'stageUpdate');
    const check = requests.send(runtime, 'checkForUpdates');
    await expect(staging).resolves.toEqual({
      ok: false,
      error: { kind: 'transaction-failed', message: text },
    });
    await expect(check).resolves.toEqual({
      ok: false,
      error: { kind: 'transaction-failed', message: text },
    });
    // Both failures reached the panel and the check record word for word.
    const failures = seen.filter((s) => s.activity?.phase === 'failed').map((s) => s.activity!);
    expect(new Set(failures.map((a) => `${a.commandLine}: ${a.error}`))).toEqual(
      new Set([`rpm-ostree upgrade: ${text}`, `rpm-ostree upgrade --check: ${text}`]),
    );
    expect(runtime.manager.snapshot.lastCheck).toMatchObject({ outcome: 'failed', message: text });
    expect(readSandboxFaults(dir.path).failTransaction).toBeUndefined();
    await waitForTrueState(runtime, dir.path);
    expect(ostreeDeployments(dir.path)).toEqual(before);

    await expect(requests.send(runtime, 'stageUpdate')).resolves.toEqual({ ok: true, value: null });
    const after = await waitForTrueState(runtime, dir.path);
    expect(after.system!.deployments.find((d) => d.id === after.system!.pendingId)?.version).toBe(
      NEW,
    );
    requests.faultSurvived();
  });

  it('rpm-ostree’s own failpoint text arrives as the Finished message', async () => {
    const { sandbox, runtime } = fault;
    const text = FAILURE_TEXTS['failpoint-execute'].text;
    sandbox.setFaults({ failTransaction: { name: 'failpoint-execute', times: 1 } });
    await expect(requests.send(runtime, 'checkForUpdates')).resolves.toEqual({
      ok: false,
      error: { kind: 'transaction-failed', message: text },
    });
    expect(runtime.manager.snapshot.activity).toMatchObject({ phase: 'failed', error: text });
    await expect(requests.send(runtime, 'checkForUpdates')).resolves.toEqual({
      ok: true,
      value: null,
    });
    requests.faultSurvived();
  });

  it('a method error (“Reboot initiated…”) is the request’s failure, with no transaction shown', async () => {
    const { sandbox, runtime } = fault;
    const text = FAILURE_TEXTS['reboot-initiated'].text;
    const activity = runtime.manager.snapshot.activity;
    sandbox.setFaults({ failTransaction: { name: 'reboot-initiated', times: 1 } });
    await expect(requests.send(runtime, 'checkForUpdates')).resolves.toEqual({
      ok: false,
      error: {
        kind: 'transaction-failed',
        message: text,
        detail: 'org.gtk.GDBus.UnmappedGError.Quark._g_2dio_2derror_2dquark.Code0',
      },
    });
    expect(runtime.manager.snapshot.activity).toBe(activity);
    expect(runtime.manager.snapshot.queued).toBeNull();
    await expect(requests.send(runtime, 'checkForUpdates')).resolves.toEqual({
      ok: true,
      value: null,
    });
    await waitForTrueState(runtime, dir.path);
    expect(requests.lost).toBe(0);
    requests.faultSurvived();
  });
});
