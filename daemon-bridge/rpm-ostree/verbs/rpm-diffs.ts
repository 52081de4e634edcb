import type { PackageChange } from '../../contract/updates.ts';
import { parseRpmDiff } from '../parse-rpm-diff.ts';
import { member } from '../profile.ts';
import { ParseError, VarDict } from '../vardict.ts';
import { osCall, transactionAddress } from './os-call.ts';
import type { OsTarget } from './os-call.ts';

/**
 * The package-diff methods carry the package format in their names
 * (GetDeploymentsRpmDiff, …AptDiff): every name goes through the profile.
 */
const diffMethod = (target: OsTarget, rpmName: string) => member(target.profile, rpmName);

/** `OS.GetDeploymentsRpmDiff(s id0, s id1) → a(sua{sv})`: what changes from id0 to id1. */
export async function getDeploymentsRpmDiff(
  target: OsTarget,
  fromId: string,
  toId: string,
): Promise<readonly PackageChange[]> {
  const name = diffMethod(target, 'GetDeploymentsRpmDiff');
  const [diff] = await osCall(target, name, 'ss', [fromId, toId]);
  return parseRpmDiff(diff, name);
}

/** `OS.DownloadDeployRpmDiff(s revision, as packages) → s` (packages are ignored; pass []). */
export async function downloadDeployRpmDiff(target: OsTarget, revision: string): Promise<string> {
  const name = diffMethod(target, 'DownloadDeployRpmDiff');
  return transactionAddress(await osCall(target, name, 'sas', [revision, []]), name);
}

export interface CachedDiff {
  readonly changes: readonly PackageChange[];
  readonly checksum: string;
  readonly version: string | null;
  readonly timestamp: number | null;
}

/** `OS.GetCachedDeployRpmDiff(s revision, as packages) → (a(sua{sv}), a{sv})`. */
export async function getCachedDeployRpmDiff(
  target: OsTarget,
  revision: string,
): Promise<CachedDiff> {
  const name = diffMethod(target, 'GetCachedDeployRpmDiff');
  const [diff, details] = await osCall(target, name, 'sas', [revision, []]);
  if (details === undefined) throw new ParseError(name, 'expected (a(sua{sv})a{sv})');
  const d = VarDict.from(details, `${name}.details`);
  return {
    changes: parseRpmDiff(diff, `${name}.result`),
    checksum: d.string('checksum'),
    version: d.optString('version') ?? null,
    timestamp: d.optUint64('timestamp') ?? null,
  };
}
