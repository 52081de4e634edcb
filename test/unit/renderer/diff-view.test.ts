import { describe, expect, it } from 'vitest';
import type { PackageChangeKind } from '../../../daemon-bridge/contract/updates.ts';
import {
  countKinds,
  deriveDiffView,
  sortAdvisories,
} from '../../../renderer/store/diff/diff-view.ts';
import { advisory, packageChanges } from './update-fixtures.ts';

const changes = packageChanges(10_000);
const none = new Set<PackageChangeKind>();

describe('deriveDiffView', () => {
  it('shows everything without a filter', () => {
    const view = deriveDiffView(changes, '', none);
    expect(view.rows).toBe(changes);
    expect(view).toMatchObject({
      total: 10_000,
      counts: { upgraded: 2500, added: 2500, removed: 2500, downgraded: 2500 },
    });
  });

  it('filters by name, case-insensitively, and counts kinds over the matches', () => {
    const view = deriveDiffView(changes, '  PKG-0000 ', none);
    expect(view.rows.map((r) => r.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `pkg-0000${i}`),
    );
    expect(view.counts).toEqual({ upgraded: 3, added: 3, removed: 2, downgraded: 2 });
  });

  it('keeps only the chosen kinds, while the chips still count all kinds', () => {
    const view = deriveDiffView(changes, 'pkg-0000', new Set(['removed', 'downgraded']));
    expect(view.rows.map((r) => [r.name, r.kind])).toEqual([
      ['pkg-00002', 'removed'],
      ['pkg-00003', 'downgraded'],
      ['pkg-00006', 'removed'],
      ['pkg-00007', 'downgraded'],
    ]);
    expect(view.counts).toEqual(countKinds(deriveDiffView(changes, 'pkg-0000', none).rows));
  });
});

describe('sortAdvisories', () => {
  it('puts the most severe first and keeps the daemon order within a severity', () => {
    const sorted = sortAdvisories([
      advisory('A', { severity: 'low' }),
      advisory('B', { severity: 'critical' }),
      advisory('C', { severity: 'none' }),
      advisory('D', { severity: 'important' }),
      advisory('E', { severity: 'critical' }),
      advisory('F', { severity: 'moderate' }),
    ]);
    expect(sorted.map((a) => `${a.id}:${a.severity}`)).toEqual([
      'B:critical',
      'E:critical',
      'D:important',
      'F:moderate',
      'A:low',
      'C:none',
    ]);
  });
});
