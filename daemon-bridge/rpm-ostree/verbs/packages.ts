import type { Variant } from 'dbus-next';
import type { PackageSearchHit } from '../../contract/packages.ts';
import { parseSearchResult } from '../parse-package-info.ts';
import { osCall, transactionAddress } from './os-call.ts';
import type { OsTarget } from './os-call.ts';

type Options = Readonly<Record<string, Variant>>;

/** `OS.PkgChange(a{sv} options, as added, as removed) → s` (default flag: no-pull-base). */
export async function pkgChange(
  target: OsTarget,
  added: readonly string[],
  removed: readonly string[],
  options: Options = {},
): Promise<string> {
  return transactionAddress(
    await osCall(target, 'PkgChange', 'a{sv}asas', [options, [...added], [...removed]]),
    'PkgChange',
  );
}

/** `OS.UpdateDeployment(a{sv} modifiers, a{sv} options) → s`. */
export async function updateDeployment(
  target: OsTarget,
  modifiers: Options,
  options: Options = {},
): Promise<string> {
  return transactionAddress(
    await osCall(target, 'UpdateDeployment', 'a{sv}a{sv}', [modifiers, options]),
    'UpdateDeployment',
  );
}

/** `OS.Search(as names) → aa{sv}`: name and summary matches of all terms. */
export async function searchPackages(
  target: OsTarget,
  terms: readonly string[],
): Promise<readonly PackageSearchHit[]> {
  const [result] = await osCall(target, 'Search', 'as', [[...terms]]);
  return parseSearchResult(result);
}
