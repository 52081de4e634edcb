/**
 * Checked reads of positional D-Bus values as dbus-next delivers them
 * (structs as arrays, `t`/`x` as BigInt, `v` as Variant). Each throws a
 * ParseError naming where the bad value sits, e.g. `DownloadProgress[2][1]`.
 */
import { ParseError } from '../vardict.ts';

export function readString(value: unknown, where: string): string {
  if (typeof value !== 'string')
    throw new ParseError(where, `expected a string, got ${show(value)}`);
  return value;
}

export function readBoolean(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean')
    throw new ParseError(where, `expected a boolean, got ${show(value)}`);
  return value;
}

/** `u`: an integer in 0…2³²−1. */
export function readUint32(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0xffff_ffff)
    throw new ParseError(where, `expected an unsigned 32-bit integer, got ${show(value)}`);
  return value;
}

/**
 * `t`/`x` → number. dbus-next gives BigInt; anything beyond 2⁵³ would lose
 * precision silently as a number, so it is refused instead (no real byte
 * count, clock or timestamp comes near it).
 */
export function readInt64(value: unknown, where: string, signed: boolean): number {
  const big =
    typeof value === 'bigint'
      ? value
      : typeof value === 'number' && Number.isInteger(value)
        ? BigInt(value)
        : undefined;
  if (big === undefined)
    throw new ParseError(where, `expected a 64-bit integer, got ${show(value)}`);
  if (!signed && big < 0n) throw new ParseError(where, `expected an unsigned value, got ${big}`);
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER))
    throw new ParseError(where, `${big} is beyond the range a number holds exactly`);
  return Number(big);
}

/** A struct of exactly `length` members (or at least `length` when `atLeast`). */
export function readTuple(
  value: unknown,
  length: number,
  where: string,
  atLeast = false,
): readonly unknown[] {
  if (!Array.isArray(value)) throw new ParseError(where, `expected a struct, got ${show(value)}`);
  const ok = atLeast ? value.length >= length : value.length === length;
  if (!ok)
    throw new ParseError(
      where,
      `expected ${atLeast ? 'at least ' : ''}${length} members, got ${value.length}`,
    );
  return value as readonly unknown[];
}

/** A `v` value: its signature and content. */
export function readVariant(
  value: unknown,
  where: string,
): { readonly signature: string; readonly value: unknown } {
  if (
    typeof value !== 'object' ||
    value === null ||
    !('signature' in value) ||
    typeof value.signature !== 'string' ||
    !('value' in value)
  )
    throw new ParseError(where, `expected a variant, got ${show(value)}`);
  return { signature: value.signature, value: value.value };
}

function show(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
