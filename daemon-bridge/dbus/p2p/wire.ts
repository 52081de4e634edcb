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
import { cachedFixedLayout, readFixedBody } from './fixed-body.ts';

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

/**
 * Decodes one complete message (what dbus-next's own parser does, minus its
 * failure modes). Headers whose fields are all plain strings, paths,
 * signatures and numbers (every header a daemon sends) are read directly,
 * and bodies of fixed-size values through their layout (fixed-body.ts);
 * anything else goes through dbus-next's reader, which gives the same
 * message, only slower.
 */
export function decodeMessage(bytes: Buffer): Message {
  try {
    return decodeDirect(bytes) ?? decodeGeneric(bytes);
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

/** The fixed header and the header fields; null for anything unusual (the generic reader decides). */
function readHeader(
  bytes: Buffer,
): { raw: Record<string, unknown>; bodyStart: number; bodyLength: number; le: boolean } | null {
  const le = bytes[0] === LITTLE_ENDIAN;
  const u32 = (at: number) => (le ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const bodyLength = u32(4);
  const fieldsEnd = FIXED_HEADER + u32(12);
  const bodyStart = align8(fieldsEnd);
  if (bodyStart + bodyLength > bytes.length) return null;
  const raw: Record<string, unknown> = { type: bytes[1], flags: bytes[2], serial: u32(8) };
  let at = FIXED_HEADER;
  while (at < fieldsEnd) {
    at = align8(at);
    // code, then the variant's signature: one type character
    if (at + 4 > fieldsEnd || bytes[at + 1] !== 1 || bytes[at + 3] !== 0) return null;
    const name = FIELD_NAMES[bytes[at]!];
    const type = String.fromCharCode(bytes[at + 2]!);
    at += 4;
    let value: string | number;
    if (type === 's' || type === 'o') {
      at = (at + 3) & ~3;
      if (at + 4 > fieldsEnd) return null;
      const length = u32(at);
      if (at + 4 + length + 1 > fieldsEnd) return null;
      value = bytes.toString('utf8', at + 4, at + 4 + length);
      at += 4 + length + 1;
    } else if (type === 'g') {
      const length = bytes[at]!;
      if (at + 1 + length + 1 > fieldsEnd) return null;
      value = bytes.toString('utf8', at + 1, at + 1 + length);
      at += 1 + length + 1;
    } else if (type === 'u') {
      at = (at + 3) & ~3;
      if (at + 4 > fieldsEnd) return null;
      value = u32(at);
      at += 4;
    } else {
      return null;
    }
    if (name) raw[name] = value;
  }
  return { raw, bodyStart, bodyLength, le };
}

/**
 * A message read with the direct header reader: its body through its fixed
 * layout, or dbus-next's reader from where the header ends. Null when the
 * generic path must read the whole message.
 */
function decodeDirect(bytes: Buffer): Message | null {
  const header = readHeader(bytes);
  if (!header) return null;
  const { raw, bodyStart, bodyLength, le } = header;
  const signature = typeof raw.signature === 'string' ? raw.signature : '';
  raw.signature = signature;
  // A signature with no body bytes is malformed: the generic reader says what it makes of it.
  if (bodyLength === 0 && signature) return null;
  if (bodyLength === 0 || !signature) {
    raw.body = [];
    return new dbus.Message(raw);
  }
  const layout = cachedFixedLayout(signature);
  if (layout && layout.bytes <= bodyLength) {
    raw.body = readFixedBody(layout, bytes, bodyStart, le);
    return new dbus.Message(raw);
  }
  const reader = new DBusBuffer(bytes, 0, bytes[0] ?? 0, null);
  reader.pos = bodyStart;
  raw.body = reader.read(signature);
  return new dbus.Message(compat.messageToJsFmt(raw));
}

/** dbus-next's reader: any message it can read. */
export function decodeGeneric(bytes: Buffer): Message {
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
