import * as dbus from 'dbus-next';
import { alignUp, alignment, fixedSize, parseType, typeString } from './type.ts';
import type { GType } from './type.ts';

/** Malformed serialised data (GLib would substitute defaults; we refuse). */
export class GVariantError extends Error {
  override readonly name = 'GVariantError';
}

/**
 * Decodes one serialised GVariant (little-endian, as ostree writes commit
 * objects on x86) straight into the values dbus-next marshals: numbers,
 * BigInt for `x`/`t`, strings, arrays, tuples as arrays, `a{s…}` as plain
 * objects, `v` as dbus-next `Variant`s, `ay` as a Buffer. Reading the bytes
 * with host byte order is what rpm-ostreed does too, which is why values that
 * composers stored big-endian come out "byte-swapped" on the bus.
 */
export function decodeGVariant(type: string | GType, data: Buffer): unknown {
  return decodeValue(typeof type === 'string' ? parseType(type) : type, data);
}

function decodeValue(t: GType, data: Buffer): unknown {
  switch (t.kind) {
    case 'fixed':
      return decodeFixed(t.code, data);
    case 'string':
      if (data.length === 0 || data[data.length - 1] !== 0)
        throw new GVariantError('string without terminating NUL');
      return data.subarray(0, data.length - 1).toString('utf8');
    case 'variant': {
      const sep = data.lastIndexOf(0);
      if (sep < 0) throw new GVariantError('variant without type string');
      const sig = data.subarray(sep + 1).toString('ascii');
      return new dbus.Variant(sig, decodeValue(parseType(sig), data.subarray(0, sep)));
    }
    case 'maybe':
      if (data.length === 0) return null;
      return decodeValue(
        t.element,
        fixedSize(t.element) === null ? data.subarray(0, data.length - 1) : data,
      );
    case 'array':
      return decodeArray(t.element, data);
    case 'tuple':
      return splitStruct(t.members, data).map((chunk, i) => decodeValue(t.members[i]!, chunk));
    case 'entry': {
      const [k, v] = splitStruct([t.key, t.value], data);
      return [decodeValue(t.key, k!), decodeValue(t.value, v!)];
    }
  }
}

function decodeArray(element: GType, data: Buffer): unknown {
  if (element.kind === 'fixed' && element.code === 'y') return Buffer.from(data);
  const chunks = splitArray(element, data);
  if (element.kind === 'entry') {
    if (element.key.kind !== 'string')
      throw new GVariantError(`dictionary key type ${typeString(element.key)} is not supported`);
    const out: Record<string, unknown> = {};
    for (const chunk of chunks) {
      const [k, v] = decodeValue(element, chunk) as [string, unknown];
      out[k] = v;
    }
    return out;
  }
  return chunks.map((chunk) => decodeValue(element, chunk));
}

function decodeFixed(code: string, data: Buffer): unknown {
  const need = fixedSize({ kind: 'fixed', code });
  if (data.length !== need)
    throw new GVariantError(`"${code}" needs ${need} bytes, got ${data.length}`);
  switch (code) {
    case 'b':
      return data[0] !== 0;
    case 'y':
      return data.readUInt8(0);
    case 'n':
      return data.readInt16LE(0);
    case 'q':
      return data.readUInt16LE(0);
    case 'i':
    case 'h':
      return data.readInt32LE(0);
    case 'u':
      return data.readUInt32LE(0);
    case 'x':
      return data.readBigInt64LE(0);
    case 't':
      return data.readBigUInt64LE(0);
    case 'd':
      return data.readDoubleLE(0);
    default:
      throw new GVariantError(`unknown fixed type "${code}"`);
  }
}

/** Width of the framing offsets of a container of `size` bytes. */
function offsetWidth(size: number): number {
  if (size === 0) return 0;
  if (size <= 0xff) return 1;
  if (size <= 0xffff) return 2;
  if (size <= 0xffffffff) return 4;
  return 8;
}

function readOffset(data: Buffer, pos: number, width: number): number {
  if (pos < 0 || pos + width > data.length) throw new GVariantError('framing offset out of range');
  return width === 8 ? Number(data.readBigUInt64LE(pos)) : data.readUIntLE(pos, width);
}

function splitArray(element: GType, data: Buffer): Buffer[] {
  const size = fixedSize(element);
  if (size !== null) {
    if (data.length % size !== 0) throw new GVariantError('array length is not a multiple');
    const out: Buffer[] = [];
    for (let p = 0; p < data.length; p += size) out.push(data.subarray(p, p + size));
    return out;
  }
  if (data.length === 0) return [];
  const width = offsetWidth(data.length);
  const tableStart = readOffset(data, data.length - width, width);
  const count = (data.length - tableStart) / width;
  if (!Number.isInteger(count) || tableStart > data.length)
    throw new GVariantError('bad array framing');
  const align = alignment(element);
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const end = readOffset(data, tableStart + i * width, width);
    start = alignUp(start, align);
    if (end < start || end > tableStart) throw new GVariantError('bad array element bounds');
    out.push(data.subarray(start, end));
    start = end;
  }
  return out;
}

/** Members of a tuple or dict entry; variable members' ends are framed from the back. */
function splitStruct(members: readonly GType[], data: Buffer): Buffer[] {
  const width = offsetWidth(data.length);
  let framingEnd = data.length;
  let pos = 0;
  const out: Buffer[] = [];
  members.forEach((m, i) => {
    pos = alignUp(pos, alignment(m));
    const size = fixedSize(m);
    let end: number;
    if (size !== null) end = pos + size;
    else if (i === members.length - 1) end = framingEnd;
    else {
      framingEnd -= width;
      end = readOffset(data, framingEnd, width);
    }
    if (end < pos || end > data.length) throw new GVariantError('bad tuple member bounds');
    out.push(data.subarray(pos, end));
    pos = end;
  });
  return out;
}
