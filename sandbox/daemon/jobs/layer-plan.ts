import { depsolve } from '../../packages/depsolve.ts';
import { matchSubject } from '../../packages/subject.ts';
import { machineOfPackages } from '../../machine/machines.ts';
import type { PackageUniverse, SackPackage } from '../../packages/universe.ts';
import { packagesFromPkglist } from '../../remote/package-args.ts';
import { layerStateDigest } from '../../seed/compose.ts';
import { nevra, sortPackages } from '../../seed/packages.ts';
import type { PackageSpec } from '../../seed/packages.ts';
import type { Commit } from '../../sysroot/commits.ts';
import type { PackageRequests } from '../../sysroot/origin-file.ts';
import { commitPackages } from '../state/package-diff.ts';

/** What a client-side layer on a base commit consists of. */
export interface LayerPlan {
  readonly base: Commit;
  /** Active requests (`rpmostree.packages`), sorted. */
  readonly requests: readonly string[];
  /** Base packages the active overrides remove. */
  readonly removed: readonly SackPackage[];
  /** Packages to layer: the requested ones and their dependencies. */
  readonly layered: readonly SackPackage[];
  /** The layered tree's whole package list. */
  readonly packages: readonly PackageSpec[];
  /** `rpmostree.state-sha512` of this layer. */
  readonly state: string;
}

/** The plan, or null when the origin needs no layer (nothing requested or removed is active). */
export interface LayerOutcome {
  readonly plan: LayerPlan | null;
  /** The "Inactive base removals:" / "Inactive requests:" notices. */
  readonly messages: readonly string[];
}

/**
 * A commit's packages as libdnf's installed sack knows them, with the
 * metadata of `universe` (default: the machine whose packages they are).
 */
export function basePackagesOf(
  commit: Commit,
  universe: PackageUniverse = machineOfPackages(commitPackages(commit)).universe,
): SackPackage[] {
  const rows = commitPackages(commit).map((p) => [p.name, p.epoch, p.version, p.release, p.arch]);
  return universe.installedPackages(packagesFromPkglist(universe, rows));
}

/**
 * rpmostree_sysroot_upgrader_prep_layering on `base`: removals of packages
 * the base does not have are inactive, requests the base already provides
 * are inactive (or an error if an override removes the provider), the rest
 * is depsolved against the repositories of `universe` (default: the
 * machine whose packages `base` holds).
 */
export function planLayer(
  base: Commit,
  requests: PackageRequests,
  universe: PackageUniverse = machineOfPackages(commitPackages(base)).universe,
): LayerOutcome {
  const messages: string[] = [];
  const installed = basePackagesOf(base, universe);
  const removed: SackPackage[] = [];
  const inactiveRemovals: string[] = [];
  for (const name of requests.removals) {
    const found = installed.filter((p) => p.name === name);
    if (found.length > 1) throw new Error(`Multiple packages match "${name}"`);
    if (found[0]) removed.push(found[0]);
    else inactiveRemovals.push(name);
  }
  if (inactiveRemovals.length > 0)
    messages.push('Inactive base removals:', ...inactiveRemovals.map((n) => `  ${n}`));
  const removedNames = new Set(removed.map((p) => p.name));
  const active: string[] = [];
  const inactive: string[] = [];
  for (const request of requests.requested) {
    const found = matchSubject(request, installed);
    if (found.length === 0) {
      active.push(request);
      continue;
    }
    const gone = found.find((p) => removedNames.has(p.name));
    if (gone)
      throw new Error(`Cannot request '${request}' provided by removed package '${nevra(gone)}'`);
    inactive.push(`  ${request} (already provided by ${nevra(found[0]!)})`);
  }
  if (inactive.length > 0) messages.push('Inactive requests:', ...inactive);
  if (active.length === 0 && removed.length === 0) return { plan: null, messages };

  const kept = installed.filter((p) => !removedNames.has(p.name));
  const layered = depsolve({
    requests: active,
    installed: kept,
    removedNames,
    available: universe.repoPackages(),
  });
  return {
    plan: {
      base,
      requests: active,
      removed,
      layered,
      packages: sortPackages([...kept, ...layered]),
      state: layerStateDigest(base.checksum, active, removed),
    },
    messages,
  };
}
