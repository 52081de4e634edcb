import { describe, expect, it } from 'vitest';
import {
  deriveDeploymentRows,
  roleOf,
  selectDeploymentRows,
  shortChecksum,
} from '../../../renderer/store/deployments/deployment-rows.ts';
import { checksumOf, deployment, readyState, typicalSystem } from './fixtures.ts';

describe('deriveDeploymentRows', () => {
  it('derives roles, flags, titles and layered bases in boot order', () => {
    const system = typicalSystem();
    const rows = deriveDeploymentRows(system);
    expect(rows.map(({ deployment: _, ...row }) => row)).toEqual([
      {
        id: system.pendingId,
        role: 'pending',
        pinned: false,
        staged: true,
        title: '41.20241105.0',
        shortChecksum: 'aaaaaaaaaa',
        layeredBase: { version: '41.20241105.0', shortChecksum: 'bbbbbbbbbb' },
      },
      {
        id: system.bootedId,
        role: 'booted',
        pinned: false,
        staged: false,
        title: '41.20241028.0',
        shortChecksum: 'cccccccccc',
        layeredBase: null,
      },
      {
        id: system.rollbackId,
        role: 'rollback',
        pinned: true,
        staged: false,
        title: '40.20241019.0',
        shortChecksum: 'dddddddddd',
        layeredBase: null,
      },
    ]);
  });

  it('takes roles from the ids, not from list position or the booted flag', () => {
    const first = deployment('1', { booted: true });
    const second = deployment('2');
    const third = deployment('3', { pinned: true });
    const system = typicalSystem({
      deployments: [first, second, third],
      bootedId: second.id,
      pendingId: null,
      rollbackId: first.id,
    });
    expect(deriveDeploymentRows(system).map((r) => [r.role, r.pinned])).toEqual([
      ['rollback', false],
      ['booted', false],
      ['other', true],
    ]);
  });

  it('gives every deployment the role "other" when the system is not booted into ostree', () => {
    const system = typicalSystem({
      bootedOsname: null,
      bootedId: null,
      pendingId: null,
      rollbackId: null,
    });
    expect(deriveDeploymentRows(system).map((r) => r.role)).toEqual(['other', 'other', 'other']);
  });

  it('falls back to the short checksum when a commit has no version', () => {
    const d = deployment('e', { version: null });
    expect(deriveDeploymentRows(typicalSystem({ deployments: [d] }))[0]?.title).toBe('eeeeeeeeee');
  });

  it('reports a layered base without a version', () => {
    const d = deployment('f', { baseChecksum: checksumOf('9'), baseVersion: null });
    const row = deriveDeploymentRows(typicalSystem({ deployments: [d] }))[0];
    expect(row?.layeredBase).toEqual({ version: null, shortChecksum: '9999999999' });
  });

  it('is empty without a system', () => {
    expect(deriveDeploymentRows(null)).toEqual([]);
  });
});

describe('roleOf', () => {
  it('does not match a deployment against null ids', () => {
    const d = deployment('a');
    expect(roleOf(d, { bootedId: null, pendingId: null, rollbackId: null })).toBe('other');
  });
});

describe('shortChecksum', () => {
  it('keeps the first ten characters', () => {
    expect(shortChecksum('0123456789abcdef')).toBe('0123456789');
  });
});

describe('selectDeploymentRows', () => {
  it('returns the same array while the system is the same object', () => {
    const app = readyState();
    const first = selectDeploymentRows({ app });
    expect(selectDeploymentRows({ app: { ...app } })).toBe(first);
    expect(selectDeploymentRows({ app: readyState(typicalSystem()) })).not.toBe(first);
  });
});
