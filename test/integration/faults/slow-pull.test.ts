import { describe, expect, it } from 'vitest';
import { faultSuite, recordStates, waitForTrueState } from './fault-kit.ts';

const NEW = '43.20260404.0';

/**
 * Fault: a slow mirror (`--slow-remote`: every HTTP answer 80 ms late), so
 * the app's upgrade pull takes seconds, with a check queued behind it.
 */
describe('fault: a slow pull', () => {
  const fault = faultSuite('fault-slow', 'slow pull', {
    sandbox: { slowRemoteMs: 80 },
    publish: { version: NEW, padFiles: 900 },
  });
  const { dir, requests } = fault;

  it('progress keeps coming while it works, then it ends as succeeded and the queued check runs', async () => {
    const { runtime } = fault;
    const seen = recordStates(runtime);
    const staging = requests.send(runtime, 'stageUpdate');
    const check = requests.send(runtime, 'checkForUpdates');
    await expect(staging).resolves.toEqual({ ok: true, value: null });

    // While running, the panel showed a download whose figures kept moving.
    const running = seen.filter((s) => s.activity?.phase === 'running' && s.activity.download);
    const fetched = [...new Set(running.map((s) => s.activity!.download!.fetched))];
    expect(fetched.length).toBeGreaterThanOrEqual(3);
    expect(fetched).toEqual([...fetched].sort((a, b) => a - b));
    const bytes = running.map((s) => s.activity!.download!.bytesTransferred);
    expect(bytes.at(-1)!).toBeGreaterThan(bytes[0]!);
    // "Working" from the first snapshot of ours to the end, never interrupted.
    const ours = seen.filter((s) => s.activity?.owner === 'this-app');
    const firstDone = ours.findIndex((s) => s.activity!.phase !== 'running');
    expect(ours.slice(0, firstDone).every((s) => s.activity!.phase === 'running')).toBe(true);
    expect(ours[firstDone]?.activity).toMatchObject({
      phase: 'succeeded',
      error: null,
      percent: null,
      download: null,
    });
    expect(ours[firstDone]!.activity!.tasks.every((t) => t.done)).toBe(true);

    // The check waited behind it and ran.
    await expect(check).resolves.toEqual({ ok: true, value: null });
    const after = await waitForTrueState(runtime, dir.path);
    const pending = after.system!.deployments.find((d) => d.id === after.system!.pendingId);
    expect(pending?.version).toBe(NEW);
    expect(after.activity?.phase).toBe('succeeded');
    expect(requests.lost).toBe(0);
    requests.faultSurvived();
  });
});
