/**
 * Health checks and the diagnostics file (issue #6). The bridge measures
 * (daemon-bridge/health/), the renderer words it (renderer/i18n/strings.ts)
 * and offers the fix. Plain readonly data, part of AppState, so both
 * transports carry it. A check that could not run says so (`unknown` with
 * its reason); it is never reported as fine.
 */

/** `problem`: the next update will fail or already did; `unknown`: the check could not run. */
export type HealthStatus = 'ok' | 'warning' | 'problem' | 'unknown';

export const healthStatuses: readonly HealthStatus[] = ['ok', 'warning', 'problem', 'unknown'];

interface CheckBase {
  readonly status: HealthStatus;
  /** Why the check could not run (`unknown`), in the probe's own words; else null. */
  readonly reason: string | null;
}

/**
 * Free space where a new deployment is written: `/boot` (its kernel and
 * initramfs) and `/sysroot` (its files in the ostree repository).
 * `problem` below `requiredBytes`, `warning` below `recommendedBytes`.
 */
export interface DiskSpaceCheck extends CheckBase {
  readonly kind: 'boot-space' | 'sysroot-space';
  /** The directory measured (the sandbox's own in sandbox mode). */
  readonly path: string;
  readonly freeBytes: number | null;
  readonly totalBytes: number | null;
  /**
   * Below this the next deployment cannot be written: /boot, the biggest
   * kernel + initramfs pair there now; /sysroot, ostree's default
   * min-free-space-percent (3 %) of the filesystem. Null when unknown.
   */
  readonly requiredBytes: number | null;
  /** Below this, a warning (daemon-bridge/health/thresholds.ts). */
  readonly recommendedBytes: number;
}

/** The previous boot's ostree-finalize-staged, as `rpm-ostree status` reads it from the journal. */
export interface FinalizeCheck extends CheckBase {
  readonly kind: 'finalize';
  /** ostree's last `error:` line, or systemd's result line, when the journal has one. */
  readonly message: string | null;
  /** When the failed finalization started (ms since epoch), from the journal. */
  readonly failedAt: number | null;
  /** The boot the failure belongs to (the previous one). */
  readonly bootId: string | null;
}

/** How long since the system last got an update (see thresholds.ts for what counts). */
export interface UpdateAgeCheck extends CheckBase {
  readonly kind: 'update-age';
  /** The newest evidence of an up-to-date system (ms since epoch). */
  readonly lastUpdateAt: number | null;
  /** Where `lastUpdateAt` comes from. */
  readonly basis: UpdateAgeBasis | null;
  /** Whole days since `lastUpdateAt`. */
  readonly ageDays: number | null;
  readonly maxAgeDays: number;
}

/**
 * `deployment`: the booted or pending deployment's commit date (the daemon's
 * `timestamp`); `check`: a check by this app that found nothing newer;
 * `stage`: an upgrade or deploy by this app that succeeded.
 */
export type UpdateAgeBasis = 'deployment' | 'check' | 'stage';

/** A transaction the daemon says runs, with no progress signal for a long time. */
export interface StalledTransactionCheck extends CheckBase {
  readonly kind: 'stalled-transaction';
  /** The transaction's title (or method) while one runs. */
  readonly title: string | null;
  /** The last progress signal or message seen (ms since epoch), while one runs. */
  readonly lastProgressAt: number | null;
  readonly stallAfterMinutes: number;
}

export type HealthCheck = DiskSpaceCheck | FinalizeCheck | UpdateAgeCheck | StalledTransactionCheck;
export type HealthCheckKind = HealthCheck['kind'];

export interface HealthState {
  /** When the probes (disk, journal) last finished (ms since epoch); null before the first run. */
  readonly checkedAt: number | null;
  /** Probes are running now. */
  readonly running: boolean;
  /** In a fixed order: boot-space, sysroot-space, finalize, update-age, stalled-transaction. */
  readonly checks: readonly HealthCheck[];
}

export const initialHealthState: HealthState = { checkedAt: null, running: false, checks: [] };

/**
 * The diagnostics file: one JSON document (daemon-bridge/health/diagnostics.ts).
 * `download`: the caller offers `content` to the user itself (web mode);
 * `saved`/`cancelled`: the Electron main process already asked where to save it.
 */
export interface DiagnosticsFile {
  readonly fileName: string;
  readonly content: string;
  readonly delivery:
    | { readonly kind: 'download' }
    | { readonly kind: 'saved'; readonly path: string }
    | { readonly kind: 'cancelled' };
}
