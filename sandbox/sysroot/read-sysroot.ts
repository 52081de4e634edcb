import { access, readFile, readlink, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ostreeKarg, readBootEntries } from './boot-entries.ts';
import type { BootEntry } from './boot-entries.ts';
import type { BootRecord } from './boot-record.ts';
import { KeyFile } from './keyfile.ts';
import type { SandboxLayout } from './layout.ts';
import { readStagedRecord } from './staged-record.ts';
import type { StagedRecord } from './staged-record.ts';

/** libostree's unlock states (ostree_deployment_unlocked_state_to_string). */
export type UnlockedState = 'none' | 'hotfix' | 'development' | 'transient';

/** One deployment as libostree's sysroot loader sees it. */
export interface DeploymentRecord {
  /** Position in boot order (0 = default for the next boot). */
  readonly index: number;
  readonly osname: string;
  readonly checksum: string;
  readonly serial: number;
  readonly bootcsum: string;
  readonly bootserial: number;
  readonly booted: boolean;
  readonly staged: boolean;
  /** Staged with `lock-finalization`. */
  readonly finalizationLocked: boolean;
  /** `[libostree-transient] pinned=true` in the origin (what `ostree admin pin` writes). */
  readonly pinned: boolean;
  readonly unlocked: UnlockedState;
  /** The `.origin` keyfile; null if the deployment has none. */
  readonly origin: KeyFile | null;
  readonly bootEntry: BootEntry;
  /** Deployment directory relative to the sysroot. */
  readonly path: string;
}

/** All deployments in boot order plus the booted one. */
export interface SysrootState {
  readonly deployments: readonly DeploymentRecord[];
  readonly booted: DeploymentRecord | null;
}

const BOOTLINK = /^\/ostree\/boot\.([01])\/([^/]+)\/([^/]+)\/([0-9]+)$/;
const DEPLOY_NAME = /^([0-9a-f]{64})\.(\d+)$/;

/**
 * Loads the sysroot as ostree_sysroot_load does: the current BLS entries in
 * boot order, each entry's `ostree=` boot link followed to its deployment,
 * plus the deployment's `.origin` and run-state flags. `boot` is the record of
 * the running boot; the deployment with its (device, inode) is the booted one.
 */
export async function readSysroot(
  layout: SandboxLayout,
  boot: BootRecord | null,
): Promise<SysrootState> {
  const entries = await readBootEntries(layout.sysroot);
  const deployments: DeploymentRecord[] = [];
  const staged = await readStagedRecord(layout);
  for (const [index, entry] of entries.entries())
    deployments.push(await readDeployment(layout, entry, index, boot, staged));
  return { deployments, booted: deployments.find((d) => d.booted) ?? null };
}

async function readDeployment(
  layout: SandboxLayout,
  entry: BootEntry,
  index: number,
  boot: BootRecord | null,
  stagedRecord: StagedRecord | null,
): Promise<DeploymentRecord> {
  const link = ostreeKarg(entry.options);
  if (link === undefined) throw new Error(`No ostree= kernel argument found in ${entry.file}`);
  const m = BOOTLINK.exec(link);
  if (!m)
    throw new Error(
      `Invalid ostree= argument '${link}', expected ostree=/ostree/boot.BOOTVERSION/OSNAME/BOOTCSUM/TREESERIAL`,
    );
  const [, , osname, bootcsum, bootserial] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  const linkPath = join(layout.sysroot, link);
  const name = basename(await readlink(linkPath));
  const d = DEPLOY_NAME.exec(name);
  if (!d) throw new Error(`Invalid deploy name '${name}' (from ${link})`);
  const [, checksum, serial] = d as unknown as [string, string, string];
  const path = join('ostree', 'deploy', osname, 'deploy', name);
  const st = await stat(linkPath, { bigint: true });
  const origin = await readOrigin(join(layout.sysroot, `${path}.origin`));
  const booted =
    boot !== null &&
    boot.deployment === path &&
    boot.device === st.dev.toString() &&
    boot.inode === st.ino.toString();
  const isStaged =
    index === 0 &&
    !booted &&
    stagedRecord?.checksum === checksum &&
    stagedRecord.serial === Number(serial);
  return {
    index,
    osname,
    checksum,
    serial: Number(serial),
    bootcsum,
    bootserial: Number(bootserial),
    booted,
    // Only the first deployment can be the staged one, and never the booted one.
    staged: isStaged,
    finalizationLocked: isStaged && stagedRecord?.locked === true,
    pinned: origin?.boolean('libostree-transient', 'pinned') ?? false,
    unlocked: await unlockedState(layout, name, origin),
    origin,
    bootEntry: entry,
    path,
  };
}

async function readOrigin(path: string): Promise<KeyFile | null> {
  try {
    return KeyFile.parse(await readFile(path, 'utf8'), path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

async function unlockedState(
  layout: SandboxLayout,
  deployName: string,
  origin: KeyFile | null,
): Promise<UnlockedState> {
  const flag = (f: string) =>
    access(join(layout.deploymentState, deployName, f)).then(
      () => true,
      () => false,
    );
  if (await flag('unlocked-development')) return 'development';
  if (await flag('unlocked-transient')) return 'transient';
  return origin?.string('origin', 'unlocked') === 'hotfix' ? 'hotfix' : 'none';
}
