/**
 * Message bodies made only of fixed-size values (numbers, booleans and
 * structs of them), such as DownloadProgress's `(tt)(uu)(uuu)(uuut)(uu)(tt)`,
 * the signal a pull sends up to thousands of times a second. Every value of
 * such a body sits at an offset that follows from the signature alone, so the
 * layout is worked out once per signature and a body is read at those
 * offsets, where dbus-next's generic reader parses the signature, walks a
 * type tree and makes a Long and a string for every 64-bit number, for every
 * message. The values come out as dbus-next gives them: `x`/`t` as bigint,
 * `b` as boolean, structs as arrays. The sandbox writes DownloadProgress at
 * the same offsets.
 */

/** The fixed-size basic types: size (= alignment) in bytes. `h` needs fds, so it is not one. */
const SIZES: Readonly<Record<string, number>> = {
  y: 1,
  b: 4,
  n: 2,
  q: 2,
  i: 4,
  u: 4,
  x: 8,
  t: 8,
  d: 8,
};

/** One value of a fixed body and where it sits, from the body's start. */
export interface FixedValue {
  readonly kind: 'value';
  readonly type: string;
  readonly offset: number;
}

export interface FixedStruct {
  readonly kind: 'struct';
  readonly children: readonly FixedNode[];
}

export type FixedNode = FixedValue | FixedStruct;

export interface FixedLayout {
  /** The body's top-level values, in order. */
  readonly children: readonly FixedNode[];
  /** The body's length in bytes. */
  readonly bytes: number;
}

const align = (offset: number, to: number) => Math.ceil(offset / to) * to;

/**
 * The layout of a body of `signature`, or null when any value in it is not
 * fixed-size (strings, arrays, variants, dicts, fds) or the signature is
 * malformed. Offsets assume the body starts 8-aligned, as every body does.
 */
export function fixedLayout(signature: string): FixedLayout | null {
  if (signature.length === 0 || signature.length > 255) return null;
  let offset = 0;
  const stack: FixedNode[][] = [[]];
  for (const char of signature) {
    const open = stack[stack.length - 1]!;
    if (char === '(') {
      offset = align(offset, 8);
      stack.push([]);
    } else if (char === ')') {
      if (stack.length < 2 || open.length === 0) return null;
      stack.pop();
      stack[stack.length - 1]!.push({ kind: 'struct', children: open });
    } else {
      const size = SIZES[char];
      if (size === undefined) return null;
      offset = align(offset, size);
      open.push({ kind: 'value', type: char, offset });
      offset += size;
    }
  }
  if (stack.length !== 1) return null;
  return { children: stack[0]!, bytes: offset };
}

const layouts = new Map<string, FixedLayout | null>();

/** `fixedLayout`, remembered per signature (a connection sees a handful). */
export function cachedFixedLayout(signature: string): FixedLayout | null {
  let layout = layouts.get(signature);
  if (layout === undefined) {
    layout = fixedLayout(signature);
    if (layouts.size < 256) layouts.set(signature, layout);
  }
  return layout;
}

function readValue(type: string, buffer: Buffer, at: number, le: boolean): unknown {
  switch (type) {
    case 'y':
      return buffer[at];
    case 'b':
      return (le ? buffer.readUInt32LE(at) : buffer.readUInt32BE(at)) !== 0;
    case 'n':
      return le ? buffer.readInt16LE(at) : buffer.readInt16BE(at);
    case 'q':
      return le ? buffer.readUInt16LE(at) : buffer.readUInt16BE(at);
    case 'i':
      return le ? buffer.readInt32LE(at) : buffer.readInt32BE(at);
    case 'u':
      return le ? buffer.readUInt32LE(at) : buffer.readUInt32BE(at);
    case 'x':
      return le ? buffer.readBigInt64LE(at) : buffer.readBigInt64BE(at);
    case 't':
      return le ? buffer.readBigUInt64LE(at) : buffer.readBigUInt64BE(at);
    case 'd':
      return le ? buffer.readDoubleLE(at) : buffer.readDoubleBE(at);
    default:
      throw new Error(`not a fixed-size type: ${type}`);
  }
}

function readNodes(
  nodes: readonly FixedNode[],
  buffer: Buffer,
  start: number,
  le: boolean,
): unknown[] {
  return nodes.map((node) =>
    node.kind === 'value'
      ? readValue(node.type, buffer, start + node.offset, le)
      : readNodes(node.children, buffer, start, le),
  );
}

/**
 * The body at `start` (8-aligned) of `buffer`, read with `layout`. The caller
 * has checked that `layout.bytes` fit in the buffer.
 */
export function readFixedBody(
  layout: FixedLayout,
  buffer: Buffer,
  start: number,
  littleEndian: boolean,
): unknown[] {
  return readNodes(layout.children, buffer, start, littleEndian);
}

/** Every value's offset and type, in signature order (flattened). */
export function fixedValues(layout: FixedLayout): FixedValue[] {
  const out: FixedValue[] = [];
  const walk = (nodes: readonly FixedNode[]) => {
    for (const node of nodes) {
      if (node.kind === 'value') out.push(node);
      else walk(node.children);
    }
  };
  walk(layout.children);
  return out;
}
