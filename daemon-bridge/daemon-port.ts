import type { PackageSearchHit } from './contract/packages.ts';
import type { PackageChange, UpdateChanges } from './contract/updates.ts';
import type { TransactionRequest } from './requests.ts';
import type { TransactionEvent } from './rpm-ostree/transaction/events.ts';
import type { TransactionInfo, TransactionOutcome } from './rpm-ostree/transaction/index.ts';
import type { CachedDiff } from './rpm-ostree/verbs/rpm-diffs.ts';

export interface FollowHandlers {
  readonly onEvent: (event: TransactionEvent) => void;
  readonly onInfo: (info: TransactionInfo) => void;
  readonly signal?: AbortSignal;
}

/**
 * What the manager needs from the daemon side. DaemonLink implements it over
 * D-Bus; the manager only orchestrates (queue, busy, activity, refresh).
 */
export interface DaemonPort {
  /** Sysroot.Reload then a fresh read (the CLI's pattern after a transaction). */
  refresh(): Promise<unknown>;
  /** Calls the method for `request`; resolves with the transaction address, "" for none. */
  start(request: TransactionRequest): Promise<string>;
  /** `run`: Start and stream until Finished; `attach`: observe someone else's. */
  follow(
    address: string,
    how: 'run' | 'attach',
    handlers: FollowHandlers,
  ): Promise<TransactionOutcome>;
  /** Transaction.Cancel on a transaction this app did not start (`rpm-ostree cancel`). */
  cancel(address: string): Promise<void>;
  /** The package rows of the booted OS's cached update, as last read; null when there is none. */
  updateChanges(): Promise<UpdateChanges | null>;
  compare(fromId: string, toId: string): Promise<readonly PackageChange[]>;
  cachedDeployDiff(revision: string): Promise<CachedDiff>;
  /** OS.Search over the daemon's package repositories. */
  searchPackages(terms: readonly string[]): Promise<readonly PackageSearchHit[]>;
  /** Reboots into the default deployment (logind, or the sandbox's reboot). */
  reboot(): Promise<void>;
}
