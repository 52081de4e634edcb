import type { PackageChange, PackageChangeKind } from '../contract/updates.ts';
import { ParseError, tuple, unwrapVariant, VarDict } from './vardict.ts';

/** `RpmOstreePackageDiffTypes` of the Get*RpmDiff methods (reference §8.3). */
const DIFF_KINDS: readonly PackageChangeKind[] = ['added', 'removed', 'upgraded', 'downgraded'];

function str(v: unknown, where: string): string {
  if (typeof v !== 'string') throw new ParseError(where, 'expected a string');
  return v;
}

/** `(sss)` = (name, evr, arch). */
function packageTriple(dict: VarDict, key: string): { evr: string; arch: string } | null {
  const raw = dict.raw(key, '(sss)');
  if (raw === undefined) return null;
  const [, evr, arch] = tuple(raw, 3, dict.path(key));
  return { evr: str(evr, `${dict.path(key)}[1]`), arch: str(arch, `${dict.path(key)}[2]`) };
}

/**
 * `a(sua{sv})` from GetDeploymentsRpmDiff / GetCached*RpmDiff → PackageChange[],
 * in the daemon's order (by kind, then name).
 */
export function parseRpmDiff(raw: unknown, where = 'rpm-diff'): readonly PackageChange[] {
  if (!Array.isArray(raw)) throw new ParseError(where, 'expected an array of (sua{sv})');
  return raw.map((entry, i) => {
    const at = `${where}[${i}]`;
    const [name, type, details] = tuple(entry, 3, at);
    const kind = typeof type === 'number' ? DIFF_KINDS[type] : undefined;
    // Not String(type) on objects: a dict with a `toString` key (a Variant) cannot be converted.
    const shown = ['number', 'bigint', 'string'].includes(typeof type) ? String(type) : typeof type;
    if (!kind) throw new ParseError(`${at}[1]`, `unknown change type ${shown}`);
    const d = VarDict.from(details, `${at}[2]`);
    const previous = packageTriple(d, 'PreviousPackage');
    const next = packageTriple(d, 'NewPackage');
    if (kind !== 'added' && !previous)
      throw new ParseError(d.path('PreviousPackage'), 'required key is missing');
    if (kind !== 'removed' && !next)
      throw new ParseError(d.path('NewPackage'), 'required key is missing');
    return { name: str(name, `${at}[0]`), kind, previous, next, layered: false };
  });
}

/** Unwraps the outer Variant some callers hand over. */
export function parseRpmDiffVariant(v: unknown, where: string): readonly PackageChange[] {
  return parseRpmDiff(unwrapVariant(v, 'a(sua{sv})', where), where);
}
