import { DBusCallError, LOCAL_DISCONNECTED } from '../../dbus/call.ts';

/**
 * The transaction connection closed before `Finished`: the daemon exited or
 * dropped the connection mid-transaction, so the outcome is unknown. It is a
 * DBusCallError with the Disconnected name, so the bridge's error mapping
 * reports it as "daemon unavailable".
 */
export class TransactionVanishedError extends DBusCallError {
  constructor(
    /** The transaction's Title, if it was read before the connection went. */
    readonly title: string,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(LOCAL_DISCONNECTED, message, 'Transaction');
    this.message = message;
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** The default message for a daemon vanishing mid-transaction. */
export function vanishedMessage(title: string, observedOnly: boolean): string {
  const what = title ? `transaction "${title}"` : 'transaction';
  const hint = observedOnly ? ' (or it had already finished before this client attached)' : '';
  return `The daemon vanished mid-transaction: the connection to the ${what} closed before it finished${hint}.`;
}
