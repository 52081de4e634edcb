/**
 * Domain types shared by every runtime. Plain, readonly, JSON-safe data:
 * no Variants, no BigInts, no class instances. Parsers in daemon-bridge turn
 * daemon replies into these; the renderer only ever sees these.
 */

import type { DaemonKind } from './capabilities.ts';
import type { DesktopState } from './desktop.ts';
import type { HealthState } from './health.ts';
import type { Activity, AvailableUpdate, QueuedRequest, UpdateCheck } from './updates.ts';

/** Where a deployment's base comes from. */
export type Origin =
  | { readonly kind: 'ref'; readonly refspec: string }
  | { readonly kind: 'checksum'; readonly checksum: string }
  | {
      readonly kind: 'container';
      readonly reference: string;
      readonly digest: string | null;
    }
  | { readonly kind: 'unknown' };

/** One RPM (or deb) package as the daemon describes it in `(sstsss)` tuples. */
export interface PackageRef {
  readonly nevra: string;
  readonly name: string;
  readonly epoch: number;
  readonly version: string;
  readonly release: string;
  readonly arch: string;
}

export interface PackageReplacement {
  readonly replacement: PackageRef;
  readonly original: PackageRef;
}

/** How the deployment's files may be modified in place (`ostree admin unlock`). */
export type UnlockState = 'none' | 'hotfix' | 'development' | 'transient' | 'unknown';

/** A deployment as reported in the daemon's deployment dictionary (a{sv}). */
export interface Deployment {
  /** `<osname>-<checksum>.<serial>`: the daemon's handle for diffs. */
  readonly id: string;
  readonly osname: string;
  readonly serial: number;
  /** Deployed commit; for layered deployments the client-side layered commit. */
  readonly checksum: string;
  /** Base (server) commit; equals `checksum` when nothing is layered. */
  readonly baseChecksum: string;
  readonly version: string | null;
  /** Base version for layered deployments, else the same as `version`. */
  readonly baseVersion: string | null;
  /** Commit time in Unix seconds, or null when the daemon did not say. */
  readonly timestamp: number | null;
  readonly origin: Origin;
  readonly booted: boolean;
  readonly staged: boolean;
  readonly pinned: boolean;
  readonly finalizationLocked: boolean;
  readonly unlocked: UnlockState;
  /** Layered packages active in this deployment (`packages`). */
  readonly layeredPackages: readonly string[];
  readonly requestedPackages: readonly string[];
  readonly requestedLocalPackages: readonly string[];
  readonly requestedBaseRemovals: readonly string[];
  readonly requestedBaseLocalReplacements: readonly string[];
  readonly baseRemovals: readonly PackageRef[];
  readonly baseLocalReplacements: readonly PackageReplacement[];
  readonly gpgEnabled: boolean | null;
  readonly signatureCount: number;
  readonly endOfLife: string | null;
}

/** The place a deployment takes relative to the booted one (libostree's view). */
export type DeploymentRole = 'booted' | 'pending' | 'rollback' | 'other';

export type AutomaticUpdatePolicy = 'none' | 'check' | 'stage' | 'apply' | 'unknown';

/** `Sysroot.ActiveTransaction` while a transaction exists. */
export interface ActiveTransaction {
  readonly method: string;
  readonly initiator: string;
  readonly osPath: string;
  /** Peer-to-peer address (`ActiveTransactionPath`). */
  readonly address: string;
}

/** A deployment's kernel command line, as its boot entry has it (GetDeploymentBootConfig). */
export interface BootOptions {
  readonly deploymentId: string;
  /** The entry's `options`, including the `ostree=` argument libostree manages. */
  readonly options: string;
}

/** What the daemon told us about the system, parsed once at the edge. */
export interface SystemState {
  readonly sysrootPath: string;
  /** Osname of the booted deployment, or null when the system is not booted into ostree. */
  readonly bootedOsname: string | null;
  /** All deployments in boot order: index 0 boots next. */
  readonly deployments: readonly Deployment[];
  readonly bootedId: string | null;
  readonly pendingId: string | null;
  readonly rollbackId: string | null;
  readonly automaticUpdatePolicy: AutomaticUpdatePolicy;
  readonly activeTransaction: ActiveTransaction | null;
  /** The booted OS's CachedUpdate: what an upgrade would bring; null when none is known. */
  readonly cachedUpdate: AvailableUpdate | null;
  /** Kernel arguments of the booted and the pending deployment, once read. */
  readonly bootOptions: readonly BootOptions[];
  /** Wall-clock time (ms since epoch) of the read this state came from. */
  readonly readAt: number;
}

/** The daemons that speak the rpm-ostree D-Bus API (one profile each in rpm-ostree/profile.ts). */
export type DaemonFlavour = 'rpm-ostree' | 'apt-ostree';

export interface DaemonIdentity {
  /** Which daemon: its capabilities come from contract/capabilities.ts. */
  readonly flavour: DaemonKind;
  readonly busName: string;
}

/**
 * Connection to the update daemon. `ready` keeps the last good state even
 * while the daemon is being re-activated after an idle exit.
 */
export type DaemonStatus =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'ready'; readonly daemon: DaemonIdentity }
  | { readonly kind: 'absent'; readonly message: string }
  | { readonly kind: 'unavailable'; readonly daemon: DaemonIdentity; readonly message: string }
  | { readonly kind: 'error'; readonly error: AppError };

/** How the app was started: against the system's daemon or the embedded sandbox. */
export type RunMode =
  | { readonly kind: 'system' }
  | { readonly kind: 'sandbox'; readonly dir: string; readonly reason: 'requested' | 'no-daemon' };

/** The one snapshot the renderer draws from. Replaced whole on every change. */
export interface AppState {
  readonly mode: RunMode;
  readonly daemon: DaemonStatus;
  /** Null until the first successful read. Kept (stale) while the daemon is away. */
  readonly system: SystemState | null;
  /** The transaction running now, or the last one until dismissed. */
  readonly activity: Activity | null;
  /** The last update check this app ran. */
  readonly lastCheck: UpdateCheck | null;
  /** A request waiting for another client's transaction to finish. */
  readonly queued: QueuedRequest | null;
  /** Tray, notifications, the app's settings and background checks. */
  readonly desktop: DesktopState;
  /** Health checks (daemon-bridge/health/). */
  readonly health: HealthState;
}

/** The closed set of failure kinds (STYLE.md §8). */
export type ErrorKind =
  | 'not-authorized'
  | 'daemon-unavailable'
  | 'daemon-busy'
  | 'transaction-failed'
  | 'cancelled'
  | 'invalid-input'
  | 'protocol';

export interface AppError {
  readonly kind: ErrorKind;
  /** A sentence for people; the daemon's own text where there is one. */
  readonly message: string;
  /** Machine detail, e.g. the D-Bus error name. */
  readonly detail?: string;
}

/** Expected failures cross process boundaries as values, never as rejections. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: AppError): Result<T> => ({ ok: false, error });

/** For exhaustive switches over discriminated unions. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
