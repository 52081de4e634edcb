/**
 * Failure texts of the real rpm-ostreed and libostree that the
 * `fail-transaction` fault injects, with where each comes from and how the
 * daemon sends it: as the method's error (`call`, with its GIO error code,
 * reference §10) or as `Finished(false, text)` once the transaction runs.
 */
export interface FailureText {
  readonly delivery: 'call' | 'finished';
  /** G_IO_ERROR code for `call` failures (0 FAILED, 26 BUSY). */
  readonly code?: 0 | 26;
  readonly text: string;
}

export const FAILURE_TEXTS = {
  /**
   * rpmostreed-transaction.cxx, transaction initable_init: another process
   * (`ostree admin`, bootc, a second daemon) holds the sysroot lock, so the
   * transaction cannot even be created. G_IO_ERROR_BUSY — the same error
   * name as "Transaction in progress", but no transaction of the daemon's
   * is there to wait for.
   */
  'sysroot-locked': { delivery: 'call', code: 26, text: 'System transaction in progress' },
  /** rpmostreed-sysroot.cxx, rpmostreed_sysroot_prep_for_txn, after a transaction asked for a reboot. */
  'reboot-initiated': {
    delivery: 'call',
    code: 0,
    text: 'Reboot initiated, cannot start new transaction',
  },
  /**
   * libostree ostree-repo-commit.c throw_min_free_space_error: the sysroot's
   * repository would go below its reserve (3 % by default) while writing
   * pulled objects.
   */
  'min-free-space': {
    delivery: 'finished',
    text: "min-free-space-percent '3%' would be exceeded",
  },
  /**
   * rpmostreed-transaction.cxx transaction_execute_thread: rpm-ostree's own
   * failpoint `transaction::execute` (FAILPOINTS=transaction::execute=return),
   * whose anyhow error text is "failpoint <name>".
   */
  'failpoint-execute': { delivery: 'finished', text: 'failpoint transaction::execute' },
} as const satisfies Record<string, FailureText>;

export type FailureName = keyof typeof FAILURE_TEXTS;
