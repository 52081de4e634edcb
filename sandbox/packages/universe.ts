import { splitPackageVersion } from '../../daemon-bridge/rpm-ostree/profile.ts';
import { compareEvr } from '../daemon/state/package-diff.ts';
import { nevra } from '../seed/packages.ts';
import type { PackageSpec } from '../seed/packages.ts';
import type { UniverseRow } from './universe-data.ts';

/** A package as libdnf's sack knows it: an RPM plus where it comes from and its dependencies. */
export interface SackPackage extends PackageSpec {
  /** A repository id (`fedora`, `updates`, …) for repository packages, `@System` for installed (base) ones. */
  readonly repo: string;
  readonly requires: readonly string[];
  /** Explicit provides; the name and the files are provided too (see providesOf). */
  readonly provides: readonly string[];
}

/** A package repository of a demo machine (its /etc/yum.repos.d or sources.list, see seed/tree.ts). */
export interface RepoInfo {
  readonly id: string;
  readonly description: string;
  readonly enabled: boolean;
}

/** The repositories of one demo machine and the packages in them. */
export interface PackageUniverse {
  /** The repositories, in the order the daemon lists them. */
  readonly repos: readonly RepoInfo[];
  /** Every package of the enabled repositories, by name, newest first. */
  repoPackages(): readonly SackPackage[];
  /** The newest repository package called `name` (summary, files and dependencies of that name). */
  latestPackage(name: string): SackPackage | undefined;
  /**
   * Installed (base) packages from a commit's package list: each gets the
   * metadata of the repository package of that name, or none if unknown.
   */
  installedPackages(list: readonly PackageSpec[]): SackPackage[];
}

/** What a machine's universe is made of. */
export interface UniverseSource {
  /** The main repository first, then the one with the newer compose's new builds. */
  readonly repos: readonly [RepoInfo, RepoInfo, ...RepoInfo[]];
  /** The base composes, older first: builds new in the newer one are in the second repo. */
  readonly composes: readonly [readonly PackageSpec[], readonly PackageSpec[]];
  /** The package the seed layers, and the repository that has it. */
  readonly layered: PackageSpec;
  readonly layeredRepo: string;
  /** Installable extras with their dependencies. */
  readonly extras: readonly UniverseRow[];
}

function fromRow(row: UniverseRow): SackPackage {
  return {
    name: row.name,
    ...splitPackageVersion(row.evr),
    arch: row.arch,
    summary: row.summary,
    repo: row.repo,
    requires: row.requires ?? [],
    provides: row.provides ?? [],
    ...(row.bins ? { bins: row.bins.split(' ') } : {}),
    ...(row.files ? { files: row.files } : {}),
  };
}

const asPkg = (p: PackageSpec) => ({ ...p, epoch: String(p.epoch) });

/** Name order, newest first within a name (the distribution's version order). */
function byNameNewestFirst(a: SackPackage, b: SackPackage): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return -compareEvr(asPkg(a), asPkg(b));
}

/**
 * The base composes' packages as the repositories carry them: what the
 * newer compose changed is in the second repository (`updates`), the rest
 * (and the older builds) in the first. Base packages declare no dependencies.
 */
function basePackages(source: UniverseSource): SackPackage[] {
  const [older, newer] = source.composes;
  const [main, updates] = source.repos;
  const newIds = new Set(newer.map(nevra));
  const oldIds = new Set(older.map(nevra));
  const seen = new Map<string, SackPackage>();
  for (const p of [...older, ...newer, source.layered]) {
    const id = nevra(p);
    if (seen.has(id)) continue;
    const repo =
      p === source.layered
        ? source.layeredRepo
        : newIds.has(id) && !oldIds.has(id)
          ? updates.id
          : main.id;
    seen.set(id, { ...p, repo, requires: [], provides: [] });
  }
  return [...seen.values()];
}

/** A machine's package universe: its repositories and their packages. */
export function createUniverse(source: UniverseSource): PackageUniverse {
  const all: readonly SackPackage[] = [...basePackages(source), ...source.extras.map(fromRow)].sort(
    byNameNewestFirst,
  );
  const latest = new Map<string, SackPackage>();
  for (const p of all) if (!latest.has(p.name)) latest.set(p.name, p);
  return {
    repos: source.repos,
    repoPackages: () => all,
    latestPackage: (name) => latest.get(name),
    installedPackages: (list) =>
      list.map((p) => {
        const meta = latest.get(p.name);
        return {
          ...p,
          summary: meta?.summary ?? p.summary,
          repo: '@System',
          requires: meta?.requires ?? [],
          provides: meta?.provides ?? [],
          ...(meta?.bins ? { bins: meta.bins } : {}),
          ...(meta?.files ? { files: meta.files } : {}),
        };
      }),
  };
}

/** What `p` provides: itself (`name = evr`), its explicit provides and its files. */
export function providesOf(p: SackPackage): string[] {
  return [p.name, ...p.provides, ...(p.bins ?? []).map((b) => `/usr/bin/${b}`), ...(p.files ?? [])];
}
