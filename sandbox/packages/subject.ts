import { nevra } from '../seed/packages.ts';
import type { PackageSpec } from '../seed/packages.ts';
import { rpmvercmp } from '../daemon/state/package-diff.ts';
import { providesOf } from './universe.ts';
import type { SackPackage } from './universe.ts';

/** hy_is_glob_pattern: `*`, `?` or `[` make a pattern a glob. */
export function isGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

/** An fnmatch(3) pattern (`*`, `?`, `[...]`) as an anchored RegExp. */
export function globRegExp(pattern: string, ignoreCase = false): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, ignoreCase ? 'i' : '');
}

/** `pattern` equals `value`, or matches it as a glob. */
function matches(pattern: string, value: string): boolean {
  return isGlob(pattern) ? globRegExp(pattern).test(value) : pattern === value;
}

const epochPart = (p: PackageSpec) => (p.epoch ? `${p.epoch}:` : '');

/**
 * The NEVRA forms libdnf tries for a subject, most specific first
 * (HY_FORMS_MOST_SPEC: NEVRA, NA, NAME, NEVR, NEV), as strings of a package.
 */
const FORMS: readonly ((p: PackageSpec) => string[])[] = [
  (p) => [nevra(p), `${p.name}-${p.version}-${p.release}.${p.arch}`],
  (p) => [`${p.name}.${p.arch}`],
  (p) => [p.name],
  (p) => [
    `${p.name}-${epochPart(p)}${p.version}-${p.release}`,
    `${p.name}-${p.version}-${p.release}`,
  ],
  (p) => [`${p.name}-${epochPart(p)}${p.version}`, `${p.name}-${p.version}`],
];

const OPS: Record<string, (c: number) => boolean> = {
  '=': (c) => c === 0,
  '>=': (c) => c >= 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '<': (c) => c < 0,
};

/** Whether `p` provides the capability `dep` (`cap` or `cap OP [epoch:]version[-release]`). */
export function providesCapability(p: SackPackage, dep: string): boolean {
  const m = /^(\S+)\s*(>=|<=|=|>|<)\s*(\S+)$/.exec(dep.trim());
  if (!m) return providesOf(p).some((cap) => matches(dep, cap));
  const [, cap, op, evr] = m as unknown as [string, string, string, string];
  // Only the package's own name carries a version in the demo's metadata.
  if (cap !== p.name) return false;
  const colon = evr.indexOf(':');
  const epoch = colon < 0 ? 0 : Number(evr.slice(0, colon));
  const [version = '', release] = evr.slice(colon + 1).split('-');
  const c =
    Math.sign(p.epoch - epoch) ||
    rpmvercmp(p.version, version) ||
    (release === undefined ? 0 : rpmvercmp(p.release, release));
  return OPS[op]!(c);
}

/**
 * rpmostree_get_matching_packages (hy_subject_get_best_selector): the
 * packages a request names, by the first NEVRA form that matches anything,
 * else by what they provide (capabilities, files). Case-sensitive; globs allowed.
 */
export function matchSubject(pattern: string, packages: readonly SackPackage[]): SackPackage[] {
  for (const form of FORMS) {
    const found = packages.filter((p) => form(p).some((s) => matches(pattern, s)));
    if (found.length > 0) return found;
  }
  return packages.filter((p) => providesCapability(p, pattern));
}
