import { ParseError } from '../vardict.ts';
import type { SignatureCheck, TransactionEvent } from './events.ts';
import { readBoolean, readInt64, readString, readTuple, readVariant } from './wire-values.ts';

/** Older libostree sent 13 members, current sends 15 (reference §8.2); read by index. */
const MIN_SIGNATURE_FIELDS = 13;

/** `SignatureProgress(av signature, s commit)`. */
export function parseSignatureProgress(
  body: readonly unknown[],
): Extract<TransactionEvent, { kind: 'signature-progress' }> {
  const signatures = body[0];
  if (!Array.isArray(signatures))
    throw new ParseError('SignatureProgress[0]', 'expected an array of variants (av)');
  return {
    kind: 'signature-progress',
    commit: readString(body[1], 'SignatureProgress[1]'),
    signatures: signatures.map((v: unknown, i) => parseSignature(v, `SignatureProgress[0][${i}]`)),
  };
}

/** One ostree signature tuple `(bbbbbsxxsssss[sxx])` inside a variant. */
export function parseSignature(raw: unknown, where: string): SignatureCheck {
  const variant = readVariant(raw, where);
  const t = readTuple(variant.value, MIN_SIGNATURE_FIELDS, `${where}.value`, true);
  const at = (i: number) => `${where}.value[${i}]`;
  return {
    valid: readBoolean(t[0], at(0)),
    signatureExpired: readBoolean(t[1], at(1)),
    keyExpired: readBoolean(t[2], at(2)),
    keyRevoked: readBoolean(t[3], at(3)),
    keyMissing: readBoolean(t[4], at(4)),
    fingerprint: readString(t[5], at(5)),
    timestamp: readInt64(t[6], at(6), true),
    expiresAt: readInt64(t[7], at(7), true),
    userName: readString(t[10], at(10)),
    userEmail: readString(t[11], at(11)),
  };
}
