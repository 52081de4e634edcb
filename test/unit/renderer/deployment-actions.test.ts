import { describe, expect, it } from 'vitest';
import { deriveDeploymentActions } from '../../../renderer/store/deployments/deployment-actions.ts';
import {
  cleanupCommandLine,
  deployCommandLine,
} from '../../../daemon-bridge/contract/command-lines.ts';
import { deployment, typicalSystem, unstagedSystem } from './fixtures.ts';

describe('deriveDeploymentActions', () => {
  it('offers rollback to the rollback deployment and every cleanup element that exists', () => {
    const system = typicalSystem();
    const [pending, booted, rollback] = system.deployments;
    expect(deriveDeploymentActions(system)).toEqual({
      booted,
      rollbackTarget: rollback,
      rolledBackTo: null,
      cleanable: ['pending-deploy', 'rollback-deploy', 'repomd'],
    });
    expect(pending?.staged).toBe(true);
  });

  it('sees a pending rollback: an older, unstaged deployment boots next', () => {
    const booted = deployment('c', { booted: true, timestamp: 200 });
    const older = deployment('d', { timestamp: 100 });
    const system = unstagedSystem({
      deployments: [older, booted],
      bootedId: booted.id,
      pendingId: older.id,
      rollbackId: null,
    });
    expect(deriveDeploymentActions(system)).toEqual({
      booted,
      rollbackTarget: null,
      rolledBackTo: older,
      cleanable: ['pending-deploy', 'repomd'],
    });
  });

  it('offers only metadata cleanup without a system', () => {
    expect(deriveDeploymentActions(null).cleanable).toEqual(['repomd']);
  });
});

describe('command lines', () => {
  it('builds cleanup and deploy commands', () => {
    expect(cleanupCommandLine(['pending-deploy', 'rollback-deploy', 'repomd'])).toBe(
      'rpm-ostree cleanup -p -r -m',
    );
    expect(deployCommandLine('41.20241019.0')).toBe('rpm-ostree deploy 41.20241019.0');
  });
});
