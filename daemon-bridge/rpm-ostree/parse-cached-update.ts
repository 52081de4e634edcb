import type {
  Advisory,
  AdvisoryKind,
  AdvisorySeverity,
  CachedUpdate,
  CveReference,
  PackageChange,
  PackageChangeKind,
} from '../contract/updates.ts';
import { changesFingerprint } from '../contract/updates.ts';
import { member, RPM_OSTREE } from './profile.ts';
import type { DaemonProfile } from './profile.ts';
import { ParseError, stringArray, tuple, VarDict } from './vardict.ts';

/** libdnf DnfAdvisoryKind (reference §8.4.2). */
const ADVISORY_KINDS: readonly AdvisoryKind[] = [
  'unknown',
  'security',
  'bugfix',
  'enhancement',
  'newpackage',
];
/** RpmOstreeAdvisorySeverity. */
export const SEVERITIES: readonly AdvisorySeverity[] = [
  'none',
  'low',
  'moderate',
  'important',
  'critical',
];

function str(v: unknown, where: string): string {
  if (typeof v !== 'string') throw new ParseError(where, 'expected a string');
  return v;
}

function u32(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw new ParseError(where, 'expected an unsigned integer');
  return v;
}

/**
 * `rpm-diff` (apt-ostree: `apt-diff`) entries use RpmOstreePkgTypes (0 BASE, 1 LAYER) — a different
 * enum from the Get*RpmDiff change types — and `(ss)` pairs without names.
 */
function layeredFlag(v: unknown, where: string): boolean {
  const t = u32(v, where);
  if (t > 1) throw new ParseError(where, `unknown package type ${t}`);
  return t === 1;
}

function modified(raw: unknown, where: string, kind: PackageChangeKind): PackageChange[] {
  if (!Array.isArray(raw)) throw new ParseError(where, 'expected an array of (us(ss)(ss))');
  return raw.map((entry, i) => {
    const at = `${where}[${i}]`;
    const [type, name, prev, next] = tuple(entry, 4, at);
    const [pEvr, pArch] = tuple(prev, 2, `${at}[2]`);
    const [nEvr, nArch] = tuple(next, 2, `${at}[3]`);
    return {
      name: str(name, `${at}[1]`),
      kind,
      previous: { evr: str(pEvr, `${at}[2][0]`), arch: str(pArch, `${at}[2][1]`) },
      next: { evr: str(nEvr, `${at}[3][0]`), arch: str(nArch, `${at}[3][1]`) },
      layered: layeredFlag(type, `${at}[0]`),
    };
  });
}

function single(raw: unknown, where: string, kind: 'added' | 'removed'): PackageChange[] {
  if (!Array.isArray(raw)) throw new ParseError(where, 'expected an array of (usss)');
  return raw.map((entry, i) => {
    const at = `${where}[${i}]`;
    const [type, name, evr, arch] = tuple(entry, 4, at);
    const version = { evr: str(evr, `${at}[2]`), arch: str(arch, `${at}[3]`) };
    return {
      name: str(name, `${at}[1]`),
      kind,
      previous: kind === 'removed' ? version : null,
      next: kind === 'added' ? version : null,
      layered: layeredFlag(type, `${at}[0]`),
    };
  });
}

function parseChanges(d: VarDict, diffKey: string): PackageChange[] {
  const diff = d.optDict(diffKey);
  if (!diff) return [];
  const key = (k: string) => diff.path(k);
  return [
    ...single(diff.raw('added', 'a(usss)') ?? [], key('added'), 'added'),
    ...single(diff.raw('removed', 'a(usss)') ?? [], key('removed'), 'removed'),
    ...modified(diff.raw('upgraded', 'a(us(ss)(ss))') ?? [], key('upgraded'), 'upgraded'),
    ...modified(diff.raw('downgraded', 'a(us(ss)(ss))') ?? [], key('downgraded'), 'downgraded'),
  ];
}

function parseCves(extra: VarDict): CveReference[] {
  const raw = extra.raw('cve_references', 'a(ss)');
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new ParseError(extra.path('cve_references'), 'expected a(ss)');
  return raw.map((pair, i) => {
    const at = `${extra.path('cve_references')}[${i}]`;
    // (url, title): the producer and the CLI agree, the header comment does not (§8.4.2).
    const [url, title] = tuple(pair, 2, at);
    return { url: str(url, `${at}[0]`), title: str(title, `${at}[1]`) };
  });
}

function parseAdvisories(d: VarDict): Advisory[] {
  const raw = d.raw('advisories', 'a(suuasa{sv})');
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new ParseError(d.path('advisories'), 'expected an array');
  const advisories = raw.map((entry, i): Advisory => {
    const at = `${d.path('advisories')}[${i}]`;
    const [id, kind, severity, nevras, extra] = tuple(entry, 5, at);
    return {
      id: str(id, `${at}[0]`),
      kind: ADVISORY_KINDS[u32(kind, `${at}[1]`)] ?? 'unknown',
      severity: SEVERITIES[u32(severity, `${at}[2]`)] ?? 'none',
      packages: stringArray(nevras, `${at}[3]`),
      cves: parseCves(VarDict.from(extra, `${at}[4]`)),
    };
  });
  // Ids in code-point order: they are machine names (FEDORA-2026-…, DSA-…),
  // whose order must not depend on the locale the bridge runs in.
  const byId = (a: Advisory, b: Advisory) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return advisories.sort(
    (a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || byId(a, b),
  );
}

/**
 * OS.CachedUpdate (reference §8.4) → CachedUpdate; `{}` → null. The
 * package diff sits under the profile's name for `rpm-diff`.
 */
export function parseCachedUpdate(
  raw: unknown,
  where = 'OS.CachedUpdate',
  profile: DaemonProfile = RPM_OSTREE,
): CachedUpdate | null {
  const d = VarDict.from(raw, where);
  if (d.size === 0) return null;
  const changes = parseChanges(d, member(profile, 'rpm-diff'));
  return {
    osname: d.string('osname'),
    checksum: d.string('checksum'),
    version: d.optString('version') ?? null,
    timestamp: d.optUint64('timestamp') ?? null,
    origin: d.string('origin'),
    newBaseCommit: d.optBool('ref-has-new-commit') ?? false,
    changeCount: changes.length,
    changesId: changesFingerprint(changes),
    changes,
    advisories: parseAdvisories(d),
    stagedDeploymentId: d.optString('deployment') ?? null,
  };
}
