/**
 * Domain types of updates and transactions (issue "Transactions, updates and
 * rollback"). Plain readonly data, parsed from the daemon at the edge.
 */

/** What happens to one package between two commits. */
export type PackageChangeKind = 'added' | 'removed' | 'upgraded' | 'downgraded';

/** One package version: `evr` = `[epoch:]version-release`. */
export interface PackageVersion {
  readonly evr: string;
  readonly arch: string;
}

/** One row of a package diff (GetDeploymentsRpmDiff / CachedUpdate `rpm-diff`). */
export interface PackageChange {
  readonly name: string;
  readonly kind: PackageChangeKind;
  /** Null for added packages. */
  readonly previous: PackageVersion | null;
  /** Null for removed packages. */
  readonly next: PackageVersion | null;
  /** True when the package is layered rather than part of the base (CachedUpdate only). */
  readonly layered: boolean;
}

/** `RpmOstreeAdvisorySeverity` (reference §8.4.2). */
export type AdvisorySeverity = 'none' | 'low' | 'moderate' | 'important' | 'critical';

/** libdnf `DnfAdvisoryKind`; the daemon only ever sends security advisories today. */
export type AdvisoryKind = 'security' | 'bugfix' | 'enhancement' | 'newpackage' | 'unknown';

export interface CveReference {
  readonly url: string;
  readonly title: string;
}

export interface Advisory {
  readonly id: string;
  readonly kind: AdvisoryKind;
  readonly severity: AdvisorySeverity;
  /** NEVRAs of the update's packages that the advisory covers. */
  readonly packages: readonly string[];
  readonly cves: readonly CveReference[];
}

/**
 * The daemon's cached "available update" (OS.CachedUpdate, reference §8.4)
 * as the state carries it: everything but the package rows, which can run
 * to tens of thousands and are asked for separately (`updateChanges`), so
 * every snapshot stays small.
 */
export interface AvailableUpdate {
  readonly osname: string;
  /** New base commit (or the current base when only layered packages changed). */
  readonly checksum: string;
  readonly version: string | null;
  readonly timestamp: number | null;
  readonly origin: string;
  readonly newBaseCommit: boolean;
  /** How many rows the package diff has. */
  readonly changeCount: number;
  /**
   * Names these rows (`changesFingerprint`): asked for with `updateChanges`.
   * The checksum alone does not: with only layered packages changing it
   * stays the current base while the rows change.
   */
  readonly changesId: string;
  /** Sorted by severity, most severe first. */
  readonly advisories: readonly Advisory[];
  /** Id of the staged deployment this update was computed against, if any. */
  readonly stagedDeploymentId: string | null;
}

/** OS.CachedUpdate as the bridge parsed it: the summary plus its package diff. */
export interface CachedUpdate extends AvailableUpdate {
  readonly changes: readonly PackageChange[];
}

/** The state's summary of a parsed CachedUpdate: the same object without its rows. */
export function summarizeUpdate(update: CachedUpdate): AvailableUpdate {
  const { changes: _rows, ...summary } = update;
  return summary;
}

/** The package diff of the update the state shows, named by its `changesId`. */
export interface UpdateChanges {
  readonly changesId: string;
  readonly changes: readonly PackageChange[];
}

/** `changesId`: 16 hex digits. */
export const CHANGES_ID_PATTERN = /^[0-9a-f]{16}$/;

/**
 * A content fingerprint of a package diff: two FNV-1a-style hashes (32 bits
 * each, different offsets and multipliers) over every field of every row, as
 * 16 hex digits; not cryptographic, it only tells diffs apart. Equal
 * rows give equal ids in any process; 10,000 rows take about a millisecond.
 */
export function changesFingerprint(changes: readonly PackageChange[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x0100019d);
    }
    // A separator, so ("ab", "c") and ("a", "bc") differ.
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = Math.imul(b ^ 0x1f, 0x0100019d);
  };
  for (const change of changes) {
    add(change.name);
    add(change.kind);
    add(change.previous?.evr ?? '-');
    add(change.previous?.arch ?? '-');
    add(change.next?.evr ?? '-');
    add(change.next?.arch ?? '-');
    add(change.layered ? 'L' : 'B');
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

/** Who holds the daemon's transaction. */
export type ActivityOwner = 'this-app' | 'another-client';

export type ActivityPhase = 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A task from TaskBegin … TaskEnd. */
export interface ActivityTask {
  readonly text: string;
  readonly done: boolean;
}

/** Derived from DownloadProgress. */
export interface DownloadStatus {
  readonly bytesTransferred: number;
  readonly bytesPerSecond: number;
  readonly fetched: number;
  readonly requested: number;
  readonly metadataFetched: number;
  readonly outstandingFetches: number;
  /** Seconds since the pull started. */
  readonly elapsedSeconds: number;
  /** Estimated seconds left, when it can be estimated honestly. */
  readonly etaSeconds: number | null;
}

/** What the activity panel shows: one transaction, as it happens. */
export interface Activity {
  readonly title: string;
  /** `InitiatingClientDescription`, e.g. `client(id:cli dbus:1.29 unit:… uid:0)`. */
  readonly initiator: string;
  readonly owner: ActivityOwner;
  /** The equivalent command line, e.g. `rpm-ostree upgrade`, when known. */
  readonly commandLine: string | null;
  readonly phase: ActivityPhase;
  readonly tasks: readonly ActivityTask[];
  /** Latest PercentProgress. */
  readonly percent: { readonly text: string; readonly value: number } | null;
  readonly download: DownloadStatus | null;
  /** Message lines, newest last, capped. */
  readonly messages: readonly string[];
  /** The daemon's own error text when the transaction failed. */
  readonly error: string | null;
  readonly startedAt: number;
  readonly endedAt: number | null;
}

/** Outcome of the last update check made by this app. */
export interface UpdateCheck {
  readonly at: number;
  readonly outcome: 'update-available' | 'up-to-date' | 'failed';
  readonly message: string | null;
}

/** A request waiting for another client's transaction to end. */
export interface QueuedRequest {
  readonly command: string;
  readonly commandLine: string;
  readonly since: number;
}

/** Parts of a deployment removed by Cleanup (reference §5.4). */
export type CleanupElement = 'base' | 'pending-deploy' | 'rollback-deploy' | 'repomd';

/** Whether a cached update brings anything: a new base commit or package changes. */
export function offersUpdate(update: AvailableUpdate): boolean {
  return update.newBaseCommit || update.changeCount > 0;
}
