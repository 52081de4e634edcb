/**
 * Filtering a package diff for display. Pure and linear, so it stays quick
 * with thousands of rows; the virtualised list draws only what is visible.
 */
import type {
  Advisory,
  AdvisorySeverity,
  PackageChange,
  PackageChangeKind,
} from '../../../daemon-bridge/contract/updates.ts';
import { assertNever } from '../../../daemon-bridge/contract/domain.ts';

export const changeKinds: readonly PackageChangeKind[] = [
  'upgraded',
  'downgraded',
  'added',
  'removed',
];

export type KindCounts = { readonly [K in PackageChangeKind]: number };

export interface DiffView {
  readonly rows: readonly PackageChange[];
  /** Counts per kind over the text-filtered rows, so chips say what a click would show. */
  readonly counts: KindCounts;
  readonly total: number;
}

export function countKinds(changes: readonly PackageChange[]): KindCounts {
  // Plain counters, not `counts[change.kind] += 1`: a keyed store per row is
  // several times slower, and the update sheet counts 10,000 rows as it opens.
  let added = 0;
  let removed = 0;
  let upgraded = 0;
  let downgraded = 0;
  for (const change of changes) {
    switch (change.kind) {
      case 'added':
        added += 1;
        break;
      case 'removed':
        removed += 1;
        break;
      case 'upgraded':
        upgraded += 1;
        break;
      case 'downgraded':
        downgraded += 1;
        break;
      default:
        return assertNever(change.kind);
    }
  }
  return { added, removed, upgraded, downgraded };
}

/** The unfiltered view of each diff, made once (the transport keeps an unchanged diff identical). */
const wholeViews = new WeakMap<readonly PackageChange[], DiffView>();

/** Rows whose name contains `query` (case-insensitive) and whose kind is in `kinds` (all when empty). */
export function deriveDiffView(
  changes: readonly PackageChange[],
  query: string,
  kinds: ReadonlySet<PackageChangeKind>,
): DiffView {
  const needle = query.trim().toLowerCase();
  if (!needle && kinds.size === 0) {
    let whole = wholeViews.get(changes);
    if (!whole) {
      whole = { rows: changes, counts: countKinds(changes), total: changes.length };
      wholeViews.set(changes, whole);
    }
    return whole;
  }
  const matching = needle ? changes.filter((c) => c.name.toLowerCase().includes(needle)) : changes;
  const rows = kinds.size === 0 ? matching : matching.filter((c) => kinds.has(c.kind));
  return { rows, counts: countKinds(matching), total: changes.length };
}

/**
 * Derives a diff's unfiltered view ahead of time, when the UI is idle, so
 * opening the update sheet does not walk every row (10,000 on a big update;
 * the first walk over freshly decoded rows is the slow one).
 */
export function prepareDiffView(changes: readonly PackageChange[]): void {
  deriveDiffView(changes, '', new Set());
}

const severityRank: { readonly [S in AdvisorySeverity]: number } = {
  critical: 0,
  important: 1,
  moderate: 2,
  low: 3,
  none: 4,
};

/** Most severe first; ties keep the daemon's order. */
export function sortAdvisories(advisories: readonly Advisory[]): readonly Advisory[] {
  return [...advisories].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
}
