/**
 * Package naming and version order for both demo machines. The Fedora
 * machine's packages are RPMs (NEVRA, rpmvercmp), the Debian machine's are
 * .debs (`name_version_arch`, dpkg's order). A package's own architecture
 * tells which: Debian's names for architectures (amd64, arm64, i386, all, …)
 * are not RPM's (x86_64, aarch64, i686, noarch, …). That is the only hint a
 * commit's package list carries, so the sandbox reads it there rather than
 * threading the machine through every package function.
 */
import { packageId, packageVersion } from '../../daemon-bridge/rpm-ostree/profile.ts';
import type { PackageNaming, PackageParts } from '../../daemon-bridge/rpm-ostree/profile.ts';

const DEBIAN_ARCHES = new Set([
  'all',
  'amd64',
  'arm64',
  'armel',
  'armhf',
  'i386',
  'mips64el',
  'ppc64el',
]);

/** Which naming a package of architecture `arch` follows. */
export function namingOf(arch: string): PackageNaming {
  return DEBIAN_ARCHES.has(arch) ? 'deb' : 'rpm';
}

/** The package's identity string: NEVRA, or `name_version_arch` for a .deb. */
export function packageIdOf(p: PackageParts): string {
  return packageId(namingOf(p.arch), p);
}

/** The package's version string: `[e:]v-r`, or Debian's `[e:]upstream[-revision]`. */
export function packageVersionOf(p: PackageParts): string {
  return packageVersion(namingOf(p.arch), p);
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
    const c = xn ? bigCompare(BigInt(x), BigInt(y)) : x === y ? 0 : x > y ? 1 : -1;
    if (c !== 0) return c;
  }
  return 0;
}

function bigCompare(x: bigint, y: bigint): number {
  return x === y ? 0 : x > y ? 1 : -1;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** dpkg's order of one character: `~` first, then the end, letters, then the rest. */
function order(c: string | undefined): number {
  if (c === undefined || isDigit(c)) return 0;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  if (c === '~') return -1;
  return c.charCodeAt(0) + 256;
}

/** dpkg's verrevcmp (lib/dpkg/version.c) on an upstream version or a revision. */
export function dpkgVerrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = order(a[i]);
      const bc = order(b[j]);
      if (ac !== bc) return Math.sign(ac - bc);
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff !== 0) return Math.sign(firstDiff);
  }
  return 0;
}

/** The parts of a version that order it. */
export interface VersionParts {
  readonly epoch: number | string;
  readonly version: string;
  readonly release: string;
}

/**
 * Orders two versions of one package (same naming): epoch, then version,
 * then release, each with the distribution's own comparison.
 */
export function compareVersions(naming: PackageNaming, a: VersionParts, b: VersionParts): number {
  const e = Number(a.epoch || 0) - Number(b.epoch || 0);
  if (e !== 0) return Math.sign(e);
  const cmp = naming === 'deb' ? dpkgVerrevcmp : rpmvercmp;
  return cmp(a.version, b.version) || cmp(a.release, b.release);
}
