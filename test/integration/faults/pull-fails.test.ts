import { describe, expect, it } from 'vitest';
import { publish } from '../../../sandbox/remote/publish.ts';
import { waitForState } from '../../support/runtime-probe.ts';
import {
  faultSuite,
  libostreePullError,
  ostreeDeployments,
  recordStates,
  waitForTrueState,
  withoutObjectPaths,
} from './fault-kit.ts';

const NEW = '43.20260402.0';

/**
 * libostree's text when the mirror answers an object with a 5xx
 * (ostree-fetcher-curl.c: "Server returned HTTP %lu" in 2022.7, later
 * prefixed "While fetching <url>: ").
 */
const HTTP_500 =
  /^(While fetching http:\/\/127\.0\.0\.1:\d+\/objects\/\S+: )?Server returned HTTP 500$/;

/**
 * Fault: the mirror fails half way through the app's pull (HTTP 500 for
 * every object after the first 300), with a check queued behind the upgrade.
 */
describe('fault: the pull fails half way', () => {
  const fault = faultSuite('fault-pull', 'pull fails half way (HTTP 500, connection reset)', {
    publish: { version: NEW, padFiles: 600 },
  });
  const { dir, requests } = fault;

  it('Finished(false) carries libostree’s text to the app; both requests are reported; a retry succeeds', async () => {
    const { sandbox, runtime } = fault;
    const before = ostreeDeployments(dir.path);
    const seen = recordStates(runtime);
    sandbox.remote.setDelayMs(40);
    sandbox.setFaults({ remoteFailAfter: { objects: 300, how: 'http-500' } });
    const staging = requests.send(runtime, 'stageUpdate');
    await waitForState(runtime, 'the pull running', (s) => s.activity?.phase === 'running');
    const check = requests.send(runtime, 'checkForUpdates');

    const staged = await staging;
    expect(staged).toMatchObject({ ok: false, error: { kind: 'transaction-failed' } });
    const message = staged.ok ? '' : staged.error.message;
    expect(message).toMatch(HTTP_500);
    // …and it is what libostree's own CLI says about this mirror now.
    expect(withoutObjectPaths(message)).toBe(
      await libostreePullError(dir.path, sandbox.remote.url, sandbox.machine.ref),
    );
    // The panel shows the daemon's Finished text verbatim and is no longer "working".
    const failed = seen.find(
      (s) => s.activity?.phase === 'failed' && s.activity.owner === 'this-app',
    );
    expect(failed?.activity?.error).toBe(message);
    expect(seen.some((s) => (s.activity?.download?.fetched ?? 0) > 0)).toBe(true);

    // The check queued behind it meets the same broken mirror and says so.
    const checked = await check;
    expect(checked).toMatchObject({ ok: false, error: { kind: 'transaction-failed' } });
    expect(checked.ok ? '' : checked.error.message).toMatch(HTTP_500);
    expect(runtime.manager.snapshot.lastCheck).toMatchObject({
      outcome: 'failed',
      message: checked.ok ? null : checked.error.message,
    });
    const broken = await waitForTrueState(runtime, dir.path);
    expect(ostreeDeployments(dir.path)).toEqual(before);
    expect(broken.activity?.phase).toBe('failed');

    // The mirror is mended: the same request again pulls the rest and stages.
    sandbox.setFaults({});
    sandbox.remote.setDelayMs(0);
    await expect(requests.send(runtime, 'stageUpdate')).resolves.toEqual({ ok: true, value: null });
    const after = await waitForTrueState(runtime, dir.path);
    const pending = after.system!.deployments.find((d) => d.id === after.system!.pendingId);
    expect(pending?.version).toBe(NEW);
    expect(requests.lost).toBe(0);
    requests.faultSurvived();
  });

  it('a mirror that drops the connection: the check reports libostree’s words, then works once mended', async () => {
    const { sandbox, runtime } = fault;
    await publish(dir.path, { version: '43.20260403.0' });
    sandbox.setFaults({ remoteFailAfter: { objects: 0, how: 'reset' } });
    const checked = await requests.send(runtime, 'checkForUpdates');
    expect(checked).toMatchObject({ ok: false, error: { kind: 'transaction-failed' } });
    const message = checked.ok ? '' : checked.error.message;
    expect(withoutObjectPaths(message)).toBe(
      await libostreePullError(dir.path, sandbox.remote.url, sandbox.machine.ref),
    );
    expect(runtime.manager.snapshot.lastCheck).toMatchObject({ outcome: 'failed', message });
    expect(runtime.manager.snapshot.activity).toMatchObject({ phase: 'failed', error: message });

    sandbox.setFaults({});
    await expect(requests.send(runtime, 'checkForUpdates')).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(runtime.manager.snapshot.lastCheck?.outcome).toBe('update-available');
    await waitForTrueState(runtime, dir.path);
    expect(requests.lost).toBe(0);
    requests.faultSurvived();
  });
});
