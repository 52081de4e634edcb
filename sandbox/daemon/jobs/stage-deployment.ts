import { readBootRecord } from '../../sysroot/boot-record.ts';
import type { SandboxLayout } from '../../sysroot/layout.ts';
import { ostree } from '../../sysroot/ostree-cli.ts';
import { readSysroot } from '../../sysroot/read-sysroot.ts';
import type { DeploymentRecord } from '../../sysroot/read-sysroot.ts';
import {
  clearStagedRecord,
  readStagedRecord,
  writeStagedRecord,
} from '../../sysroot/staged-record.ts';
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { syncBaseRefs } from '../../sysroot/base-refs.ts';
import { splitKernelArgs } from '../../sysroot/kernel-args.ts';
import { CommitStore } from '../../sysroot/commits.ts';
import { deploymentId } from '../state/deployment-dict.ts';
import { checkBootSpace } from '../../faults/boot-space.ts';

/** Refs that keep the commit being staged (and its base) from being pruned meanwhile. */
const HOLD_REF = 'sandbox/staging-hold';
const HOLD_BASE_REF = 'sandbox/staging-hold-base';

/** What the new deployment gets besides its commit. */
export interface StageOptions {
  /** `lock-finalization`. */
  readonly locked: boolean;
  /** Origin file text; default: the merge deployment's origin. */
  readonly origin?: string;
  /**
   * Kernel arguments; default: the merge deployment's (rpm-ostree issue 1392:
   * a pending deployment's arguments carry over). An `ostree=` argument is
   * replaced in place by ostree itself.
   */
  readonly kargs?: readonly string[];
}

async function hold(repo: string, ref: string, commit: string | null): Promise<void> {
  await ostree(['refs', `--repo=${repo}`, '--delete', ref]).catch(() => undefined);
  if (commit) await ostree(['refs', `--repo=${repo}`, `--create=${ref}`, commit]);
}

/** Undeploys the staged deployment, if there is one (`cleanup -p`, or before staging another). */
export async function removeStaged(layout: SandboxLayout): Promise<boolean> {
  const record = await readStagedRecord(layout);
  if (!record) return false;
  const state = await readSysroot(layout, await readBootRecord(layout));
  const first = state.deployments[0];
  await clearStagedRecord(layout);
  if (!first?.staged && !(first?.checksum === record.checksum && !first.booted)) return false;
  await ostree(['admin', 'undeploy', `--sysroot=${layout.sysroot}`, '0']);
  return true;
}

/**
 * "Stages" `commit` with the origin merge deployment's origin and kernel
 * arguments (or the given ones): a normal `ostree admin deploy --retain
 * --karg-none --karg-append=…` (the sandbox cannot stage, see
 * staged-record.ts) plus the staged record, written first with the serial
 * ostree will pick so no reload ever sees it unstaged. Returns the new id.
 */
export async function stageDeployment(
  layout: SandboxLayout,
  merge: DeploymentRecord,
  commit: string,
  options: StageOptions,
): Promise<string> {
  const { locked } = options;
  // The boot-free fault (sandbox/faults/): a /boot too small for a new kernel fails here,
  // before anything changed, as libostree's deploy does when copying it.
  await checkBootSpace(layout, merge.osname, commit);
  // The merge deployment may be the staged one being replaced (rpm-ostree merges
  // from the pending deployment when there is one): keep its origin and
  // kernel arguments first.
  const origin = join(layout.runDir, 'merge.origin');
  if (options.origin !== undefined) await writeFile(origin, options.origin);
  else await copyFile(join(layout.sysroot, `${merge.path}.origin`), origin);
  const kargs = options.kargs ?? splitKernelArgs(merge.bootEntry.options ?? '');
  // Undeploying prunes the repo, and a client-layered commit has no ref yet:
  // hold one on it (and on its base, which prune does not keep) until deployed.
  const layer = await new CommitStore(layout.repo).load(commit);
  const layered = layer.metadata['rpmostree.clientlayer']?.value === true;
  await hold(layout.repo, HOLD_REF, commit);
  await hold(layout.repo, HOLD_BASE_REF, layered ? layer.parent : null);
  try {
    await removeStaged(layout);
    const before = await readSysroot(layout, await readBootRecord(layout));
    const serials = before.deployments
      .filter((d) => d.osname === merge.osname && d.checksum === commit)
      .map((d) => d.serial);
    const serial = serials.length > 0 ? Math.max(...serials) + 1 : 0;
    await writeStagedRecord(layout, { checksum: commit, serial, locked });
    try {
      await ostree([
        'admin',
        'deploy',
        `--sysroot=${layout.sysroot}`,
        `--os=${merge.osname}`,
        '--retain',
        `--origin-file=${origin}`,
        '--karg-none',
        ...kargs.map((k) => `--karg-append=${k}`),
        commit,
      ]);
    } catch (err) {
      await clearStagedRecord(layout);
      throw err;
    }
    await syncBaseRefs(layout);
  } finally {
    await hold(layout.repo, HOLD_REF, null);
    await hold(layout.repo, HOLD_BASE_REF, null);
  }
  const after = await readSysroot(layout, await readBootRecord(layout));
  const first = after.deployments[0]!;
  const recorded = await readStagedRecord(layout);
  if (recorded && first.serial !== recorded.serial)
    await writeStagedRecord(layout, { checksum: commit, serial: first.serial, locked });
  return deploymentId(first);
}
