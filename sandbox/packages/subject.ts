import { splitPackageVersion } from '../../daemon-bridge/rpm-ostree/profile.ts';
import { nevra } from '../seed/packages.ts';
import type { PackageSpec } from '../seed/packages.ts';
import { compareVersions, namingOf, packageVersionOf } from './naming.ts';
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
const RPM_FORMS: readonly ((p: PackageSpec) => string[])[] = [
  (p) => [nevra(p), `${p.name}-${p.version}-${p.release}.${p.arch}`],
  (p) => [`${p.name}.${p.arch}`],
  (p) => [p.name],
  (p) => [
    `${p.name}-${epochPart(p)}${p.version}-${p.release}`,
    `${p.name}-${p.version}-${p.release}`,
  ],
  (p) => [`${p.name}-${epochPart(p)}${p.version}`, `${p.name}-${p.version}`],
];

/**
 * What apt takes for a Debian package, most specific first: the
 * `name_version_arch` identity and `name:arch=version`, `name:arch`, the
 * name, `name=version`.
 */
const DEB_FORMS: readonly ((p: PackageSpec) => string[])[] = [
  (p) => [nevra(p), `${p.name}:${p.arch}=${packageVersionOf(p)}`],
  (p) => [`${p.name}:${p.arch}`],
  (p) => [p.name],
  (p) => [`${p.name}=${packageVersionOf(p)}`],
];

const formsOf = (p: PackageSpec) => (namingOf(p.arch) === 'deb' ? DEB_FORMS : RPM_FORMS);

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
  const wanted = splitPackageVersion(evr);
  const c = compareVersions(namingOf(p.arch), p, {
    ...wanted,
    // `cap >= 1.2` without a release compares the versions alone.
    release: evr.slice(evr.indexOf(':') + 1).includes('-') ? wanted.release : p.release,
  });
  return OPS[op]!(c);
}

/**
 * rpmostree_get_matching_packages (hy_subject_get_best_selector): the
 * packages a request names, by the first NEVRA form (apt's forms for
 * Debian packages) that matches anything, else by what they provide
 * (capabilities, files). Case-sensitive; globs allowed.
 */
export function matchSubject(pattern: string, packages: readonly SackPackage[]): SackPackage[] {
  for (let i = 0; i < RPM_FORMS.length; i++) {
    const found = packages.filter((p) => {
      const form = formsOf(p)[i];
      return form !== undefined && form(p).some((s) => matches(pattern, s));
    });
    if (found.length > 0) return found;
  }
  return packages.filter((p) => providesCapability(p, pattern));
}
