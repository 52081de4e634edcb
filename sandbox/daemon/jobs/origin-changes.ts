import { matchSubject } from '../../packages/subject.ts';
import type { SackPackage } from '../../packages/universe.ts';
import { nevra } from '../../seed/packages.ts';
import { sortedSet } from '../../sysroot/origin-file.ts';
import type { PackageRequests } from '../../sysroot/origin-file.ts';

/** The package modifiers and options of a deploy transaction (reference §5.3.1, §5.3.2). */
export interface PackageChanges {
  readonly install: readonly string[];
  readonly uninstall: readonly string[];
  readonly overrideRemove: readonly string[];
  readonly overrideReset: readonly string[];
  readonly noLayering: boolean;
  readonly noOverrides: boolean;
  readonly idempotent: boolean;
  readonly allowInactive: boolean;
}

/** No modifiers at all (Upgrade, Deploy). */
export const NO_CHANGES: PackageChanges = {
  install: [],
  uninstall: [],
  overrideRemove: [],
  overrideReset: [],
  noLayering: false,
  noOverrides: false,
  idempotent: false,
  allowInactive: false,
};

/** A base removal as a layered commit records it (`rpmostree.removed-base-packages`). */
export interface RemovedPackage {
  readonly nevra: string;
  readonly name: string;
}

/** New requests plus whether the origin changed. */
export interface OriginEdit {
  readonly requests: PackageRequests;
  readonly changed: boolean;
}

/**
 * The layering part of deploy_transaction_execute, before any pull:
 * `no-layering` or uninstalls (rust treefile remove_packages), the
 * "already provided" check against the merge deployment's base packages
 * (unless `allow-inactive`), then the installs (add_packages).
 */
export function applyLayeringChanges(
  requests: PackageRequests,
  changes: PackageChanges,
  base: readonly SackPackage[],
): OriginEdit {
  const requested = new Set(requests.requested);
  let changed = false;
  if (changes.noLayering) {
    changed = requested.size > 0;
    requested.clear();
  } else {
    for (const name of changes.uninstall) {
      if (requested.delete(name)) changed = true;
      else if (!changes.idempotent)
        throw new Error(`Package/capability '${name}' is not currently requested`);
    }
  }
  if (!changes.allowInactive) {
    for (const name of changes.install) {
      const found = matchSubject(name, base);
      // The space before each NEVRA (and none after "by:") is the daemon's own format.
      if (found.length > 0)
        throw new Error(
          `"${name}" is already provided by:${found.map((p) => ` ${nevra(p)}`).join('')}. Use --allow-inactive to explicitly require it.`,
        );
    }
  }
  const added: string[] = [];
  for (const name of changes.install) {
    if (requested.has(name)) {
      if (!changes.idempotent) throw new Error(`Package/capability '${name}' is already requested`);
      continue;
    }
    added.push(name);
  }
  const before = requested.size;
  for (const name of added) requested.add(name);
  if (requested.size !== before) changed = true;
  return { requests: { ...requests, requested: sortedSet(requested) }, changed };
}

/**
 * `no-overrides` or `override-reset-packages` (by name, or by the NEVRA the
 * merge deployment's layer recorded for a removal).
 */
export function applyOverrideResets(
  requests: PackageRequests,
  changes: PackageChanges,
  mergeRemoved: readonly RemovedPackage[],
): OriginEdit {
  if (changes.noOverrides)
    return { requests: { ...requests, removals: [] }, changed: requests.removals.length > 0 };
  if (changes.overrideReset.length === 0) return { requests, changed: false };
  const removals = new Set(requests.removals);
  for (const item of changes.overrideReset) {
    const name = mergeRemoved.find((p) => p.nevra === item)?.name ?? item;
    if (!removals.delete(name)) throw new Error(`No overrides for package '${item}'`);
  }
  // The daemon counts any reset as a change.
  return { requests: { ...requests, removals: sortedSet(removals) }, changed: true };
}

/**
 * `override-remove-packages`, after the base is known: each must name
 * exactly one base package (canonicalised to its name) that has no
 * override yet.
 */
export function applyOverrideRemovals(
  requests: PackageRequests,
  remove: readonly string[],
  base: readonly SackPackage[],
): OriginEdit {
  if (remove.length === 0) return { requests, changed: false };
  const names = remove.map((item) => {
    const found = matchSubject(item, base);
    if (found.length === 0) throw new Error(`Package "${item}" not found`);
    if (found.length > 1) throw new Error(`Multiple packages match "${item}"`);
    return found[0]!.name;
  });
  const removals = new Set(requests.removals);
  for (const name of names) {
    if (removals.has(name)) throw new Error(`Override already exists for package '${name}'`);
    removals.add(name);
  }
  return { requests: { ...requests, removals: sortedSet(removals) }, changed: true };
}
