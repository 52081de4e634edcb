import { nevra } from '../../seed/packages.ts';
import type { Commit } from '../../sysroot/commits.ts';
import { metaString } from '../../sysroot/commits.ts';
import { originRequests, originText } from '../../sysroot/origin-file.ts';
import type { DaemonContext } from '../daemon-context.ts';
import { baseCommit, writeCachedUpdate } from '../state/cached-update.ts';
import { originRefspec } from '../state/origin-keys.ts';
import type { TransactionOutput } from '../transaction/transaction-output.ts';
import { throwIfCancelled } from '../transaction/transaction-output.ts';
import { layerPackages } from './client-layer.ts';
import { basePackagesOf, planLayer } from './layer-plan.ts';
import type { LayerPlan } from './layer-plan.ts';
import {
  applyLayeringChanges,
  applyOverrideRemovals,
  applyOverrideResets,
} from './origin-changes.ts';
import type { PackageChanges, RemovedPackage } from './origin-changes.ts';
import { stageDeployment } from './stage-deployment.ts';
import { pullBase } from './upgrade-job.ts';
import type { UpgradeFlags } from './upgrade-job.ts';

const isLayered = (c: Commit) => c.metadata['rpmostree.clientlayer']?.value === true;

/** The base removals a layered commit recorded (`av` of `(sstsss)`). */
function removedOf(commit: Commit): RemovedPackage[] {
  const v = commit.metadata['rpmostree.removed-base-packages'];
  if (v?.signature !== 'av') return [];
  return (v.value as { value: unknown }[]).map((item) => {
    const [nevra = '', name = ''] = item.value as string[];
    return { nevra, name };
  });
}

/** rpmostree_print_transaction, for dry-run. */
function printTransaction(out: TransactionOutput, plan: LayerPlan): void {
  if (plan.layered.length > 0) {
    out.message(`Installing ${plan.layered.length} packages:`);
    for (const p of plan.layered) out.message(`  ${nevra(p)} (${p.repo})`);
  }
  if (plan.removed.length > 0) {
    out.message(`Removing ${plan.removed.length} packages:`);
    for (const p of plan.removed) out.message(`  ${nevra(p)} (@System)`);
  }
  if (plan.layered.length === 0 && plan.removed.length === 0) out.message('Empty transaction');
}

/**
 * The deploy transaction (rpmostreed-transaction-types.cxx
 * deploy_transaction_execute) behind Upgrade, Deploy, PkgChange,
 * UpdateDeployment and AutomaticUpdateTrigger, in the daemon's order:
 * origin edits (uninstall, the "already provided" check, install, override
 * resets), the base pull (unless no-pull-base), override removals against
 * the new base, the layer plan (inactive requests, depsolve), then — if
 * anything changed — the client-side layer and the staged deployment, which
 * keeps the origin merge deployment's kernel arguments.
 */
export async function deployJob(
  ctx: DaemonContext,
  osname: string,
  flags: UpgradeFlags,
  changes: PackageChanges,
  out: TransactionOutput,
  reboot: () => Promise<void>,
): Promise<void> {
  if (flags.downloadOnly && flags.cacheOnly)
    throw new Error("Can't specify cache-only and download-only");
  const state = ctx.state.sysroot;
  // The origin merge deployment: the pending one if any, else the booted one.
  const merge = state.deployments.find((d) => d.osname === osname);
  if (!merge) throw new Error(`No deployments found for os ${osname}`);
  const origin = merge.origin ? originRefspec(merge.origin) : null;
  if (!merge.origin || origin?.kind !== 'ostree')
    throw new Error('Unsupported origin type for upgrade');
  const mergeCommit = await ctx.commits.load(merge.checksum);
  const current = await baseCommit(ctx.commits, merge.checksum);

  const { universe } = ctx.machine;
  let edit = applyLayeringChanges(
    originRequests(merge.origin),
    changes,
    basePackagesOf(current, universe),
  );
  let changed = edit.changed;
  edit = applyOverrideResets(edit.requests, changes, removedOf(mergeCommit));
  changed ||= edit.changed;

  let target = current;
  if (!flags.noPullBase) {
    target = await pullBase(ctx, origin.refspec, current, flags, out);
    changed ||= target.checksum !== current.checksum;
  }
  edit = applyOverrideRemovals(
    edit.requests,
    changes.overrideRemove,
    basePackagesOf(target, universe),
  );
  changed ||= edit.changed;
  const requests = edit.requests;
  const isUpgrade = !flags.noPullBase && !flags.revision;
  const updateSha256 = state.booted?.checksum ?? merge.checksum;

  if (flags.checkOnly) {
    if (target.checksum === current.checksum)
      out.message(flags.revision ? 'No change.' : 'No upgrade available.');
    await writeCachedUpdate(ctx.layout, { checksum: target.checksum, updateSha256 });
    return;
  }
  const { plan, messages } = planLayer(target, requests, universe);
  for (const line of messages) out.message(line);
  const mergeState = isLayered(mergeCommit)
    ? metaString(mergeCommit, 'rpmostree.state-sha512')
    : undefined;
  const layeringChanged = plan ? plan.state !== mergeState : mergeState !== undefined;
  changed ||= layeringChanged;
  if (flags.dryRun) {
    if (plan) printTransaction(out, plan);
    return;
  }
  if (!changed) {
    out.message(isUpgrade ? 'No upgrade available.' : 'No change.');
    if (isUpgrade) await writeCachedUpdate(ctx.layout, { checksum: target.checksum, updateSha256 });
    return;
  }
  if (flags.downloadOnly) {
    out.message('Update downloaded.');
    return;
  }
  throwIfCancelled(out.signal);
  let commit = target.checksum;
  // An unchanged layer (same base, requests and removals) is the merge deployment's commit.
  if (plan && !layeringChanged) commit = merge.checksum;
  else if (plan) {
    out.taskBegin(`Checking out tree ${target.checksum.slice(0, 7)}`);
    commit = await layerPackages(ctx.layout.repo, plan, ctx.layout.dir);
    out.taskEnd('done');
  }
  out.taskBegin('Staging deployment');
  const id = await stageDeployment(ctx.layout, merge, commit, {
    locked: flags.lockFinalization,
    origin: originText(merge.origin, requests),
  });
  out.taskEnd('done');
  if (isUpgrade)
    await writeCachedUpdate(ctx.layout, {
      checksum: target.checksum,
      updateSha256,
      deployment: id,
    });
  if (flags.reboot) await reboot();
}
