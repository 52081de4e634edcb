/**
 * GVariant type strings (the GLib serialisation used by ostree commit
 * objects): parsing plus the alignment and fixed-size rules of the
 * GVariant specification that the binary decoder needs.
 */

const BASIC_SIZES: Readonly<Record<string, number>> = {
  b: 1,
  y: 1,
  n: 2,
  q: 2,
  i: 4,
  u: 4,
  h: 4,
  x: 8,
  t: 8,
  d: 8,
};
const STRING_CODES = 'sog';

/** One parsed GVariant type. */
export type GType =
  | { readonly kind: 'fixed'; readonly code: string }
  | { readonly kind: 'string'; readonly code: string }
  | { readonly kind: 'variant' }
  | { readonly kind: 'array'; readonly element: GType }
  | { readonly kind: 'maybe'; readonly element: GType }
  | { readonly kind: 'tuple'; readonly members: readonly GType[] }
  | { readonly kind: 'entry'; readonly key: GType; readonly value: GType };

/** Parses exactly one complete type, e.g. `a{sv}` or `(a{sv}aya(say)sstayay)`. */
export function parseType(text: string): GType {
  const [type, end] = parseAt(text, 0);
  if (end !== text.length) throw new Error(`Invalid GVariant type "${text}"`);
  return type;
}

function parseAt(text: string, pos: number): [GType, number] {
  const c = text[pos];
  if (c === undefined) throw new Error(`Truncated GVariant type "${text}"`);
  if (c in BASIC_SIZES) return [{ kind: 'fixed', code: c }, pos + 1];
  if (STRING_CODES.includes(c)) return [{ kind: 'string', code: c }, pos + 1];
  if (c === 'v') return [{ kind: 'variant' }, pos + 1];
  if (c === 'a' || c === 'm') {
    const [element, end] = parseAt(text, pos + 1);
    return [{ kind: c === 'a' ? 'array' : 'maybe', element }, end];
  }
  if (c === '(') {
    const members: GType[] = [];
    let p = pos + 1;
    while (text[p] !== ')') {
      const [member, end] = parseAt(text, p);
      members.push(member);
      p = end;
    }
    return [{ kind: 'tuple', members }, p + 1];
  }
  if (c === '{') {
    const [key, afterKey] = parseAt(text, pos + 1);
    const [value, afterValue] = parseAt(text, afterKey);
    if (text[afterValue] !== '}') throw new Error(`Invalid dict entry in "${text}"`);
    return [{ kind: 'entry', key, value }, afterValue + 1];
  }
  throw new Error(`Unsupported GVariant type character "${c}" in "${text}"`);
}

/** The type back as a string. */
export function typeString(t: GType): string {
  switch (t.kind) {
    case 'fixed':
    case 'string':
      return t.code;
    case 'variant':
      return 'v';
    case 'array':
      return `a${typeString(t.element)}`;
    case 'maybe':
      return `m${typeString(t.element)}`;
    case 'tuple':
      return `(${t.members.map(typeString).join('')})`;
    case 'entry':
      return `{${typeString(t.key)}${typeString(t.value)}}`;
  }
}

/** Alignment in bytes of a value of this type. */
export function alignment(t: GType): number {
  switch (t.kind) {
    case 'fixed':
      return BASIC_SIZES[t.code] ?? 1;
    case 'string':
      return 1;
    case 'variant':
      return 8;
    case 'array':
    case 'maybe':
      return alignment(t.element);
    case 'tuple':
      return Math.max(1, ...t.members.map(alignment));
    case 'entry':
      return Math.max(alignment(t.key), alignment(t.value));
  }
}

/** Size of every value of this type, or null when the size varies. */
export function fixedSize(t: GType): number | null {
  switch (t.kind) {
    case 'fixed':
      return BASIC_SIZES[t.code] ?? null;
    case 'tuple':
      return structSize(t.members, alignment(t));
    case 'entry':
      return structSize([t.key, t.value], alignment(t));
    case 'string':
    case 'variant':
    case 'array':
    case 'maybe':
      return null;
  }
}

function structSize(members: readonly GType[], align: number): number | null {
  if (members.length === 0) return 1; // the unit type serialises as one zero byte
  let offset = 0;
  for (const m of members) {
    const size = fixedSize(m);
    if (size === null) return null;
    offset = alignUp(offset, alignment(m)) + size;
  }
  return alignUp(offset, align);
}

/** Rounds `n` up to a multiple of `align`. */
export function alignUp(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}
