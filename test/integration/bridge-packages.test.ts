import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppState, Deployment } from '../../daemon-bridge/contract/domain.ts';
import type { AppRuntime } from '../../daemon-bridge/runtime.ts';
import { waitForState } from '../support/runtime-probe.ts';
import { startSandboxRuntime } from '../support/sandbox-runtime.ts';
import type { SandboxRuntime } from '../support/sandbox-runtime.ts';
import { tempDir } from '../support/temp-dir.ts';

const pending = (s: AppState): Deployment | undefined =>
  s.system?.deployments.find((d) => d.id === s.system?.pendingId);
const booted = (s: AppState): Deployment | undefined => s.system?.deployments.find((d) => d.booted);
const optionsOf = (s: AppState, d: Deployment | undefined): string[] =>
  (s.system?.bootOptions.find((o) => o.deploymentId === d?.id)?.options ?? '').split(' ');

/**
 * Layering, overrides and kernel arguments through the bridge, on the
 * sandbox's real transactions and ostree deployments: each change makes a
 * pending deployment the state shows, the kernel arguments are read back
 * from its boot entry, and a reboot puts them in effect.
 */
describe('packages and kernel arguments — through the bridge', () => {
  const dir = tempDir('layering');
  let env: SandboxRuntime;
  let runtime: AppRuntime;

  beforeAll(async () => {
    env = await startSandboxRuntime(dir.path);
    runtime = env.runtime;
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
    dir.remove();
  });

  it('reads the booted deployment’s kernel arguments from its boot entry', async () => {
    const state = await waitForState(runtime, 'boot options', (s) =>
      Boolean(s.system?.bootOptions.length),
    );
    expect(optionsOf(state, booted(state))).toEqual(
      expect.arrayContaining(['rhgb', 'quiet', 'rw']),
    );
    expect(optionsOf(state, booted(state)).some((a) => a.startsWith('ostree=/ostree/boot.'))).toBe(
      true,
    );
  });

  it('searches the daemon’s packages', async () => {
    const result = await runtime.handler.handle('searchPackages', [['tmux']]);
    expect(result.ok && result.value.find((p) => p.name === 'tmux')).toMatchObject({
      name: 'tmux',
      match: expect.stringMatching(/name/) as unknown,
    });
  });

  it('layers a package: a pending deployment lists it, with the booted kernel arguments', async () => {
    await expect(
      runtime.handler.handle('changePackages', [{ add: ['tmux'], remove: [] }]),
    ).resolves.toEqual({ ok: true, value: null });
    const state = await waitForState(runtime, 'pending boot options', (s) =>
      Boolean(s.system?.bootOptions.some((o) => o.deploymentId === s.system?.pendingId)),
    );
    const p = pending(state)!;
    expect({
      requested: p.requestedPackages,
      layered: p.layeredPackages,
      command: state.activity?.commandLine,
      phase: state.activity?.phase,
    }).toEqual({
      requested: ['htop', 'tmux'],
      layered: expect.arrayContaining(['htop', 'tmux']) as unknown,
      command: 'rpm-ostree install tmux',
      phase: 'succeeded',
    });
    expect(optionsOf(state, p)).toEqual(expect.arrayContaining(['rhgb', 'quiet']));
  });

  it('changes kernel arguments on top of the pending deployment, keeping its packages', async () => {
    await expect(
      runtime.handler.handle('changeKernelArgs', [
        { added: ['nvidia-drm.modeset=1'], replaced: [], removed: ['rhgb'] },
      ]),
    ).resolves.toEqual({ ok: true, value: null });
    const state = await waitForState(runtime, 'new pending kargs', (s) =>
      optionsOf(s, pending(s)).includes('nvidia-drm.modeset=1'),
    );
    const p = pending(state)!;
    expect(optionsOf(state, p)).not.toContain('rhgb');
    expect(p.requestedPackages).toContain('tmux');
    expect(state.activity?.commandLine).toBe(
      'rpm-ostree kargs --delete=rhgb --append=nvidia-drm.modeset=1',
    );
    expect(optionsOf(state, booted(state))).toContain('rhgb');
  });

  it('a package the daemon does not know fails with its message, and nothing changes', async () => {
    const before = runtime.manager.snapshot.system!.deployments.map((d) => d.id);
    const result = await runtime.handler.handle('changePackages', [
      { add: ['no-such-package'], remove: [] },
    ]);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'transaction-failed', message: 'Packages not found: no-such-package' },
    });
    expect(runtime.manager.snapshot.system!.deployments.map((d) => d.id)).toEqual(before);
  });

  it('a kernel argument that is not there fails with libostree’s message', async () => {
    const result = await runtime.handler.handle('changeKernelArgs', [
      { added: [], replaced: [], removed: ['nomodeset'] },
    ]);
    expect(result).toMatchObject({ ok: false, error: { kind: 'transaction-failed' } });
    expect(result.ok ? '' : result.error.message).toMatch(/nomodeset/);
  });

  it('removes a base package (override) and the reboot puts everything in effect', async () => {
    await expect(
      runtime.handler.handle('changeOverrides', [{ remove: ['toolbox'], reset: [] }]),
    ).resolves.toEqual({ ok: true, value: null });
    const p = pending(runtime.manager.snapshot)!;
    expect({
      requested: p.requestedBaseRemovals,
      removed: p.baseRemovals.map((r) => r.name),
    }).toEqual({ requested: ['toolbox'], removed: ['toolbox'] });
    await expect(runtime.handler.handle('rebootToApply', [])).resolves.toEqual({
      ok: true,
      value: null,
    });
    const after = await waitForState(
      runtime,
      'changes booted',
      (s) =>
        Boolean(booted(s)?.layeredPackages.includes('tmux')) &&
        optionsOf(s, booted(s)).includes('nvidia-drm.modeset=1'),
    );
    expect(booted(after)!.baseRemovals.map((r) => r.name)).toEqual(['toolbox']);
    expect(after.system!.pendingId).toBeNull();
  });

  it('resets all layering and overrides in one pending deployment', async () => {
    await expect(
      runtime.handler.handle('resetPackageChanges', [{ layering: true, overrides: true }]),
    ).resolves.toEqual({ ok: true, value: null });
    const p = pending(runtime.manager.snapshot)!;
    expect({
      requested: p.requestedPackages,
      removals: p.requestedBaseRemovals,
      command: runtime.manager.snapshot.activity?.commandLine,
    }).toEqual({
      requested: [],
      removals: [],
      command: 'rpm-ostree reset --overlays --overrides',
    });
  });
});
