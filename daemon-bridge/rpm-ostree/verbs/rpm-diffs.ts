import type { PackageChange } from '../../contract/updates.ts';
import { parseRpmDiff } from '../parse-rpm-diff.ts';
import { ParseError, VarDict } from '../vardict.ts';
import { osCall, transactionAddress } from './os-call.ts';
import type { OsTarget } from './os-call.ts';

/** `OS.GetDeploymentsRpmDiff(s id0, s id1) → a(sua{sv})`: what changes from id0 to id1. */
export async function getDeploymentsRpmDiff(
  target: OsTarget,
  fromId: string,
  toId: string,
): Promise<readonly PackageChange[]> {
  const [diff] = await osCall(target, 'GetDeploymentsRpmDiff', 'ss', [fromId, toId]);
  return parseRpmDiff(diff, 'GetDeploymentsRpmDiff');
}

/** `OS.DownloadDeployRpmDiff(s revision, as packages) → s` (packages are ignored; pass []). */
export async function downloadDeployRpmDiff(target: OsTarget, revision: string): Promise<string> {
  return transactionAddress(
    await osCall(target, 'DownloadDeployRpmDiff', 'sas', [revision, []]),
    'DownloadDeployRpmDiff',
  );
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
  const [diff, details] = await osCall(target, 'GetCachedDeployRpmDiff', 'sas', [revision, []]);
  if (details === undefined)
    throw new ParseError('GetCachedDeployRpmDiff', 'expected (a(sua{sv})a{sv})');
  const d = VarDict.from(details, 'GetCachedDeployRpmDiff.details');
  return {
    changes: parseRpmDiff(diff, 'GetCachedDeployRpmDiff.result'),
    checksum: d.string('checksum'),
    version: d.optString('version') ?? null,
    timestamp: d.optUint64('timestamp') ?? null,
  };
}
