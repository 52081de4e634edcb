import { compareEvr } from '../daemon/state/package-diff.ts';
import { HTOP, nevra, PACKAGES_2026_01_01, PACKAGES_2026_01_15 } from '../seed/packages.ts';
import type { PackageSpec } from '../seed/packages.ts';
import { EXTRA_PACKAGES } from './universe-data.ts';
import type { UniverseRow } from './universe-data.ts';

/** A package as libdnf's sack knows it: an RPM plus where it comes from and its dependencies. */
export interface SackPackage extends PackageSpec {
  /** `fedora` / `updates` for repository packages, `@System` for installed (base) ones. */
  readonly repo: string;
  readonly requires: readonly string[];
  /** Explicit provides; the name and the files are provided too (see providesOf). */
  readonly provides: readonly string[];
}

/** An rpm-md repository of the demo machine (its /etc/yum.repos.d, see seed/tree.ts). */
export interface RepoInfo {
  readonly id: string;
  readonly description: string;
  readonly enabled: boolean;
}

/** The repositories, in the order libdnf lists them. */
export const REPOS: readonly RepoInfo[] = [
  { id: 'fedora', description: 'Fedora 43 - x86_64', enabled: true },
  { id: 'updates', description: 'Fedora 43 - x86_64 - Updates', enabled: true },
];

/** `[epoch:]version-release` → its parts. */
function splitEvr(evr: string): { epoch: number; version: string; release: string } {
  const colon = evr.indexOf(':');
  const vr = colon < 0 ? evr : evr.slice(colon + 1);
  const dash = vr.lastIndexOf('-');
  return {
    epoch: colon < 0 ? 0 : Number(evr.slice(0, colon)),
    version: vr.slice(0, dash),
    release: vr.slice(dash + 1),
  };
}

function fromRow(row: UniverseRow): SackPackage {
  return {
    name: row.name,
    ...splitEvr(row.evr),
    arch: row.arch,
    summary: row.summary,
    repo: row.repo,
    requires: row.requires ?? [],
    provides: row.provides ?? [],
    ...(row.bins ? { bins: row.bins.split(' ') } : {}),
    ...(row.files ? { files: row.files } : {}),
  };
}

/** Name order, newest first within a name (rpmvercmp). */
function byNameNewestFirst(a: SackPackage, b: SackPackage): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return -compareEvr(asPkg(a), asPkg(b));
}

const asPkg = (p: PackageSpec) => ({ ...p, epoch: String(p.epoch) });

/**
 * The base composes' packages as the repositories carry them: what the
 * 2026-01-15 compose changed is in `updates`, the rest (and the older
 * builds) in `fedora`. Base packages declare no dependencies.
 */
function basePackages(): SackPackage[] {
  const newer = new Set(PACKAGES_2026_01_15.map(nevra));
  const older = new Set(PACKAGES_2026_01_01.map(nevra));
  const seen = new Map<string, SackPackage>();
  for (const p of [...PACKAGES_2026_01_01, ...PACKAGES_2026_01_15, HTOP]) {
    const id = nevra(p);
    if (seen.has(id)) continue;
    const repo = p === HTOP || (newer.has(id) && !older.has(id)) ? 'updates' : 'fedora';
    seen.set(id, { ...p, repo, requires: [], provides: [] });
  }
  return [...seen.values()];
}

const UNIVERSE: readonly SackPackage[] = [...basePackages(), ...EXTRA_PACKAGES.map(fromRow)].sort(
  byNameNewestFirst,
);
const LATEST = new Map<string, SackPackage>();
for (const p of UNIVERSE) if (!LATEST.has(p.name)) LATEST.set(p.name, p);

/** Every package of the enabled repositories, by name, newest first. */
export function repoPackages(): readonly SackPackage[] {
  return UNIVERSE;
}

/** The newest repository package called `name` (summary, files and dependencies of that name). */
export function latestPackage(name: string): SackPackage | undefined {
  return LATEST.get(name);
}

/**
 * Installed (base) packages from a commit's package list: each gets the
 * metadata of the repository package of that name, or none if unknown.
 */
export function installedPackages(list: readonly PackageSpec[]): SackPackage[] {
  return list.map((p) => {
    const meta = LATEST.get(p.name);
    return {
      ...p,
      summary: meta?.summary ?? p.summary,
      repo: '@System',
      requires: meta?.requires ?? [],
      provides: meta?.provides ?? [],
      ...(meta?.bins ? { bins: meta.bins } : {}),
      ...(meta?.files ? { files: meta.files } : {}),
    };
  });
}

/** What `p` provides: itself (`name = evr`), its explicit provides and its files. */
export function providesOf(p: SackPackage): string[] {
  return [p.name, ...p.provides, ...(p.bins ?? []).map((b) => `/usr/bin/${b}`), ...(p.files ?? [])];
}
