import type { KeyFile } from './keyfile.ts';

/** The package requests an origin file records (`[packages] requested`, `[overrides] remove`). */
export interface PackageRequests {
  /** Requested packages/capabilities, sorted (rpm-ostree keeps a sorted set). */
  readonly requested: readonly string[];
  /** Base package names removed by override, sorted. */
  readonly removals: readonly string[];
}

/** Sorted, without duplicates. */
export const sortedSet = (items: Iterable<string>): string[] => [...new Set(items)].sort();

/** The requests of an origin (none without an origin). */
export function originRequests(origin: KeyFile | null): PackageRequests {
  return {
    requested: sortedSet(origin?.stringList('packages', 'requested') ?? []),
    removals: sortedSet(origin?.stringList('overrides', 'remove') ?? []),
  };
}

/** Keys whose presence makes a deployment need a client-side layer. */
const LOCAL_ASSEMBLY: readonly [string, string][] = [
  ['packages', 'requested-local'],
  ['packages', 'requested-local-fileoverride'],
  ['overrides', 'replace-local'],
  ['overrides', 'replace'],
];

/**
 * The origin file text for `origin` with `requests` in place, written the
 * way rpm-ostree's treefile_to_origin does: lists as `a;b;` (omitted when
 * empty), `baserefspec=` when the deployment is layered and `refspec=` when
 * it is not. Other keys are kept, but not a hotfix `unlocked=` (it belongs
 * to the old deployment) nor `[libostree-transient]` (libostree drops it
 * on deploy anyway).
 */
export function originText(origin: KeyFile, requests: PackageRequests): string {
  const layered =
    requests.requested.length > 0 ||
    requests.removals.length > 0 ||
    LOCAL_ASSEMBLY.some(([g, k]) => (origin.stringList(g, k) ?? []).length > 0);
  const groups = new Map<string, Map<string, string>>();
  for (const group of origin.groupNames()) {
    if (group === 'libostree-transient') continue;
    const keys = new Map<string, string>();
    for (const key of origin.keys(group)) {
      // A hotfix unlock belongs to the deployment it was made on.
      if (group === 'origin' && key === 'unlocked') continue;
      keys.set(key, origin.raw(group, key) ?? '');
    }
    groups.set(group, keys);
  }
  const set = (group: string, key: string, value: string | null) => {
    const keys = groups.get(group) ?? new Map<string, string>();
    if (value === null) keys.delete(key);
    else keys.set(key, value);
    groups.set(group, keys);
  };
  const list = (items: readonly string[]) => (items.length > 0 ? `${items.join(';')};` : null);
  const origins = groups.get('origin');
  const refspec = origins?.get('refspec') ?? origins?.get('baserefspec');
  if (refspec !== undefined) {
    set('origin', 'refspec', layered ? null : refspec);
    set('origin', 'baserefspec', layered ? refspec : null);
  }
  set('packages', 'requested', list(requests.requested));
  set('overrides', 'remove', list(requests.removals));
  const sections: string[] = [];
  for (const [group, keys] of groups) {
    if (keys.size === 0) continue;
    sections.push([`[${group}]`, ...[...keys].map(([k, v]) => `${k}=${v}`)].join('\n'));
  }
  return `${sections.join('\n\n')}\n`;
}
