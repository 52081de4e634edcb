import { followTransaction } from './follow-transaction.ts';
import type { TransactionOptions, TransactionOutcome } from './transaction-session.ts';

export interface AttachTransactionOptions extends TransactionOptions {
  /**
   * Call Start() to learn the outcome for sure (default false). On a started
   * transaction Start returns false and is harmless, and on a finished one
   * the daemon re-emits Finished to this connection only. But on a
   * transaction its initiator has not started yet, Start *starts* it — so
   * join only a transaction this app asked for (e.g. after a restart).
   */
  readonly join?: boolean;
}

/**
 * Watches someone else's transaction (the address in `ActiveTransactionPath`),
 * the way `rpm-ostree status` does: connect, read Title and
 * InitiatingClientDescription, stream events until Finished. Without `join`
 * it never calls Start, so it has no side effect and learns the outcome from
 * the Finished signal the daemon broadcasts to every peer.
 *
 * - If the transaction had already finished before this client connected, no
 *   Finished will come; the daemon drops the connection (at most 30 s after
 *   finishing) and this rejects with TransactionVanishedError, as it does when
 *   the daemon dies. Use `join` when the outcome itself matters.
 * - The AbortSignal detaches: the connection is closed and this rejects with
 *   the signal's reason. It never cancels (see cancelTransaction).
 */
export function attachTransaction(
  address: string,
  options: AttachTransactionOptions,
): Promise<TransactionOutcome> {
  if (options.signal?.aborted) return Promise.reject(options.signal.reason as Error);
  const join = options.join === true;
  return followTransaction(address, options, {
    start: join,
    onAbort: 'detach',
    observedOnly: !join,
  });
}
