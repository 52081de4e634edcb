import type { PackageInfo, PackageSearchHit, SearchMatch } from '../contract/packages.ts';
import { ParseError, VarDict } from './vardict.ts';

/**
 * One package dictionary of WhatProvides / GetPackages / Search (reference
 * §5.6): `name`, `epoch` t, `version`, `arch`, `nevra`, `evr`, `summary`,
 * `reponame`; libdnf leaves string keys out when they are NULL, so only the
 * identity keys are required.
 */
export function parsePackageInfo(raw: unknown, where: string): PackageInfo {
  const d = VarDict.from(raw, where);
  return {
    name: d.string('name'),
    epoch: d.optUint64('epoch') ?? 0,
    version: d.optString('version') ?? '',
    arch: d.optString('arch') ?? '',
    nevra: d.string('nevra'),
    evr: d.optString('evr') ?? '',
    summary: d.optString('summary') ?? null,
    repo: d.optString('reponame') ?? null,
  };
}

const MATCH_GROUPS: Readonly<Record<string, SearchMatch>> = {
  match_group_a: 'name-and-summary',
  match_group_b: 'name',
  match_group_c: 'summary',
};

/**
 * `OS.Search` → hits in the daemon's order (name and summary, then name,
 * then summary). A package found by several groups is kept once, in its best.
 */
export function parseSearchResult(raw: unknown, where = 'Search'): readonly PackageSearchHit[] {
  if (!Array.isArray(raw)) throw new ParseError(where, 'expected an array (aa{sv})');
  const seen = new Set<string>();
  const hits: PackageSearchHit[] = [];
  raw.forEach((entry, i) => {
    const at = `${where}[${i}]`;
    const info = parsePackageInfo(entry, at);
    const key = VarDict.from(entry, at).optString('key');
    // hasOwn: a key of '__proto__' or 'constructor' must not find Object.prototype's members.
    const match =
      key !== undefined && Object.hasOwn(MATCH_GROUPS, key) ? MATCH_GROUPS[key] : undefined;
    if (match === undefined)
      throw new ParseError(`${at}.key`, `unknown match group '${String(key)}'`);
    if (seen.has(info.nevra)) return;
    seen.add(info.nevra);
    hits.push({ ...info, match });
  });
  return hits;
}
