import * as dbus from 'dbus-next';
import type { VarDict } from './deployment-dict.ts';
import { evr } from './package-diff.ts';
import type { PackageDiff, Pkg } from './package-diff.ts';

/** RpmOstreePackageDiffTypes (reference §8.3). */
const DIFF_TYPE = { ADDED: 0, REMOVED: 1, UPGRADED: 2, DOWNGRADED: 3 } as const;

const sss = (p: Pkg) => new dbus.Variant('(sss)', [p.name, evr(p), p.arch]);

/** `a(sua{sv})` of the Get*RpmDiff methods: sorted by type, then name. */
export function rpmDiffResult(diff: PackageDiff): [string, number, VarDict][] {
  return [
    ...diff.added.map((p): [string, number, VarDict] => [
      p.name,
      DIFF_TYPE.ADDED,
      { NewPackage: sss(p) },
    ]),
    ...diff.removed.map((p): [string, number, VarDict] => [
      p.name,
      DIFF_TYPE.REMOVED,
      { PreviousPackage: sss(p) },
    ]),
    ...diff.upgraded.map(([o, n]): [string, number, VarDict] => [
      n.name,
      DIFF_TYPE.UPGRADED,
      { PreviousPackage: sss(o), NewPackage: sss(n) },
    ]),
    ...diff.downgraded.map(([o, n]): [string, number, VarDict] => [
      n.name,
      DIFF_TYPE.DOWNGRADED,
      { PreviousPackage: sss(o), NewPackage: sss(n) },
    ]),
  ];
}

/** RpmOstreePkgTypes: CachedUpdate's rpm-diff uses BASE=0 / LAYER=1 (reference §8.4.1). */
const PKG_BASE = 0;
const PKG_LAYER = 1;

/** CachedUpdate's `rpm-diff` value: upgraded/downgraded `a(us(ss)(ss))`, removed/added `a(usss)`. */
export function cachedRpmDiff(diff: PackageDiff, layered: ReadonlySet<string>): VarDict {
  const type = (p: Pkg) => (layered.has(p.name) ? PKG_LAYER : PKG_BASE);
  const modified = (list: [Pkg, Pkg][]) =>
    new dbus.Variant(
      'a(us(ss)(ss))',
      list.map(([o, n]) => [type(n), n.name, [evr(o), o.arch], [evr(n), n.arch]]),
    );
  const single = (list: Pkg[]) =>
    new dbus.Variant(
      'a(usss)',
      list.map((p) => [type(p), p.name, evr(p), p.arch]),
    );
  return {
    upgraded: modified(diff.upgraded),
    downgraded: modified(diff.downgraded),
    removed: single(diff.removed),
    added: single(diff.added),
  };
}

/** True when a diff lists nothing. */
export function isEmptyDiff(diff: PackageDiff): boolean {
  return (
    diff.added.length + diff.removed.length + diff.upgraded.length + diff.downgraded.length === 0
  );
}
