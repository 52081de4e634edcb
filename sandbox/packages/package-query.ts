import { globRegExp, isGlob, providesCapability } from './subject.ts';
import type { PackageUniverse, SackPackage } from './universe.ts';

/** One package of a query answer; `key` as GetPackages and Search set it. */
export interface PackageHit {
  readonly key?: string;
  readonly pkg: SackPackage;
}

/** hy_query_filter_latest_per_arch over a list sorted newest first. */
function latestPerArch(list: readonly SackPackage[]): SackPackage[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = `${p.name}.${p.arch}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** WhatProvides: the newest package per name and arch providing any of `provides`. */
export function whatProvides(universe: PackageUniverse, provides: readonly string[]): PackageHit[] {
  const found = universe
    .repoPackages()
    .filter((p) => provides.some((d) => providesCapability(p, d)));
  return latestPerArch(found).map((pkg) => ({ pkg }));
}

/** GetPackages: for each name (exact), the newest package per arch, keyed by that name. */
export function getPackages(universe: PackageUniverse, names: readonly string[]): PackageHit[] {
  return names.flatMap((key) =>
    latestPerArch(universe.repoPackages().filter((p) => p.name === key)).map((pkg) => ({
      key,
      pkg,
    })),
  );
}

type Field = 'name' | 'summary';

/** apply_search_filter: case-insensitive equality or substring, or a case-insensitive glob. */
function filter(field: Field, term: string, substr: boolean): (p: SackPackage) => boolean {
  if (isGlob(term)) {
    const re = globRegExp(term, true);
    return (p) => re.test(p[field]);
  }
  const t = term.toLowerCase();
  return substr ? (p) => p[field].toLowerCase().includes(t) : (p) => p[field].toLowerCase() === t;
}

/** query_results_to_builder: each name once per group, at most 50 names. */
function collect(out: PackageHit[], key: string, names: Set<string>, list: SackPackage[]): void {
  for (const pkg of list) {
    if (names.size >= 50) return;
    if (names.has(pkg.name)) continue;
    names.add(pkg.name);
    out.push({ key, pkg });
  }
}

/**
 * Search (rpmostreed-os.cxx os_handle_search): `match_group_a` = every term
 * in the name or summary (one term: in both), `match_group_b` = the name
 * equals, then contains, all terms, `match_group_c` the same for the
 * summary. Packages come in repository order (name, newest first).
 */
export function searchPackages(universe: PackageUniverse, terms: readonly string[]): PackageHit[] {
  const all = universe.repoPackages();
  const out: PackageHit[] = [];
  const matchBoth = (term: string, field: Field) => {
    const eq = filter(field, term, false);
    const sub = filter(field, term, true);
    return (p: SackPackage) => eq(p) || sub(p);
  };
  const groupA =
    terms.length >= 2
      ? all.filter((p) => terms.every((t) => matchBoth(t, 'name')(p) || matchBoth(t, 'summary')(p)))
      : all.filter((p) => matchBoth(terms[0]!, 'name')(p) && matchBoth(terms[0]!, 'summary')(p));
  collect(out, 'match_group_a', new Set(), groupA);
  for (const [key, field] of [
    ['match_group_b', 'name'],
    ['match_group_c', 'summary'],
  ] as const) {
    const names = new Set<string>();
    for (const substr of [false, true])
      collect(
        out,
        key,
        names,
        all.filter((p) => terms.every((t) => filter(field, t, substr)(p))),
      );
  }
  return out;
}
