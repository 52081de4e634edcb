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
  const counts = { added: 0, removed: 0, upgraded: 0, downgraded: 0 };
  for (const change of changes) counts[change.kind] += 1;
  return counts;
}

/** Rows whose name contains `query` (case-insensitive) and whose kind is in `kinds` (all when empty). */
export function deriveDiffView(
  changes: readonly PackageChange[],
  query: string,
  kinds: ReadonlySet<PackageChangeKind>,
): DiffView {
  const needle = query.trim().toLowerCase();
  const matching = needle ? changes.filter((c) => c.name.toLowerCase().includes(needle)) : changes;
  const rows = kinds.size === 0 ? matching : matching.filter((c) => kinds.has(c.kind));
  return { rows, counts: countKinds(matching), total: changes.length };
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
