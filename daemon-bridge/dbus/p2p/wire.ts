/**
 * D-Bus message framing on a peer socket, on top of dbus-next's marshaller.
 * dbus-next's own stream parser throws from inside a 'readable' handler on
 * malformed input (an uncaught exception) and its whole-buffer `unmarshall`
 * fails on messages without a body, so framing is done here and every
 * decode error becomes a WireError the connection can act on.
 */
import * as dbus from 'dbus-next';
import type { Message } from 'dbus-next';
import DBusBuffer from 'dbus-next/lib/dbus-buffer.js';
import compat from 'dbus-next/lib/marshall-compat.js';

/** A byte stream that does not hold valid D-Bus messages. */
export class WireError extends Error {
  override readonly name = 'WireError';
}

const LITTLE_ENDIAN = 0x6c; // 'l'
const BIG_ENDIAN = 0x42; // 'B'
const FIXED_HEADER = 16;
/** The specification's limit on a whole message (128 MiB). */
const MAX_MESSAGE_BYTES = 134_217_728;
/** Header field codes → Message keys (D-Bus specification, "Header Fields"). */
const FIELD_NAMES: readonly (string | undefined)[] = [
  undefined,
  'path',
  'interface',
  'member',
  'errorName',
  'replySerial',
  'destination',
  'sender',
  'signature',
  'unixFd',
];

/**
 * Serialises a message (a Message, or the plain object dbus-next's Peer.Ping
 * handler sends). Throws when the body does not match its signature.
 */
export function encodeMessage(msg: Message): Buffer {
  // marshallMessage rewrites `body` in place, and `serial` is a getter on
  // Message: hand it a plain copy of exactly the header fields.
  const raw: Record<string, unknown> = {
    type: msg.type,
    flags: msg.flags,
    serial: msg.serial,
    signature: msg.signature,
    body: msg.body,
  };
  for (const name of FIELD_NAMES) {
    const value =
      name === undefined ? undefined : (msg as unknown as Record<string, unknown>)[name];
    if (name !== undefined && value !== undefined) raw[name] = value;
  }
  const [bytes, fds] = compat.marshallMessage(raw);
  if (fds.length > 0) throw new WireError('unix fd passing is not supported on peer connections');
  return bytes;
}

/** Cuts a byte stream into messages; keeps partial ones until the rest arrives. */
export class MessageDecoder {
  private buffered: Buffer = Buffer.alloc(0);

  /** Adds bytes and returns every message now complete. Throws WireError. */
  push(chunk: Buffer): Message[] {
    if (chunk.length) {
      this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    }
    const messages: Message[] = [];
    for (;;) {
      const length = this.nextLength();
      if (length === undefined || this.buffered.length < length) return messages;
      const bytes = this.buffered.subarray(0, length);
      this.buffered = this.buffered.subarray(length);
      messages.push(decodeMessage(bytes));
    }
  }

  private nextLength(): number | undefined {
    if (this.buffered.length < FIXED_HEADER) return undefined;
    const b = this.buffered;
    const endian = b[0];
    if (endian !== LITTLE_ENDIAN && endian !== BIG_ENDIAN)
      throw new WireError(`bad endianness byte 0x${(endian ?? 0).toString(16)}`);
    if (b[3] !== 1) throw new WireError(`unsupported protocol version ${b[3]}`);
    const le = endian === LITTLE_ENDIAN;
    const bodyLength = le ? b.readUInt32LE(4) : b.readUInt32BE(4);
    const fieldsLength = le ? b.readUInt32LE(12) : b.readUInt32BE(12);
    const total = FIXED_HEADER + align8(fieldsLength) + bodyLength;
    if (total > MAX_MESSAGE_BYTES) throw new WireError(`message of ${total} bytes is too large`);
    return total;
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

/** Decodes one complete message (what dbus-next's own parser does, minus its failure modes). */
export function decodeMessage(bytes: Buffer): Message {
  try {
    const reader = new DBusBuffer(bytes, 0, bytes[0] ?? 0, null);
    const header = reader.read('yyyyuua(yv)') as [
      number,
      number,
      number,
      number,
      number,
      number,
      [number, [unknown, [unknown]]][],
    ];
    const raw: Record<string, unknown> = { type: header[1], flags: header[2], serial: header[5] };
    for (const [code, [, [value]]] of header[6]) {
      const name = FIELD_NAMES[code];
      if (name) raw[name] = value;
    }
    reader.align(3);
    const signature = typeof raw.signature === 'string' ? raw.signature : '';
    raw.body = header[4] > 0 && signature ? reader.read(signature) : [];
    return new dbus.Message(compat.messageToJsFmt(raw));
  } catch (err) {
    if (err instanceof WireError) throw err;
    throw new WireError(
      `undecodable message: ${err instanceof Error ? err.message : String(err)}`,
      {
        cause: err,
      },
    );
  }
}
