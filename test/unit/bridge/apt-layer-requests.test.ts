import { describe, expect, it } from 'vitest';
import { aptLayerCall, NotAvailableError } from '../../../daemon-bridge/apt-layer/request-calls.ts';
import { daemonCapabilities } from '../../../daemon-bridge/contract/capabilities.ts';
import { toAppError } from '../../../daemon-bridge/errors.ts';
import type { TransactionRequest } from '../../../daemon-bridge/requests.ts';

function refusal(request: TransactionRequest): unknown {
  try {
    return aptLayerCall(request);
  } catch (err) {
    return err;
  }
}

describe('apt-layer request mapping', () => {
  it.each([
    [{ kind: 'upgrade' }, { method: 'Upgrade' }],
    [{ kind: 'rollback' }, { method: 'Rollback' }],
    [
      { kind: 'packages', add: ['tmux', 'zsh'], remove: [] },
      { method: 'Install', packages: ['tmux', 'zsh'] },
    ],
    [
      { kind: 'packages', add: [], remove: ['htop'] },
      { method: 'Uninstall', packages: ['htop'] },
    ],
  ] as const)('%j → %j', (request, call) => {
    expect(aptLayerCall(request)).toEqual(call);
  });

  it('installing and removing in one request is refused as invalid input, saying how', () => {
    expect(toAppError(refusal({ kind: 'packages', add: ['tmux'], remove: ['htop'] }))).toEqual({
      kind: 'invalid-input',
      message:
        'apt-layer installs and removes packages in separate transactions: remove first, then install.',
      detail: 'org.freedesktop.DBus.Error.InvalidArgs',
    });
    expect(toAppError(refusal({ kind: 'packages', add: [], remove: [] }))).toMatchObject({
      kind: 'invalid-input',
      message: 'No packages to install or remove.',
    });
  });

  it.each([
    [{ kind: 'check' }, 'check-updates', 'Checking for updates without staging them'],
    [{ kind: 'deploy', revision: '13.1' }, 'deploy-version', 'Deploying a chosen version'],
    [
      { kind: 'download-deploy-diff', revision: '13.1' },
      'deploy-version',
      'Deploying a chosen version',
    ],
    [{ kind: 'cleanup', elements: ['base'] }, 'cleanup', 'Cleaning up deployments'],
    [
      { kind: 'overrides', remove: ['nano'], reset: [] },
      'override-packages',
      'Removing, restoring or resetting base packages',
    ],
    [
      { kind: 'reset', layering: true, overrides: false },
      'override-packages',
      'Removing, restoring or resetting base packages',
    ],
    [
      { kind: 'kernel-args', added: ['quiet'], replaced: [], removed: [] },
      'kernel-args',
      'Editing kernel arguments',
    ],
  ] as const)('%j is not available with apt-layer (%s)', (request, capability, doing) => {
    const err = refusal(request);
    expect(err).toBeInstanceOf(NotAvailableError);
    expect((err as NotAvailableError).capability).toBe(capability);
    expect(daemonCapabilities['apt-layer']).not.toContain(capability);
    expect(toAppError(err)).toEqual({
      kind: 'invalid-input',
      message: `${doing} is not available with apt-layer: its API has no such call.`,
      detail: 'org.freedesktop.DBus.Error.NotSupported',
    });
  });

  it('what it does map to are capabilities apt-layer has', () => {
    expect(daemonCapabilities['apt-layer']).toEqual(
      expect.arrayContaining(['stage-update', 'rollback', 'layer-packages']),
    );
  });
});
