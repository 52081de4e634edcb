import { metaString } from '../sysroot/commits.ts';
import type { Commit, CommitStore } from '../sysroot/commits.ts';
import type { SandboxLayout } from '../sysroot/layout.ts';
import { readBootRecord } from '../sysroot/boot-record.ts';
import { readSysroot } from '../sysroot/read-sysroot.ts';
import type { DeploymentRecord, SysrootState } from '../sysroot/read-sysroot.ts';
import { STATUS_VERSION } from './apt-layer-api.ts';
import type { StatusDeployment, StatusReply, StatusTransaction } from './apt-layer-api.ts';

/** The client-side layer flag rpm-ostree (and the sandbox's layering) writes on a layered commit. */
export function isLayeredCommit(commit: Commit): boolean {
  return commit.metadata['rpmostree.clientlayer']?.value === true;
}

/** Names recorded as asked for in a layered commit (`rpmostree.packages`). */
function layeredNames(commit: Commit): string[] {
  const v = commit.metadata['rpmostree.packages'];
  return v?.signature === 'as' && Array.isArray(v.value)
    ? (v.value as unknown[]).filter((n): n is string => typeof n === 'string')
    : [];
}

/** The base commit of a deployment: the parent of a client-side layer, else the commit itself. */
export async function baseOf(commits: CommitStore, checksum: string): Promise<Commit> {
  const commit = await commits.load(checksum);
  return isLayeredCommit(commit) && commit.parent ? commits.load(commit.parent) : commit;
}

/** `remote:ref` of an origin (`refspec`, or `baserefspec` while layered). */
export function originRefspecOf(d: DeploymentRecord): string | null {
  return d.origin?.string('origin', 'refspec') ?? d.origin?.string('origin', 'baserefspec') ?? null;
}

export const deploymentIdOf = (d: Pick<DeploymentRecord, 'osname' | 'checksum' | 'serial'>) =>
  `${d.osname}-${d.checksum}.${d.serial}`;

async function statusDeployment(
  d: DeploymentRecord,
  commits: CommitStore,
): Promise<StatusDeployment> {
  const commit = await commits.load(d.checksum);
  const base = await baseOf(commits, d.checksum);
  return {
    id: deploymentIdOf(d),
    osname: d.osname,
    serial: d.serial,
    checksum: d.checksum,
    base_checksum: base.checksum,
    version: metaString(base, 'version') ?? null,
    timestamp: commit.timestamp > 0n ? Number(commit.timestamp) : null,
    origin: originRefspecOf(d),
    booted: d.booted,
    staged: d.staged,
    pinned: d.pinned,
    packages: isLayeredCommit(commit) ? layeredNames(commit) : [],
  };
}

/** The sysroot as the daemon sees it now (read afresh: apt-layer has no change signal). */
export async function loadSysroot(layout: SandboxLayout): Promise<SysrootState> {
  return readSysroot(layout, await readBootRecord(layout));
}

/** Status()'s reply (apt-layer-api.ts, assumption 1). */
export async function buildStatus(
  layout: SandboxLayout,
  commits: CommitStore,
  transaction: StatusTransaction | null,
): Promise<StatusReply> {
  const state = await loadSysroot(layout);
  const deployments: StatusDeployment[] = [];
  for (const d of state.deployments) deployments.push(await statusDeployment(d, commits));
  return {
    version: STATUS_VERSION,
    sysroot: layout.sysroot,
    booted: state.booted ? deploymentIdOf(state.booted) : null,
    deployments,
    transaction,
  };
}
