/* The lookups of rpmostreed-transaction-types.cxx on `a{sv}` arguments. */
import type { Variant } from 'dbus-next';

/** An `a{sv}` as dbus-next hands it over. */
export type VarDict = Readonly<Record<string, Variant | undefined>>;

/** An untyped method argument as a vardict. */
export const dict = (v: unknown): VarDict => (v ?? {}) as VarDict;

/** g_variant_dict_lookup: the value if present with that type (a wrong type reads as absent). */
export const lookup = (d: VarDict, key: string, type: string): unknown =>
  d[key]?.signature === type ? d[key].value : undefined;
export const bool = (d: VarDict, key: string) => lookup(d, key, 'b') as boolean | undefined;
export const str = (d: VarDict, key: string) => lookup(d, key, 's') as string | undefined;

/** vardict_lookup_strv_canonical: an `as`, with [] treated as absent. */
export function strv(d: VarDict, key: string): string[] | undefined {
  const v = lookup(d, key, 'as') as string[] | undefined;
  return v && v.length > 0 ? v : undefined;
}
