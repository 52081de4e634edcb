import { followTransaction } from './follow-transaction.ts';
import type { TransactionOptions, TransactionOutcome } from './transaction-session.ts';

/**
 * Runs a transaction the app asked the daemon for: connect to `address`,
 * read Title/InitiatingClientDescription, call Start, stream typed events
 * to `onEvent` until Finished, close.
 *
 * - Finished(success, message) resolves, whether success is true or false.
 * - Start() == false means the transaction was already started (a joined
 *   method call); if it had already finished, the daemon re-emits Finished
 *   right after the reply and that is the outcome (`started: false`).
 * - The AbortSignal calls Cancel() and keeps waiting for Finished (usually
 *   Finished(false, …), but work past its last cancellation point may still
 *   succeed). Aborting before Start still calls Start first: an unstarted
 *   transaction would block the daemon until this app leaves the bus.
 * - The socket closing before Finished rejects with TransactionVanishedError
 *   at once: there is no timeout on Finished, so a dead peer is the only way
 *   out and must not hang.
 * - Connect failures reject with PeerError; a malformed Start reply or
 *   Finished with ParseError; a D-Bus error reply to Start with DBusCallError.
 */
export function runTransaction(
  address: string,
  options: TransactionOptions,
): Promise<TransactionOutcome> {
  return followTransaction(address, options, {
    start: true,
    onAbort: 'cancel',
    observedOnly: false,
  });
}
