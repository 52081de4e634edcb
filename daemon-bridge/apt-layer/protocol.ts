/**
 * apt-layer's D-Bus API (reference seeds/apt-layer-daemon.txt): bus name
 * org.debian.aptostree1, object /org/debian/aptostree1, interface
 * org.debian.aptostree1 with Status() → s, Install(as) → s, Uninstall(as)
 * → s, Upgrade() → s, Rollback() → s (each → a transaction id) and the
 * signal TransactionProgress(s id, i progress, s message).
 *
 * The seed does not say what Status()'s string holds nor how a transaction
 * ends. This client assumes — and the sandbox's apt-layer daemon
 * (sandbox/apt-layer/apt-layer-api.ts) serves — the following, and refuses
 * anything else as a protocol error naming the key:
 *
 * 1. Status() returns a JSON object: `version` 1; `sysroot` (string);
 *    `booted` (the booted deployment's id or null); `deployments` in boot
 *    order, each with `id`, `osname`, `serial` (integer), `checksum`,
 *    `base_checksum`, `version` (string|null), `timestamp` (Unix seconds|
 *    null), `origin` ("remote:ref"|null), `booted`, `staged`, `pinned`
 *    (booleans) and `packages` (the names layered with Install); and
 *    `transaction`: null or `{ id, operation, packages, initiator }` with
 *    `operation` one of install, uninstall, upgrade, rollback. Unknown keys
 *    are ignored.
 * 2. TransactionProgress: 0–99 while the transaction runs (the message says
 *    what it does); exactly one terminal signal: 100 = success (message
 *    "done" or a final line such as "No change."), -1 = failure (message =
 *    the error). The method returns the id before the first signal, and
 *    Status() stops showing the transaction once its terminal signal is out.
 * 3. A call while a transaction runs fails with BUSY_ERROR; InvalidArgs for
 *    bad arguments. There is no Cancel.
 */
import type { DaemonIdentity } from '../contract/domain.ts';
import { APT_LAYER_BUS_NAME } from '../detect.ts';

export { APT_LAYER_BUS_NAME };
export const APT_LAYER_OBJECT_PATH = '/org/debian/aptostree1';
export const APT_LAYER_INTERFACE = 'org.debian.aptostree1';

/** The identity the manager reports for this daemon. */
export const APT_LAYER_IDENTITY: DaemonIdentity = {
  flavour: 'apt-layer',
  busName: APT_LAYER_BUS_NAME,
};

export const STATUS_VERSION = 1;
export const PROGRESS_DONE = 100;
export const PROGRESS_FAILED = -1;
/** A terminal success message that adds nothing (not shown as a line). */
export const DONE_MESSAGE = 'done';

/** apt-layer's "a transaction is running" error (assumption 3). */
export const BUSY_ERROR = 'org.debian.aptostree1.Error.TransactionInProgress';

/**
 * What `start()` returns: the transaction id behind a prefix, so it can never
 * be mistaken for a D-Bus (peer-to-peer) address.
 */
export const ADDRESS_PREFIX = 'apt-layer:';

export const addressOf = (transactionId: string): string => `${ADDRESS_PREFIX}${transactionId}`;

/** The transaction id in an address from `addressOf`, or null for anything else. */
export function transactionIdOf(address: string): string | null {
  if (!address.startsWith(ADDRESS_PREFIX)) return null;
  const id = address.slice(ADDRESS_PREFIX.length);
  return id === '' ? null : id;
}
