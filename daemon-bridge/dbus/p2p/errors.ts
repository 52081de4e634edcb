import { DBusCallError, LOCAL_DISCONNECTED, LOCAL_TIMEOUT } from '../call.ts';

/** Why a peer-to-peer connection could not be made or was lost. */
export type PeerErrorCode =
  /** The address string is malformed or names no transport we can use. */
  | 'bad-address'
  /** Only `unix:abstract=` was offered; Node cannot reach GLib abstract sockets. */
  | 'abstract-socket'
  /** The socket refused the connection or does not exist. */
  | 'refused'
  /** SASL authentication failed (rejected, or the server's guid did not match). */
  | 'auth-failed'
  /** Connecting and authenticating took longer than allowed. */
  | 'timeout'
  /** The peer closed the connection before it was ready. */
  | 'closed'
  /** The peer sent bytes that are not D-Bus. */
  | 'protocol';

const ERROR_NAMES: Readonly<Record<PeerErrorCode, string>> = {
  'bad-address': 'org.freedesktop.DBus.Error.BadAddress',
  'abstract-socket': 'org.freedesktop.DBus.Error.NotSupported',
  refused: LOCAL_DISCONNECTED,
  'auth-failed': 'org.freedesktop.DBus.Error.AuthFailed',
  timeout: LOCAL_TIMEOUT,
  closed: LOCAL_DISCONNECTED,
  protocol: 'org.freedesktop.DBus.Error.InconsistentMessage',
};

/**
 * A peer-to-peer connection failure. It is a DBusCallError (with the D-Bus
 * error name GDBus would use) so the bridge's error mapping treats a refused
 * or lost transaction socket like any other unreachable daemon.
 */
export class PeerError extends DBusCallError {
  constructor(
    readonly code: PeerErrorCode,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(ERROR_NAMES[code], message, 'peer-connection');
    // DBusCallError's message reads "member: name: text"; people get the text.
    this.message = message;
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** Wraps anything thrown into a PeerError, keeping existing ones. */
export function toPeerError(err: unknown, fallback: PeerErrorCode): PeerError {
  if (err instanceof PeerError) return err;
  const text = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOENT' || code === 'EACCES')
    return new PeerError('refused', text, { cause: err });
  return new PeerError(fallback, text, { cause: err });
}
