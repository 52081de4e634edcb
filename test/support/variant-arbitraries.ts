/**
 * fast-check arbitraries for values shaped as dbus-next delivers them
 * (reference §12.10): `a{sv}` as plain objects of Variants, structs and
 * arrays as arrays, `t`/`x` as BigInt, `ay` as Buffer. A tree is first
 * built as a `TNode` that remembers what each dictionary key means to the
 * parser (required? always read with a type check?), then mutated, then
 * rendered into the real value a parser receives.
 *
 * The well-typed trees for each parser's schema are in variant-shapes.ts.
 */
import { Variant } from 'dbus-next';
import fc from 'fast-check';

/** One step into a rendered value: a dictionary key or an array index. */
export type Segment = string | number;

export type TNode = Leaf | List | Dict | VariantNode;

/** A value rendered as is: a string, number, BigInt, boolean, Buffer or any hostile value. */
export interface Leaf {
  readonly kind: 'leaf';
  readonly value: unknown;
}
/** An array or a struct (dbus-next gives both as arrays). */
export interface List {
  readonly kind: 'list';
  readonly items: readonly TNode[];
}
/** An `a{sv}`. `strict`: the parser checks every entry is a Variant (VarDict does). */
export interface Dict {
  readonly kind: 'dict';
  readonly strict: boolean;
  readonly entries: readonly Entry[];
}
export interface VariantNode {
  readonly kind: 'variant';
  readonly signature: string;
  readonly inner: TNode;
}
export interface Entry {
  readonly key: string;
  readonly node: TNode;
  /** Missing → ParseError. */
  readonly required: boolean;
  /** Always read, with its signature checked: a wrong signature → ParseError. */
  readonly checked: boolean;
  /** Set as an own property (as JSON.parse would) instead of dbus-next's `obj[key] = v`. */
  readonly own?: boolean;
}

export const leaf = (value: unknown): Leaf => ({ kind: 'leaf', value });
export const list = (items: readonly TNode[]): List => ({ kind: 'list', items });
export const variant = (signature: string, inner: TNode): VariantNode => ({
  kind: 'variant',
  signature,
  inner,
});
export const dict = (entries: readonly Entry[], strict = true): Dict => ({
  kind: 'dict',
  strict,
  entries,
});

/**
 * The value a parser receives. Dictionaries are filled the way dbus-next's
 * unmarshaller does (`result[key] = value` on `{}`), so a `__proto__` key
 * from the wire replaces the object's prototype instead of adding a key.
 */
export function render(node: TNode): unknown {
  switch (node.kind) {
    case 'leaf':
      return node.value;
    case 'list':
      return node.items.map(render);
    case 'variant':
      return new Variant(node.signature, render(node.inner));
    case 'dict': {
      const out: Record<string, unknown> = {};
      for (const e of node.entries) {
        const value = render(e.node);
        if (e.own)
          Object.defineProperty(out, e.key, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else out[e.key] = value;
      }
      return out;
    }
  }
}

// ---------------------------------------------------------------- leaves

/** Every kind of string a daemon could send, weighted towards plain ones. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom('', 'none', 'fedora', '43.20260201.0') },
);
export const u32 = fc.integer({ min: 0, max: 0xffff_ffff });
export const i32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
/** `t` within what a JS number holds exactly (the parsers refuse more, by design). */
export const u64 = fc.bigInt({ min: 0n, max: BigInt(Number.MAX_SAFE_INTEGER) });
export const i64 = fc.bigInt({
  min: BigInt(Number.MIN_SAFE_INTEGER),
  max: BigInt(Number.MAX_SAFE_INTEGER),
});
export const hex64 = fc.string({
  unit: fc.constantFrom(...'0123456789abcdef'),
  minLength: 64,
  maxLength: 64,
});

/** Keys that mean something to JavaScript objects. */
export const SPECIAL_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'signature',
  'value',
] as const;

/** Signatures to put on a variant instead of the right one. */
export const SIGNATURES = [
  '',
  's',
  'o',
  'g',
  'b',
  'y',
  'n',
  'q',
  'i',
  'u',
  'x',
  't',
  'd',
  'h',
  'v',
  'as',
  'av',
  'ay',
  'a{sv}',
  'aa{sv}',
  '(sss)',
  '(sstsss)',
  'a(usss)',
  'a(vv)',
  '(',
  'a{sv',
] as const;

const HUGE_STRING = 'x'.repeat(1 << 20);
const HUGE_ARRAY: readonly string[] = Array.from({ length: 50_000 }, (_, i) => `p${i}`);

function nest(depth: number, wrap: (inner: unknown) => unknown, seed: unknown): unknown {
  let v = seed;
  for (let i = 0; i < depth; i++) v = wrap(v);
  return v;
}

/** A dictionary as dbus-next builds it, keyed with names that mean something to JS. */
const specialDict: fc.Arbitrary<unknown> = fc
  .subarray([...SPECIAL_KEYS], { minLength: 1 })
  .map((keys) => render(dict(keys.map((key) => entryOf(key, variant('s', leaf('x')))))));

export const hostileNumber = fc.oneof(
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -1,
    -0,
    0.5,
    -(2 ** 31) - 1,
    2 ** 31,
    2 ** 32,
    2 ** 53,
    2 ** 64,
    -(2 ** 53),
    Number.MAX_VALUE,
    Number.MIN_VALUE,
  ),
  fc.double(),
  fc.integer(),
);
export const hostileBigInt = fc.oneof(
  fc.constantFrom(-1n, 2n ** 53n, -(2n ** 53n), 2n ** 63n, 2n ** 64n, -(2n ** 63n), 10n ** 40n),
  fc.bigInt(),
);
export const hostileString = fc.oneof(
  fc.constantFrom(HUGE_STRING, '\u0000', '\ud800', '\u202e', 'a.b[0]', ...SPECIAL_KEYS),
  fc.string({ unit: 'binary', maxLength: 32 }),
);

/** A scalar of any type, valid or not for where it lands. */
export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  hostileNumber,
  hostileBigInt,
  hostileString,
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.uint8Array({ maxLength: 16 }).map((bytes) => Buffer.from(bytes)),
);

/**
 * Anything a malformed reply could put in one place: scalars of every type,
 * Variants with any signature (nested too), arrays where dicts are expected
 * and dicts where arrays are, `__proto__`/`constructor` keys, tuples of the
 * wrong length, huge strings and arrays, and nesting thousands deep.
 */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileScalar },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...SIGNATURES), hostileScalar)
      .map(([sig, v]) => new Variant(sig, v)),
  },
  { weight: 2, arbitrary: fc.array(hostileScalar, { maxLength: 7 }) },
  { weight: 2, arbitrary: specialDict },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      {},
      [],
      [[]],
      HUGE_ARRAY,
      JSON.parse('{"__proto__": {"polluted": true}}'),
      new Variant('v', new Variant('v', new Variant('s', 'x'))),
      new Variant('a{sv}', {}),
      new Variant('a{sv}', []),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1_000, max: 5_000 }), fc.nat(2))
      .map(([depth, how]) =>
        how === 0
          ? nest(depth, (v) => [v], 'x')
          : how === 1
            ? nest(depth, (v) => new Variant('v', v), 'x')
            : nest(depth, (v) => ({ k: new Variant('a{sv}', v) }), {}),
      ),
  },
);

// ---------------------------------------------------------------- dictionaries

/** A dict entry holding `node` (normally a VariantNode) that the parser ignores. */
export function entryOf(key: string, node: TNode): Entry {
  return { key, node, required: false, checked: false };
}

/** A field of an `a{sv}` schema: key, signature, and an arbitrary for the content. */
export interface Field {
  readonly key: string;
  readonly signature: string;
  readonly content: fc.Arbitrary<TNode>;
  readonly required?: boolean;
  /** Read whenever present, type-checked (default true; false for keys the parser ignores). */
  readonly checked?: boolean;
}

export const field = (
  key: string,
  signature: string,
  content: fc.Arbitrary<TNode>,
  flags: { required?: boolean; checked?: boolean } = {},
): Field => ({ key, signature, content, ...flags });

/** Keys the parsers do not know, with well-typed variants: they must be ignored. */
const unknownEntries = (known: ReadonlySet<string>): fc.Arbitrary<Entry[]> =>
  fc.array(
    fc
      .tuple(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.oneof(
          anyString.map((s) => variant('s', leaf(s))),
          u64.map((n) => variant('t', leaf(n))),
          fc.array(anyString, { maxLength: 3 }).map((a) => variant('as', leaf(a))),
        ),
      )
      .filter(([key]) => !known.has(key) && !(SPECIAL_KEYS as readonly string[]).includes(key))
      .map(([key, node]) => entryOf(key, node)),
    { maxLength: 2 },
  );

/** A well-typed `a{sv}` of `fields`: every required field, any optional ones, a few unknown keys. */
export function dictOf(fields: readonly Field[], strict = true): fc.Arbitrary<Dict> {
  const known = new Set(fields.map((f) => f.key));
  const entries = fields.map((f) => {
    const entry = f.content.map((content): Entry => ({
      key: f.key,
      node: variant(f.signature, content),
      required: f.required ?? false,
      checked: f.checked ?? true,
    }));
    return f.required ? entry : fc.option(entry, { nil: undefined });
  });
  return fc
    .tuple(fc.tuple(...entries), unknownEntries(known))
    .map(([own, extra]) => dict([...own.filter((e) => e !== undefined), ...extra], strict));
}
