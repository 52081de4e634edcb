import { describe, expect, it } from 'vitest';
import type { SystemState } from '../../../daemon-bridge/contract/domain.ts';
import { deriveRebootDiff } from '../../../renderer/store/reboot-diff/reboot-diff.ts';
import type { RebootItem } from '../../../renderer/store/reboot-diff/reboot-diff.ts';
import { deployment, kernelCommandLine, typicalSystem } from './fixtures.ts';

const booted = deployment('c', {
  version: '43.1',
  booted: true,
  requestedPackages: ['htop'],
  layeredPackages: ['htop'],
});

/** Booted `c` (htop layered), nothing pending. */
function quietSystem(overrides: Partial<SystemState> = {}): SystemState {
  return typicalSystem({
    deployments: [booted],
    bootedId: booted.id,
    pendingId: null,
    rollbackId: null,
    bootOptions: [{ deploymentId: booted.id, options: kernelCommandLine('c') }],
    ...overrides,
  });
}

/** `pending` on top of `booted`, with its own kernel command line. */
function withPending(
  changes: Parameters<typeof deployment>[1],
  pendingOptions = kernelCommandLine('a'),
): SystemState {
  const pending = deployment('a', { version: '43.1', baseChecksum: booted.checksum, ...changes });
  return quietSystem({
    deployments: [pending, booted],
    pendingId: pending.id,
    bootOptions: [
      { deploymentId: booted.id, options: kernelCommandLine('c') },
      { deploymentId: pending.id, options: pendingOptions },
    ],
  });
}

const item = (
  kind: RebootItem['kind'],
  name: string,
  rest: Partial<RebootItem> & Pick<RebootItem, 'state'>,
): RebootItem => ({
  kind,
  key: name,
  name,
  detail: null,
  requested: true,
  staged: null,
  running: true,
  ...rest,
});

const kargs = ['root=UUID=6d8e1c4a', 'rootflags=subvol=root', 'rw', 'rhgb', 'quiet'];
const keptKargs = (staged: boolean | null) =>
  kargs.map((arg) => item('karg', arg, { staged, state: 'in-effect' }));

describe('deriveRebootDiff', () => {
  it('with nothing pending, says everything requested is in effect (ostree= left out)', () => {
    expect(deriveRebootDiff(quietSystem())).toEqual({
      booted,
      pending: null,
      items: [item('package', 'htop', { state: 'in-effect' }), ...keptKargs(null)],
      kernelArgsKnown: true,
      baseChange: null,
      changeCount: 0,
      notAppliedCount: 0,
    });
  });

  it('marks a package layered in the pending deployment as pending', () => {
    const diff = deriveRebootDiff(
      withPending({ requestedPackages: ['htop', 'vim'], layeredPackages: ['htop', 'vim'] }),
    );
    expect(diff?.items.filter((i) => i.kind === 'package')).toEqual([
      item('package', 'htop', { staged: true, state: 'in-effect' }),
      item('package', 'vim', { staged: true, running: false, state: 'pending' }),
    ]);
    expect([diff?.changeCount, diff?.notAppliedCount]).toEqual([1, 0]);
  });

  it('marks a package uninstalled in the pending deployment as going away', () => {
    const diff = deriveRebootDiff(withPending({}));
    expect(diff?.items.filter((i) => i.kind === 'package')).toEqual([
      item('package', 'htop', { requested: false, staged: false, state: 'going-away' }),
    ]);
  });

  it('marks a pending base removal, with the removed NEVRA', () => {
    const firefox = {
      nevra: 'firefox-133.0-1.fc43.x86_64',
      name: 'firefox',
      epoch: 0,
      version: '133.0',
      release: '1.fc43',
      arch: 'x86_64',
    };
    const diff = deriveRebootDiff(
      withPending({
        requestedPackages: ['htop'],
        layeredPackages: ['htop'],
        requestedBaseRemovals: ['firefox'],
        baseRemovals: [firefox],
      }),
    );
    expect(diff?.items.filter((i) => i.kind === 'base-removal')).toEqual([
      item('base-removal', 'firefox', {
        detail: firefox.nevra,
        staged: true,
        running: false,
        state: 'pending',
      }),
    ]);
  });

  it('says an inactive request is requested but not applied', () => {
    const system = quietSystem({
      deployments: [{ ...booted, requestedPackages: ['htop', 'vim-enhanced'] }],
    });
    const diff = deriveRebootDiff(system);
    expect(diff?.items.filter((i) => i.state !== 'in-effect')).toEqual([
      item('package', 'vim-enhanced', { running: false, state: 'not-applied' }),
    ]);
    expect([diff?.changeCount, diff?.notAppliedCount]).toEqual([0, 1]);
  });

  it('shows a pending kernel-argument change as added and going-away arguments', () => {
    const pendingLine = kernelCommandLine('a').replace(' rhgb', '') + ' nvidia-drm.modeset=1';
    const diff = deriveRebootDiff(
      withPending({ requestedPackages: ['htop'], layeredPackages: ['htop'] }, pendingLine),
    );
    const changed = diff?.items.filter((i) => i.kind === 'karg' && i.state !== 'in-effect');
    expect(changed).toEqual([
      item('karg', 'nvidia-drm.modeset=1', { staged: true, running: false, state: 'pending' }),
      item('karg', 'rhgb', { requested: false, staged: false, state: 'going-away' }),
    ]);
    expect(diff?.changeCount).toBe(2);
  });

  it('leaves kernel arguments out while the pending line is unknown, and names a base change', () => {
    const pending = deployment('a', {
      version: '43.2',
      baseVersion: '43.2',
      checksum: 'f'.repeat(64),
    });
    const system = quietSystem({
      deployments: [{ ...pending, baseChecksum: 'e'.repeat(64) }, booted],
      pendingId: pending.id,
    });
    const diff = deriveRebootDiff(system);
    expect(diff?.kernelArgsKnown).toBe(false);
    expect(diff?.items.some((i) => i.kind === 'karg')).toBe(false);
    expect(diff?.baseChange).toEqual({ from: '43.1', to: '43.2' });
  });
});
