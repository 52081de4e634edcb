import { compareVersions, namingOf, packageVersionOf } from '../../packages/naming.ts';
import type { Commit } from '../../sysroot/commits.ts';

/** One row of `rpmostree.rpmdb.pkglist`. */
export interface Pkg {
  readonly name: string;
  readonly epoch: string;
  readonly version: string;
  readonly release: string;
  readonly arch: string;
}

/** The commit's package list (empty if it has none). */
export function commitPackages(commit: Commit): Pkg[] {
  const v = commit.metadata['rpmostree.rpmdb.pkglist'];
  if (v?.signature !== 'a(sssss)') return [];
  return (v.value as string[][]).map(
    ([name = '', epoch = '0', version = '', release = '', arch = '']) => ({
      name,
      epoch,
      version,
      release,
      arch,
    }),
  );
}

/**
 * The version as diffs print it: `[epoch:]version-release` as rpm-ostree
 * prints EVRs, or a Debian version `[epoch:]upstream[-revision]` (epoch
 * omitted when 0).
 */
export function evr(p: Pkg): string {
  return packageVersionOf(p);
}

/** Compares two packages' versions (rpmvercmp, or dpkg's order for Debian packages). */
export function compareEvr(a: Pkg, b: Pkg): number {
  return compareVersions(namingOf(a.arch), a, b);
}

/** Packages added, removed, upgraded and downgraded from `before` to `after`, each sorted by name. */
export interface PackageDiff {
  readonly added: Pkg[];
  readonly removed: Pkg[];
  readonly upgraded: [Pkg, Pkg][];
  readonly downgraded: [Pkg, Pkg][];
}

/** The package diff of two package lists, matched by name (and arch). */
export function diffPackages(before: readonly Pkg[], after: readonly Pkg[]): PackageDiff {
  const key = (p: Pkg) => `${p.name}.${p.arch}`;
  const old = new Map(before.map((p) => [key(p), p]));
  const now = new Map(after.map((p) => [key(p), p]));
  const diff: PackageDiff = { added: [], removed: [], upgraded: [], downgraded: [] };
  for (const [k, p] of now) {
    const o = old.get(k);
    if (!o) diff.added.push(p);
    else if (compareEvr(o, p) < 0) diff.upgraded.push([o, p]);
    else if (compareEvr(o, p) > 0) diff.downgraded.push([o, p]);
  }
  for (const [k, p] of old) if (!now.has(k)) diff.removed.push(p);
  const byName = (a: Pkg, b: Pkg) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  diff.added.sort(byName);
  diff.removed.sort(byName);
  diff.upgraded.sort((a, b) => byName(a[0], b[0]));
  diff.downgraded.sort((a, b) => byName(a[0], b[0]));
  return diff;
}
