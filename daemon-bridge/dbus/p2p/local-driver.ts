/**
 * A peer connection has no message bus behind it, but dbus-next's MessageBus
 * talks to one anyway: Hello from its constructor, AddMatch/RemoveMatch for
 * proxy signals, GetNameOwner from ProxyObject. Those calls are answered here,
 * locally, and never reach the wire (reference §12.4).
 */
import * as dbus from 'dbus-next';
import type { Message, MessageBus } from 'dbus-next';

/** dbus-next's runtime MessageType values; its d.ts enum carries none. */
export const METHOD_CALL = 1;
export const METHOD_RETURN = 2;
export const ERROR = 3;
export const SIGNAL = 4;
/** The NO_REPLY_EXPECTED header flag. */
export const NO_REPLY_EXPECTED = 0x1;

export const DRIVER_NAME = 'org.freedesktop.DBus';

/** True for a call MessageBus meant for the bus driver. */
export function isDriverCall(msg: Message): boolean {
  return (msg.type as number) === METHOD_CALL && msg.destination === DRIVER_NAME;
}

/** The reply a bus driver would have sent, made up for a peer connection. */
export function localDriverReply(msg: Message): Message {
  const replySerial = msg.serial as unknown as string;
  switch (msg.member) {
    // An empty Hello reply leaves bus.name unset, which also turns off
    // MessageBus's destination filter: peers send no destinations.
    case 'Hello':
    case 'AddMatch':
    case 'RemoveMatch':
      return new dbus.Message({ type: METHOD_RETURN, replySerial });
    // ProxyObject accepts NameHasNoOwner; with no owner recorded, dbus-next's
    // signal filter (owner === sender, both undefined) lets peer signals
    // through (spikes §2 pitfall 6).
    case 'GetNameOwner':
      return errorReply(
        msg,
        'org.freedesktop.DBus.Error.NameHasNoOwner',
        'no names on a peer-to-peer connection',
      );
    default:
      return errorReply(
        msg,
        'org.freedesktop.DBus.Error.NotSupported',
        `${msg.member} needs a message bus; this is a peer-to-peer connection`,
      );
  }
}

/** An ERROR reply to `msg`. */
export function errorReply(msg: Message, errorName: string, text: string): Message {
  return new dbus.Message({
    type: ERROR,
    replySerial: msg.serial as unknown as string,
    errorName,
    signature: 's',
    body: [text],
  });
}

const ALWAYS_ANSWERED = new Set([
  'org.freedesktop.DBus.Introspectable',
  'org.freedesktop.DBus.Peer',
]);

/**
 * Makes a peer bus answer calls to paths with nothing exported the way GDBus
 * does ("Object does not exist at path …"), instead of dbus-next's "Method …
 * does not exist". This is what a client that sends Hello or AddMatch to a
 * peer server gets from rpm-ostree.
 */
export function answerUnknownObjects(bus: MessageBus): void {
  const exported = (bus as unknown as { _serviceObjects: Record<string, unknown> })._serviceObjects;
  const answer = (msg: Message): boolean => {
    if (exported[msg.path] !== undefined || ALWAYS_ANSWERED.has(msg.interface)) return false;
    if ((msg.flags & NO_REPLY_EXPECTED) === 0)
      bus.send(
        errorReply(
          msg,
          'org.freedesktop.DBus.Error.UnknownMethod',
          `Object does not exist at path “${msg.path}”`,
        ),
      );
    return true;
  };
  // Handlers run in the order added and the first to return true wins, so
  // this one must stay last: a server's own low-level handlers (added later,
  // in onPeer) may serve paths that have no exported object.
  const add = bus.addMethodHandler.bind(bus);
  bus.addMethodHandler = (handler) => {
    bus.removeMethodHandler(answer);
    add(handler);
    add(answer);
  };
  add(answer);
}
