import * as dbus from 'dbus-next';
import type { MessageBus } from 'dbus-next';

/** Header flag asking the service to let polkit prompt for a password (not in dbus-next's enum). */
export const ALLOW_INTERACTIVE_AUTHORIZATION = 0x4;

/** A D-Bus error reply, or a local failure dressed as one (timeout, closed connection). */
export class DBusCallError extends Error {
  override readonly name = 'DBusCallError';
  constructor(
    /** The D-Bus error name, e.g. `org.freedesktop.DBus.Error.AccessDenied`. */
    readonly errorName: string,
    /** The error text as the service sent it. */
    readonly text: string,
    readonly member: string,
  ) {
    super(`${member}: ${errorName}: ${text}`);
  }
}

/** Local error names for failures that never reached the service. */
export const LOCAL_TIMEOUT = 'org.freedesktop.DBus.Error.Timeout';
export const LOCAL_DISCONNECTED = 'org.freedesktop.DBus.Error.Disconnected';

export interface MethodCall {
  readonly destination: string;
  readonly path: string;
  readonly interface: string;
  readonly member: string;
  readonly signature?: string;
  readonly body?: readonly unknown[];
  /** Set ALLOW_INTERACTIVE_AUTHORIZATION so polkit may ask the user for a password. */
  readonly interactive?: boolean;
  /** Milliseconds; long by default because polkit prompts wait for a person. */
  readonly timeoutMs?: number;
}

/**
 * One method call through dbus-next's low-level API. The proxy API cannot set
 * header flags and binds to introspection; this one does neither.
 */
export async function callMethod(bus: MessageBus, call: MethodCall): Promise<readonly unknown[]> {
  const message = new dbus.Message({
    destination: call.destination,
    path: call.path,
    interface: call.interface,
    member: call.member,
    signature: call.signature ?? '',
    body: [...(call.body ?? [])],
    flags: call.interactive ? ALLOW_INTERACTIVE_AUTHORIZATION : 0,
  });
  const timeoutMs = call.timeoutMs ?? 300_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new DBusCallError(LOCAL_TIMEOUT, `No reply within ${timeoutMs} ms`, call.member)),
      timeoutMs,
    );
  });
  try {
    // dbus-next leaves a pending call unresolved when the connection drops;
    // racing the connection's end turns that into an immediate error.
    const reply = await Promise.race([
      bus.call(message),
      timeout,
      connectionEnded(bus, call.member),
    ]);
    return (reply?.body as readonly unknown[] | undefined) ?? [];
  } catch (err) {
    throw toCallError(err, call.member);
  } finally {
    clearTimeout(timer);
  }
}

type Stream = NodeJS.EventEmitter & { destroyed?: boolean; closed?: boolean };
const ended = new WeakMap<MessageBus, Promise<void>>();

/** Resolves when the bus connection's stream closes (at once if it already has). */
function streamEnded(bus: MessageBus): Promise<void> {
  let promise = ended.get(bus);
  if (!promise) {
    const stream = (bus as unknown as { _connection?: { stream?: Stream } })._connection?.stream;
    promise =
      !stream || stream.destroyed || stream.closed
        ? Promise.resolve()
        : new Promise<void>((resolve) => stream.once('close', () => resolve()));
    ended.set(bus, promise);
  }
  return promise;
}

function connectionEnded(bus: MessageBus, member: string): Promise<never> {
  return streamEnded(bus).then(() => {
    throw new DBusCallError(LOCAL_DISCONNECTED, 'The bus connection closed', member);
  });
}

function toCallError(err: unknown, member: string): DBusCallError {
  if (err instanceof DBusCallError) return err;
  if (err instanceof dbus.DBusError) return new DBusCallError(err.type, err.text, member);
  const text = err instanceof Error ? err.message : String(err);
  if (/stream is closed|Cannot send message|EPIPE|ECONNRESET/i.test(text))
    return new DBusCallError(LOCAL_DISCONNECTED, text, member);
  return new DBusCallError('org.freedesktop.DBus.Error.Failed', text, member);
}
