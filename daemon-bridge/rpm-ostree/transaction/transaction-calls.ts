/**
 * The method calls a client makes on a transaction connection: raw calls to
 * path `/` with no destination (a peer server has no names, reference §12.4).
 */
import { callMethod, DBusCallError, LOCAL_DISCONNECTED, LOCAL_TIMEOUT } from '../../dbus/call.ts';
import type { PeerConnection } from '../../dbus/p2p/index.ts';
import type { DaemonProfile } from '../profile.ts';
import { interfaces } from '../profile.ts';
import { ParseError } from '../vardict.ts';
import { readBoolean, readString, readVariant } from './wire-values.ts';

/** What a transaction says about itself before it runs. */
export interface TransactionInfo {
  /** Human-readable title (reference §7.5); may change once after Start. */
  readonly title: string;
  /** Who started it, e.g. `client(id:cli dbus:1.29 unit:session-1.scope uid:0)`. */
  readonly initiator: string;
}

const PATH = '/';

function call(
  peer: PeerConnection,
  timeoutMs: number,
  iface: string,
  member: string,
  signature = '',
  body: readonly unknown[] = [],
): Promise<readonly unknown[]> {
  return callMethod(peer.bus, {
    destination: '',
    path: PATH,
    interface: iface,
    member,
    signature,
    body,
    timeoutMs,
  });
}

/**
 * Reads Title and InitiatingClientDescription. Both are for people only, so
 * a property the daemon does not have reads as "" and one of the wrong type
 * is reported to `onProtocolError` and reads as "": neither is worth failing
 * (or, worse, never starting) a transaction over. A lost connection rejects.
 */
export async function readTransactionInfo(
  peer: PeerConnection,
  profile: DaemonProfile,
  timeoutMs: number,
  onProtocolError: (err: ParseError) => void,
): Promise<TransactionInfo> {
  const iface = interfaces(profile).transaction;
  const read = async (name: string): Promise<string> => {
    let body: readonly unknown[];
    try {
      body = await call(peer, timeoutMs, 'org.freedesktop.DBus.Properties', 'Get', 'ss', [
        iface,
        name,
      ]);
    } catch (err) {
      // An error reply from the daemon: the property is missing. Local
      // failures (timeout, lost connection) are the caller's business.
      const local = [LOCAL_TIMEOUT, LOCAL_DISCONNECTED];
      if (err instanceof DBusCallError && !peer.isClosed && !local.includes(err.errorName))
        return '';
      throw err;
    }
    try {
      const variant = readVariant(body[0], `Transaction.${name}`);
      return readString(variant.value, `Transaction.${name}`);
    } catch (err) {
      if (!(err instanceof ParseError)) throw err;
      onProtocolError(err);
      return '';
    }
  };
  const [title, initiator] = await Promise.all([
    read('Title'),
    read('InitiatingClientDescription'),
  ]);
  return { title, initiator };
}

/** `Start() → b`: true when this call started execution (reference §7.1 step 5). */
export async function callStart(
  peer: PeerConnection,
  profile: DaemonProfile,
  timeoutMs: number,
): Promise<boolean> {
  const body = await call(peer, timeoutMs, interfaces(profile).transaction, 'Start');
  return readBoolean(body[0], 'Transaction.Start reply');
}

/** `Cancel()`: returns at once; the transaction then normally ends with Finished(false). */
export async function callCancel(
  peer: PeerConnection,
  profile: DaemonProfile,
  timeoutMs: number,
): Promise<void> {
  await call(peer, timeoutMs, interfaces(profile).transaction, 'Cancel');
}
