/**
 * Typed reading of `a{sv}` dictionaries as dbus-next delivers them: plain
 * objects whose values are Variants (`{ signature, value }`), with BigInt for
 * 64-bit integers. Nothing from here leaves daemon-bridge: parsers use it to
 * build plain domain objects and throw a ParseError naming the bad key.
 */

/** A daemon reply that does not have the shape the protocol promises. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(
    /** Dotted path of the offending key, e.g. `Deployments[2].checksum`. */
    readonly key: string,
    readonly reason: string,
  ) {
    super(`Malformed daemon reply at ${key}: ${reason}`);
  }
}

interface VariantLike {
  readonly signature: string;
  readonly value: unknown;
}

function isVariant(v: unknown): v is VariantLike {
  return (
    typeof v === 'object' &&
    v !== null &&
    'signature' in v &&
    typeof v.signature === 'string' &&
    'value' in v
  );
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A checked view over one `a{sv}`. `where` names it in errors. */
export class VarDict {
  private constructor(
    private readonly entries: ReadonlyMap<string, VariantLike>,
    readonly where: string,
  ) {}

  static from(raw: unknown, where: string): VarDict {
    if (!isPlainObject(raw)) throw new ParseError(where, 'expected a dictionary (a{sv})');
    const entries = new Map<string, VariantLike>();
    for (const [key, value] of Object.entries(raw)) {
      if (!isVariant(value)) throw new ParseError(`${where}.${key}`, 'expected a variant');
      entries.set(key, value);
    }
    return new VarDict(entries, where);
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  private value(key: string, signature: string): unknown {
    const v = this.entries.get(key);
    if (v === undefined) return undefined;
    if (v.signature !== signature)
      throw new ParseError(this.path(key), `expected type '${signature}', got '${v.signature}'`);
    return v.value;
  }

  path(key: string): string {
    return `${this.where}.${key}`;
  }

  private required<T>(key: string, read: (k: string) => T | undefined): T {
    const v = read(key);
    if (v === undefined) throw new ParseError(this.path(key), 'required key is missing');
    return v;
  }

  optString(key: string): string | undefined {
    const v = this.value(key, 's');
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw new ParseError(this.path(key), 'expected a string');
    return v;
  }
  string(key: string): string {
    return this.required(key, (k) => this.optString(k));
  }

  optBool(key: string): boolean | undefined {
    const v = this.value(key, 'b');
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') throw new ParseError(this.path(key), 'expected a boolean');
    return v;
  }
  bool(key: string): boolean {
    return this.required(key, (k) => this.optBool(k));
  }

  optInt32(key: string): number | undefined {
    const v = this.value(key, 'i');
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31)
      throw new ParseError(this.path(key), 'expected a 32-bit integer');
    return v;
  }
  int32(key: string): number {
    return this.required(key, (k) => this.optInt32(k));
  }

  /** `t` as a JS number; throws past 2^53 rather than losing precision silently. */
  optUint64(key: string): number | undefined {
    const v = this.value(key, 't');
    if (v === undefined) return undefined;
    return toSafeNumber(v, this.path(key));
  }

  optStringArray(key: string): readonly string[] | undefined {
    const v = this.value(key, 'as');
    if (v === undefined) return undefined;
    return stringArray(v, this.path(key));
  }

  optDict(key: string): VarDict | undefined {
    const v = this.value(key, 'a{sv}');
    if (v === undefined) return undefined;
    return VarDict.from(v, this.path(key));
  }

  /** Raw access for shapes with their own parser (tuples, `av`, `a(vv)`). */
  raw(key: string, signature: string): unknown {
    return this.value(key, signature);
  }
}

export function stringArray(v: unknown, where: string): readonly string[] {
  if (!Array.isArray(v)) throw new ParseError(where, 'expected an array of strings');
  return v.map((s, i) => {
    if (typeof s !== 'string') throw new ParseError(`${where}[${i}]`, 'expected a string');
    return s;
  });
}

export function toSafeNumber(v: unknown, where: string): number {
  if (typeof v === 'bigint') {
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER))
      throw new ParseError(where, 'integer out of safe range');
    return Number(v);
  }
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  throw new ParseError(where, 'expected an integer');
}

/** Unwraps a Variant whose contents must have `signature`. */
export function unwrapVariant(v: unknown, signature: string, where: string): unknown {
  if (!isVariant(v)) throw new ParseError(where, 'expected a variant');
  if (v.signature !== signature)
    throw new ParseError(where, `expected type '${signature}', got '${v.signature}'`);
  return v.value;
}

/** Reads a fixed-length tuple. */
export function tuple(v: unknown, length: number, where: string): readonly unknown[] {
  if (!Array.isArray(v) || v.length < length)
    throw new ParseError(where, `expected a tuple of ${length} fields`);
  return v;
}
