import * as dbus from 'dbus-next';
import { member } from '../../../daemon-bridge/rpm-ostree/profile.ts';
import type { DaemonProfile } from '../../../daemon-bridge/rpm-ostree/profile.ts';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ADVISORIES_KEY } from '../../remote/advisories.ts';
import { metaString } from '../../sysroot/commits.ts';
import type { Commit, CommitStore } from '../../sysroot/commits.ts';
import type { SandboxLayout } from '../../sysroot/layout.ts';
import type { DeploymentRecord } from '../../sysroot/read-sysroot.ts';
import { originRefspec } from './origin-keys.ts';
import type { VarDict } from './deployment-dict.ts';
import { commitPackages, diffPackages } from './package-diff.ts';
import { cachedRpmDiff, isEmptyDiff } from './rpm-diff-variants.ts';

/** What the sandbox keeps in its /var/cache/rpm-ostree/cached-update.gv stand-in (`layout.cacheDir`). */
export interface CachedUpdateRecord {
  /** The new base commit. */
  readonly checksum: string;
  /** The booted deployment's checksum when generated (stale otherwise). */
  readonly updateSha256: string;
  /** The staged deployment's id, when computed against one. */
  readonly deployment?: string;
}

const cachePath = (layout: SandboxLayout) => join(layout.cacheDir, 'cached-update.json');

/** Writes the cached-update record. */
export async function writeCachedUpdate(
  layout: SandboxLayout,
  record: CachedUpdateRecord,
): Promise<void> {
  await mkdir(dirname(cachePath(layout)), { recursive: true });
  await writeFile(cachePath(layout), `${JSON.stringify(record)}\n`);
}

/** Removes the cache (no update). */
export async function clearCachedUpdate(layout: SandboxLayout): Promise<void> {
  await rm(cachePath(layout), { force: true });
}

async function readRecord(layout: SandboxLayout): Promise<CachedUpdateRecord | null> {
  try {
    return JSON.parse(await readFile(cachePath(layout), 'utf8')) as CachedUpdateRecord;
  } catch {
    return null;
  }
}

/** The base commit of a deployment's commit (its parent when it is a client-side layer). */
export async function baseCommit(commits: CommitStore, checksum: string): Promise<Commit> {
  const commit = await commits.load(checksum);
  const layered = commit.metadata['rpmostree.clientlayer']?.value === true;
  return layered && commit.parent ? commits.load(commit.parent) : commit;
}

/** Requested (layered) package names of a deployment's origin. */
export function requestedPackages(d: DeploymentRecord): Set<string> {
  const raw = d.origin?.string('packages', 'requested') ?? '';
  return new Set(raw.split(';').filter((s) => s !== ''));
}

/**
 * The CachedUpdate property (reference §8.4) from the cache record, as
 * rpmostreed_update_generate_variant builds it; `{}` when there is no record,
 * when it is stale (update-sha256 ≠ booted checksum: the record is deleted,
 * as the daemon does) or when nothing is new. The diff goes under the
 * profile's name for `rpm-diff`.
 */
export async function loadCachedUpdate(
  layout: SandboxLayout,
  commits: CommitStore,
  booted: DeploymentRecord | null,
  profile: DaemonProfile,
): Promise<VarDict> {
  const record = await readRecord(layout);
  if (!record || !booted) return {};
  if (record.updateSha256 !== booted.checksum) {
    await clearCachedUpdate(layout);
    return {};
  }
  let next: Commit;
  try {
    next = await commits.load(record.checksum);
  } catch {
    return {};
  }
  const current = await baseCommit(commits, booted.checksum);
  const layered = requestedPackages(booted);
  const strip = (c: Commit) => commitPackages(c).filter((p) => !layered.has(p.name));
  const diff = diffPackages(strip(current), strip(next));
  const refHasNewCommit = next.checksum !== current.checksum;
  if (!refHasNewCommit && isEmptyDiff(diff)) return {};

  const dict: VarDict = {};
  const put = (k: string, t: string, v: unknown) => (dict[k] = new dbus.Variant(t, v));
  put('osname', 's', booted.osname);
  put('checksum', 's', next.checksum);
  const version = metaString(next, 'version');
  if (version !== undefined) put('version', 's', version);
  if (next.timestamp > 0n) put('timestamp', 't', next.timestamp);
  const origin = booted.origin ? originRefspec(booted.origin) : null;
  put('origin', 's', origin?.refspec ?? '');
  put('gpg-enabled', 'b', false);
  put('ref-has-new-commit', 'b', refHasNewCommit);
  if (!isEmptyDiff(diff)) put(member(profile, 'rpm-diff'), 'a{sv}', cachedRpmDiff(diff, layered));
  const advisories = next.metadata[ADVISORIES_KEY];
  if (advisories?.signature === 'a(suuasa{sv})' && (advisories.value as unknown[]).length > 0)
    put('advisories', 'a(suuasa{sv})', advisories.value);
  if (record.deployment) put('deployment', 's', record.deployment);
  put('update-sha256', 's', record.updateSha256);
  return dict;
}
