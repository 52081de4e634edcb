import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../daemon-bridge/contract/domain.ts';
import type { AppRuntime } from '../../daemon-bridge/runtime.ts';
import type { RunningSandbox } from '../../sandbox/launch.ts';
import { publish } from '../../sandbox/remote/publish.ts';
import { waitForState } from '../support/runtime-probe.ts';
import { startSandboxRuntime } from '../support/sandbox-runtime.ts';
import type { SandboxRuntime } from '../support/sandbox-runtime.ts';
import { tempDir } from '../support/temp-dir.ts';
import { updateRows } from '../support/update-rows.ts';

const NEW = '43.20260301.0';
const booted = (s: AppState) => s.system?.deployments.find((d) => d.booted);

/**
 * The update flow of the issue through the bridge, on the sandbox's real
 * pulls and transactions: publish → check → the cached update carries the
 * diff and advisories → stage (with progress) → reboot → new booted →
 * rollback → reboot → old booted.
 */
describe('check, stage, reboot, roll back — through the bridge', () => {
  const dir = tempDir('flow');
  let env: SandboxRuntime;
  let sandbox: RunningSandbox;
  let runtime: AppRuntime;
  const seen: AppState[] = [];
  let oldVersion: string;

  beforeAll(async () => {
    env = await startSandboxRuntime(dir.path);
    ({ sandbox, runtime } = env);
    runtime.manager.subscribe((s) => seen.push(s));
    oldVersion = booted(env.ready)!.version!;
    await publish(dir.path, {
      version: NEW,
      upgrade: ['kernel-core-6.18.6-200.fc43'],
      add: ['cowsay-3.8.4-1.fc43.noarch'],
      remove: ['bootc'],
      padFiles: 300,
      advisories: ['FEDORA-2026-0301:critical:kernel-core', 'FEDORA-2026-0302:low:cowsay'],
    });
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
    dir.remove();
  });

  it('Check finds the update with its package diff and advisories, most severe first', async () => {
    await expect(runtime.handler.handle('checkForUpdates', [])).resolves.toEqual({
      ok: true,
      value: null,
    });
    const state = runtime.manager.snapshot;
    expect(state.lastCheck?.outcome).toBe('update-available');
    expect(state.activity?.title).toBe('upgrade (check only)');
    const update = state.system!.cachedUpdate!;
    const changes = await updateRows(runtime.handler, state);
    expect({
      version: update.version,
      newBase: update.newBaseCommit,
      kernel: changes.find((c) => c.name === 'kernel-core')?.kind,
      cowsay: changes.find((c) => c.name === 'cowsay')?.kind,
      bootc: changes.find((c) => c.name === 'bootc')?.kind,
      advisories: update.advisories.map((a) => [a.id, a.severity]),
    }).toEqual({
      version: NEW,
      newBase: true,
      kernel: 'upgraded',
      cowsay: 'added',
      bootc: 'removed',
      advisories: [
        ['FEDORA-2026-0301', 'critical'],
        ['FEDORA-2026-0302', 'low'],
      ],
    });
  });

  it('the state carries no package rows; they come by changesId, and rows the daemon no longer has are refused', async () => {
    const state = runtime.manager.snapshot;
    const update = state.system!.cachedUpdate!;
    expect(update).not.toHaveProperty('changes');
    expect(update.changeCount).toBeGreaterThan(0);
    const stale = update.changesId.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const refused = await runtime.handler.handle('updateChanges', [stale]);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid-input',
        message: 'The available update has changed; its package list is being read again.',
      },
    });
    expect(await updateRows(runtime.handler, state)).toHaveLength(update.changeCount);
  });

  it('Download and stage shows phases and download progress, then a staged pending deployment', async () => {
    seen.length = 0;
    // A slow mirror, so the pull lasts long enough for ostree's progress reports (about 1/s).
    sandbox.remote.setDelayMs(40);
    await expect(runtime.handler.handle('stageUpdate', [])).resolves.toEqual({
      ok: true,
      value: null,
    });
    sandbox.remote.setDelayMs(0);
    const running = seen.filter((s) => s.activity?.phase === 'running');
    expect(running.some((s) => (s.activity?.download?.bytesTransferred ?? 0) > 0)).toBe(true);
    expect(running.some((s) => (s.activity?.tasks.length ?? 0) > 0)).toBe(true);
    const { activity, system } = runtime.manager.snapshot;
    expect(activity).toMatchObject({
      owner: 'this-app',
      phase: 'succeeded',
      commandLine: 'rpm-ostree upgrade',
      error: null,
    });
    // The title the daemon sets once the transaction executes (reference §7.5).
    expect(activity!.title).toBe('upgrade');
    const pending = system!.deployments.find((d) => d.id === system!.pendingId);
    expect({
      version: pending?.version,
      staged: pending?.staged,
      booted: booted(runtime.manager.snapshot)?.version,
    }).toEqual({
      version: NEW,
      staged: true,
      booted: oldVersion,
    });
  });

  it('Reboot to apply (logind on the sandbox bus) boots the new version', async () => {
    await expect(runtime.handler.handle('rebootToApply', [])).resolves.toEqual({
      ok: true,
      value: null,
    });
    const after = await waitForState(
      runtime,
      'new version booted',
      (s) => booted(s)?.version === NEW,
    );
    expect(after.system!.deployments.find((d) => d.id === after.system!.rollbackId)?.version).toBe(
      oldVersion,
    );
  });

  it('Compare shows what going back would change; Rollback + reboot brings the old version back', async () => {
    const s = runtime.manager.snapshot.system!;
    const diff = await runtime.handler.handle('compareDeployments', [s.bootedId!, s.rollbackId!]);
    expect(diff.ok && diff.value.find((c) => c.name === 'cowsay')?.kind).toBe('removed');
    await expect(runtime.handler.handle('rollback', [])).resolves.toEqual({
      ok: true,
      value: null,
    });
    const rolled = runtime.manager.snapshot.system!;
    expect(rolled.deployments.find((d) => d.id === rolled.pendingId)?.version).toBe(oldVersion);
    // Undo before rebooting: Rollback again puts the booted deployment back on top.
    await expect(runtime.handler.handle('rollback', [])).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(runtime.manager.snapshot.system!.pendingId).toBeNull();
    await expect(runtime.handler.handle('rollback', [])).resolves.toEqual({
      ok: true,
      value: null,
    });
    await expect(runtime.handler.handle('rebootToApply', [])).resolves.toEqual({
      ok: true,
      value: null,
    });
    await waitForState(runtime, 'old version booted', (s) => booted(s)?.version === oldVersion);
  });

  it('Deploy a specific version after previewing its diff; Clean up removes the pending deployment', async () => {
    const preview = await runtime.handler.handle('previewDeploy', [NEW]);
    expect(
      preview.ok && {
        version: preview.value.version,
        cowsay: preview.value.changes.find((c) => c.name === 'cowsay')?.kind,
      },
    ).toEqual({
      version: NEW,
      cowsay: 'added',
    });
    await expect(runtime.handler.handle('deployRevision', [NEW])).resolves.toEqual({
      ok: true,
      value: null,
    });
    const deployed = runtime.manager.snapshot.system!;
    expect(deployed.deployments.find((d) => d.id === deployed.pendingId)?.version).toBe(NEW);
    expect(runtime.manager.snapshot.activity?.commandLine).toBe(`rpm-ostree deploy ${NEW}`);
    await expect(runtime.handler.handle('cleanup', [['pending-deploy']])).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(runtime.manager.snapshot.system!.pendingId).toBeNull();
  });

  it('a version that does not exist fails with the daemon’s message, and nothing changes', async () => {
    const before = runtime.manager.snapshot.system!.deployments.map((d) => d.id);
    const result = await runtime.handler.handle('deployRevision', ['99.0']);
    expect(result).toMatchObject({ ok: false, error: { kind: 'transaction-failed' } });
    expect(result.ok ? '' : result.error.message).toMatch(/99\.0/);
    expect(runtime.manager.snapshot.activity?.phase).toBe('failed');
    expect(runtime.manager.snapshot.system!.deployments.map((d) => d.id)).toEqual(before);
  });
});
