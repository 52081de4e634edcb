/**
 * When a health check warns, and why these numbers (issue #6). The README's
 * "Health checks" section says the same for users.
 *
 * - /boot: a new deployment whose kernel changed adds one kernel + initramfs
 *   pair to /boot (ostree writes the new pair before it removes an old one).
 *   Less free space than the biggest pair there now is a `problem` (the next
 *   finalization fails, as ostree-finalize-staged does with ENOSPC); less
 *   than 100 MiB is a `warning` (a Fedora pair is 60–120 MiB).
 * - /sysroot: ostree refuses to write objects below its default
 *   `min-free-space-percent` of 3 % (a `problem`: pulls fail); below 1 GiB a
 *   `warning`, since an update brings a few hundred MiB of new objects.
 * - Update age: no update for 30 days is a `warning`. "An update" is the
 *   newest of: the booted or pending deployment's commit date (what the
 *   daemon reports as `timestamp`: the system runs something that new), a
 *   check by this app that found nothing newer (the system was current
 *   then), an upgrade or deploy by this app that succeeded.
 * - Stalled transaction: the daemon says a transaction runs
 *   (Sysroot.ActiveTransaction) and the app has seen no progress signal or
 *   message of it for 10 minutes — a `warning` whose fix is Cancel.
 */
export interface HealthPolicy {
  readonly bootMinFreeBytes: number;
  readonly sysrootMinFreeBytes: number;
  /** ostree's `min-free-space-percent` default. */
  readonly sysrootReservedPercent: number;
  readonly maxUpdateAgeDays: number;
  readonly stallAfterMinutes: number;
}

const MiB = 1024 * 1024;

export const defaultHealthPolicy: HealthPolicy = {
  bootMinFreeBytes: 100 * MiB,
  sysrootMinFreeBytes: 1024 * MiB,
  sysrootReservedPercent: 3,
  maxUpdateAgeDays: 30,
  stallAfterMinutes: 10,
};

export const DAY_MS = 24 * 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;
