/**
 * Types for the few dbus-next 0.10.2 internals the peer-to-peer transport is
 * built on (daemon-bridge/dbus/p2p). The package has no `exports` map, so
 * these deep paths resolve at runtime; they have no types of their own.
 * Keep this list short: every entry is a coupling to a private module.
 */

declare module 'dbus-next/lib/bus.js' {
  import type { EventEmitter } from 'node:events';
  import type { Message, MessageBus } from 'dbus-next';

  /**
   * What `MessageBus` needs from a transport: a 'message' event per incoming
   * message, an 'error' event, `message(msg)` to send, `stream` (read by
   * `disconnect()` and `_removeMatch`) and `end()`.
   */
  export interface BusConnection extends EventEmitter {
    readonly stream: NodeJS.WritableStream & { readonly writable: boolean };
    message(msg: Message): void;
    end(): this;
  }

  /** The class behind `dbus.sessionBus()`; its constructor sends Hello at once. */
  const MessageBusClass: new (connection: BusConnection) => MessageBus;
  // CommonJS `module.exports`; imported as the default export.
  export = MessageBusClass;
}

declare module 'dbus-next/lib/dbus-buffer.js' {
  /** dbus-next's reader; values come back in its marshaller format. */
  class DBusBuffer {
    constructor(
      buffer: Buffer,
      startPos: number,
      endian: number,
      fds: null,
      options?: { ayBuffer?: boolean },
    );
    pos: number;
    align(power: number): void;
    read(signature: string): unknown[];
  }
  export = DBusBuffer;
}

declare module 'dbus-next/lib/marshall-compat.js' {
  import type { MessageLike } from 'dbus-next';

  interface MarshallCompat {
    /** Turns a raw message (marshaller-format body) into one with a plain JS body. */
    messageToJsFmt(raw: Record<string, unknown>): MessageLike;
    /** Serialises a message with a plain JS body; returns the bytes and the fds it carries. */
    marshallMessage(msg: Record<string, unknown>): [Buffer, unknown[]];
  }
  const compat: MarshallCompat;
  export = compat;
}
