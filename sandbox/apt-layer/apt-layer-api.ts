/**
 * The apt-layer D-Bus API as this sandbox serves it (reference
 * seeds/apt-layer-daemon.txt), with the two things the seed leaves open
 * written down as assumptions. daemon-bridge/apt-layer/protocol.ts states
 * the same contract from the client's side; sandbox/ cannot import it, so
 * test/unit/bridge/apt-layer-protocol.test.ts checks that both agree.
 *
 * Assumption 1 — Status() returns one JSON object (UTF-8 text):
 *
 *   { "version": 1,                       format version; anything else is refused
 *     "sysroot": "/abs/path/sysroot",     the sysroot the daemon manages
 *     "booted": "<deployment id>" | null, the booted deployment (also flagged below)
 *     "deployments": [                    boot order: index 0 boots next
 *       { "id": "<osname>-<checksum>.<serial>", "osname", "serial": int,
 *         "checksum": deployed commit, "base_checksum": its base commit
 *         (= checksum when nothing is layered), "version": string | null,
 *         "timestamp": commit time in Unix seconds | null,
 *         "origin": "remote:ref" | null, "booted", "staged", "pinned": bool,
 *         "packages": [names asked for with Install, active in it] } ],
 *     "transaction": null | { "id", "operation": "install" | "uninstall" |
 *         "upgrade" | "rollback", "packages": [names], "initiator": sender } }
 *
 * (this daemon always sends a transaction's `packages` and `initiator`; a
 * client may not rely on them). Unknown keys are to be ignored.
 *
 * Assumption 2 — a transaction is followed through TransactionProgress
 * (s id, i progress, s message): progress 0–99 while it runs, each with a
 * line saying what it does; it ends with exactly one terminal signal:
 * progress 100 = success (message "done", or a final line such as
 * "No change." / "No upgrade available."), progress -1 = failure (message =
 * the error text). The method call returns the id before the first signal,
 * and Status() no longer shows the transaction when its terminal signal
 * goes out.
 *
 * Further choices: one transaction at a time — a call while one runs gets
 * BUSY_ERROR naming the running one; bad arguments get InvalidArgs.
 */

export const APT_LAYER_BUS_NAME = 'org.debian.aptostree1';
export const APT_LAYER_OBJECT_PATH = '/org/debian/aptostree1';
export const APT_LAYER_INTERFACE = 'org.debian.aptostree1';

/** Status() JSON format version (assumption 1). */
export const STATUS_VERSION = 1;

/** Terminal TransactionProgress values (assumption 2). */
export const PROGRESS_DONE = 100;
export const PROGRESS_FAILED = -1;
/** The message of a terminal success signal that says nothing more. */
export const DONE_MESSAGE = 'done';

/** The D-Bus error for a call while another transaction runs. */
export const BUSY_ERROR = 'org.debian.aptostree1.Error.TransactionInProgress';
export const INVALID_ARGS = 'org.freedesktop.DBus.Error.InvalidArgs';

export type Operation = 'install' | 'uninstall' | 'upgrade' | 'rollback';

/** One deployment in Status() (assumption 1). */
export interface StatusDeployment {
  readonly id: string;
  readonly osname: string;
  readonly serial: number;
  readonly checksum: string;
  readonly base_checksum: string;
  readonly version: string | null;
  readonly timestamp: number | null;
  readonly origin: string | null;
  readonly booted: boolean;
  readonly staged: boolean;
  readonly pinned: boolean;
  readonly packages: readonly string[];
}

export interface StatusTransaction {
  readonly id: string;
  readonly operation: Operation;
  readonly packages: readonly string[];
  readonly initiator: string;
}

/** The whole Status() reply (assumption 1). */
export interface StatusReply {
  readonly version: typeof STATUS_VERSION;
  readonly sysroot: string;
  readonly booted: string | null;
  readonly deployments: readonly StatusDeployment[];
  readonly transaction: StatusTransaction | null;
}
