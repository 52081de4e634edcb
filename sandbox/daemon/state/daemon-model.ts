import { osObjectPath } from '../../../daemon-bridge/rpm-ostree/profile.ts';
import type { DaemonProfile } from '../../../daemon-bridge/rpm-ostree/profile.ts';
import { readBootRecord } from '../../sysroot/boot-record.ts';
import type { CommitStore } from '../../sysroot/commits.ts';
import type { SandboxLayout } from '../../sysroot/layout.ts';
import { readSysroot } from '../../sysroot/read-sysroot.ts';
import type { DeploymentRecord, SysrootState } from '../../sysroot/read-sysroot.ts';
import { loadCachedUpdate } from './cached-update.ts';
import { deploymentDict } from './deployment-dict.ts';
import type { DeploymentContext, VarDict } from './deployment-dict.ts';

/** Property values of one OS object, by rpm-ostree's names (os-objects.ts renames them per profile). */
export interface OsProperties {
  readonly Name: string;
  readonly BootedDeployment: VarDict;
  readonly DefaultDeployment: VarDict;
  readonly RollbackDeployment: VarDict;
  readonly CachedUpdate: VarDict;
  readonly HasCachedUpdateRpmDiff: boolean;
}

/** Everything the daemon publishes about the sysroot at one moment. */
export interface DaemonModel {
  readonly sysroot: SysrootState;
  /** `Sysroot.Booted`: the booted OS object's path, or "/" when not booted. */
  readonly booted: string;
  /** `Sysroot.Deployments`, in boot order. */
  readonly deployments: readonly VarDict[];
  /** OS objects by osname, in order of first appearance in boot order. */
  readonly os: ReadonlyMap<string, { readonly path: string; readonly properties: OsProperties }>;
}

/**
 * Builds the published state from a loaded sysroot: the Deployments list
 * plus, per osname with at least one deployment, the OS properties with
 * libostree's query_deployments_for semantics (reference §5.1).
 */
export async function buildModel(
  sysroot: SysrootState,
  ctx: DeploymentContext,
  profile: DaemonProfile,
): Promise<DaemonModel> {
  const dicts = new Map<DeploymentRecord, VarDict>();
  for (const [i, d] of sysroot.deployments.entries()) {
    try {
      dicts.set(d, await deploymentDict(d, ctx));
    } catch (err) {
      throw new Error(
        `Reading deployment ${i}: Reading deployment metadata: ${(err as Error).message}`,
      );
    }
  }
  const os = new Map<string, { path: string; properties: OsProperties }>();
  for (const d of sysroot.deployments) {
    if (os.has(d.osname)) continue;
    os.set(d.osname, {
      path: osObjectPath(profile, d.osname),
      properties: osProperties(d.osname, sysroot, dicts),
    });
  }
  return {
    sysroot,
    booted: sysroot.booted ? osObjectPath(profile, sysroot.booted.osname) : '/',
    deployments: sysroot.deployments.map((d) => dicts.get(d)!),
    os,
  };
}

function osProperties(
  osname: string,
  sysroot: SysrootState,
  dicts: ReadonlyMap<DeploymentRecord, VarDict>,
): OsProperties {
  const booted = sysroot.booted?.osname === osname ? sysroot.booted : null;
  // ostree_sysroot_query_deployments_for: before the booted one → pending, after → rollback.
  let pending: DeploymentRecord | null = null;
  let rollback: DeploymentRecord | null = null;
  let seenBooted = false;
  for (const d of sysroot.deployments) {
    if (d.osname !== osname) continue;
    if (booted && d === booted) seenBooted = true;
    else if (!seenBooted) pending ??= d;
    else rollback ??= d;
  }
  const dict = (d: DeploymentRecord | null): VarDict => (d ? dicts.get(d)! : {});
  return {
    Name: osname,
    BootedDeployment: dict(booted),
    DefaultDeployment: pending ? dict(pending) : dict(booted),
    RollbackDeployment: dict(rollback),
    // The cached update (§8.4) appears with the update transactions; until then there is none.
    CachedUpdate: {},
    HasCachedUpdateRpmDiff: false,
  };
}

/** `model` with CachedUpdate/HasCachedUpdateRpmDiff set on the booted OS (the only one that has them). */
export function withCachedUpdate(model: DaemonModel, cached: VarDict): DaemonModel {
  const osname = model.sysroot.booted?.osname;
  const entry = osname !== undefined ? model.os.get(osname) : undefined;
  if (!entry || Object.keys(cached).length === 0) return model;
  const os = new Map(model.os);
  os.set(osname!, {
    path: entry.path,
    properties: { ...entry.properties, CachedUpdate: cached, HasCachedUpdateRpmDiff: true },
  });
  return { ...model, os };
}

/** Reads boot record, sysroot and cached update and builds the model (every reload). */
export async function loadDaemonModel(
  layout: SandboxLayout,
  commits: CommitStore,
  profile: DaemonProfile,
): Promise<DaemonModel> {
  const sysroot = await readSysroot(layout, await readBootRecord(layout));
  const model = await buildModel(sysroot, { commits, repo: layout.repo }, profile);
  return withCachedUpdate(model, await loadCachedUpdate(layout, commits, sysroot.booted, profile));
}
