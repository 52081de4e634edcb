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

/** `[epoch:]version-release` as rpm-ostree prints EVRs (epoch omitted when 0). */
export function evr(p: Pkg): string {
  return `${p.epoch && p.epoch !== '0' ? `${p.epoch}:` : ''}${p.version}-${p.release}`;
}

/** rpm's rpmvercmp: alternating numeric/alpha segments, `~` sorts before anything. */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  const seg = /~|\^|\d+|[a-zA-Z]+/g;
  const sa = a.match(seg) ?? [];
  const sb = b.match(seg) ?? [];
  for (let i = 0; i < Math.max(sa.length, sb.length); i++) {
    const x = sa[i];
    const y = sb[i];
    if (x === '~' || y === '~') {
      if (x !== y) return x === '~' ? -1 : 1;
      continue;
    }
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xn = /^\d/.test(x);
    const yn = /^\d/.test(y);
    if (xn !== yn) return xn ? 1 : -1;
    const c = xn
      ? BigInt(x) === BigInt(y)
        ? 0
        : BigInt(x) > BigInt(y)
          ? 1
          : -1
      : x === y
        ? 0
        : x > y
          ? 1
          : -1;
    if (c !== 0) return c;
  }
  return 0;
}

/** Compares two packages' EVRs. */
export function compareEvr(a: Pkg, b: Pkg): number {
  const e = Number(a.epoch || 0) - Number(b.epoch || 0);
  if (e !== 0) return Math.sign(e);
  return rpmvercmp(a.version, b.version) || rpmvercmp(a.release, b.release);
}

/** Packages added, removed, upgraded and downgraded from `before` to `after`, each sorted by name. */
export interface PackageDiff {
  readonly added: Pkg[];
  readonly removed: Pkg[];
  readonly upgraded: [Pkg, Pkg][];
  readonly downgraded: [Pkg, Pkg][];
}

/** The rpm diff of two package lists, matched by name (and arch). */
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
