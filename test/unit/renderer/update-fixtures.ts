/** Builders for update-related contract objects: diffs, advisories, activities. */
import type { PackageSearchHit } from '../../../daemon-bridge/contract/packages.ts';
import type {
  Activity,
  Advisory,
  AvailableUpdate,
  CachedUpdate,
  PackageChange,
  PackageChangeKind,
  UpdateChanges,
} from '../../../daemon-bridge/contract/updates.ts';
import { changesFingerprint, summarizeUpdate } from '../../../daemon-bridge/contract/updates.ts';
import { checksumOf } from './fixtures.ts';

const changeKinds: readonly PackageChangeKind[] = ['upgraded', 'added', 'removed', 'downgraded'];

/** `count` package changes with distinct names, kinds cycling through all four. */
export function packageChanges(count: number): PackageChange[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = changeKinds[i % changeKinds.length] ?? 'upgraded';
    const old = { evr: `1.${i}-1.fc41`, arch: 'x86_64' };
    const neu = { evr: `1.${i}-2.fc41`, arch: 'x86_64' };
    return {
      name: `pkg-${String(i).padStart(5, '0')}`,
      kind,
      previous: kind === 'added' ? null : kind === 'downgraded' ? neu : old,
      next: kind === 'removed' ? null : kind === 'downgraded' ? old : neu,
      layered: false,
    };
  });
}

export function advisory(id: string, overrides: Partial<Advisory> = {}): Advisory {
  return {
    id,
    kind: 'security',
    severity: 'moderate',
    packages: [`${id.toLowerCase()}-pkg-1.0-1.fc41.x86_64`],
    cves: [{ url: `https://example.invalid/${id}`, title: `CVE for ${id}` }],
    ...overrides,
  };
}

/** The rows of every update built here, by changesId: what a bridge would answer `updateChanges` with. */
const rowsById = new Map<string, readonly PackageChange[]>();

/** A parsed CachedUpdate (rows included); `changeCount` and `changesId` follow `changes`. */
export function cachedUpdate(
  overrides: Partial<Omit<CachedUpdate, 'changeCount' | 'changesId'>> = {},
): CachedUpdate {
  const changes = overrides.changes ?? packageChanges(8);
  const changesId = changesFingerprint(changes);
  rowsById.set(changesId, changes);
  return {
    osname: 'fedora',
    checksum: checksumOf('e'),
    version: '41.20241112.0',
    timestamp: 1_731_400_000,
    origin: 'fedora:fedora/41/x86_64/silverblue',
    newBaseCommit: true,
    advisories: [],
    stagedDeploymentId: null,
    ...overrides,
    changes,
    changeCount: changes.length,
    changesId,
  };
}

/** The state's summary of `cachedUpdate(overrides)`; its rows are kept for `rowsOfUpdate`. */
export function availableUpdate(
  overrides: Partial<Omit<CachedUpdate, 'changeCount' | 'changesId'>> = {},
): AvailableUpdate {
  return summarizeUpdate(cachedUpdate(overrides));
}

/** The rows of an update built here, as the bridge's `updateChanges` gives them; null when unknown. */
export function rowsOfUpdate(changesId: string): UpdateChanges | null {
  const changes = rowsById.get(changesId);
  return changes ? { changesId, changes } : null;
}

export function activity(overrides: Partial<Activity> = {}): Activity {
  return {
    title: 'Upgrade',
    initiator: 'client(id:ostree-update-manager uid:1000)',
    owner: 'this-app',
    commandLine: 'rpm-ostree upgrade',
    phase: 'running',
    tasks: [
      { text: 'Receiving metadata objects', done: true },
      { text: 'Receiving objects', done: false },
    ],
    percent: { text: 'Receiving objects', value: 42 },
    download: {
      bytesTransferred: 52_400_000,
      bytesPerSecond: 2_100_000,
      fetched: 420,
      requested: 1000,
      metadataFetched: 12,
      outstandingFetches: 8,
      elapsedSeconds: 25,
      etaSeconds: 130,
    },
    messages: ['Receiving objects: 42% (420/1000) 2.1 MB/s'],
    error: null,
    startedAt: 1_731_500_000_000,
    endedAt: null,
    ...overrides,
  };
}

export function searchHit(
  name: string,
  overrides: Partial<PackageSearchHit> = {},
): PackageSearchHit {
  const version = overrides.version ?? '1.0';
  const arch = overrides.arch ?? 'x86_64';
  const evr = overrides.evr ?? `${version}-1.fc43`;
  return {
    name,
    epoch: 0,
    version,
    arch,
    nevra: `${name}-${evr}.${arch}`,
    evr,
    summary: `The ${name} program`,
    repo: 'fedora',
    match: 'name-and-summary',
    ...overrides,
  };
}

/** What a search for "htop" finds in the sandbox's repositories. */
export function searchHits(): PackageSearchHit[] {
  return [
    searchHit('htop', {
      version: '3.4.1',
      evr: '3.4.1-2.fc43',
      summary: 'Interactive process viewer',
    }),
    searchHit('htop', {
      version: '3.4.1',
      evr: '3.4.1-2.fc43',
      arch: 'i686',
      summary: 'Interactive process viewer',
    }),
    searchHit('btop', { match: 'summary', summary: 'Modern and colorful htop alternative' }),
  ];
}
