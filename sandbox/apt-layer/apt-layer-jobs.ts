/**
 * What Install, Uninstall, Upgrade and Rollback do to the sysroot, built
 * from the sandbox's own sysroot operations (the same layering, staging and
 * rollback the rpm-ostree sandbox daemon uses), reporting progress as
 * apt-layer's TransactionProgress percentages.
 */
import { layerPackages } from '../daemon/jobs/client-layer.ts';
import { rollbackJob } from '../daemon/jobs/deployment-jobs.ts';
import { basePackagesOf, planLayer } from '../daemon/jobs/layer-plan.ts';
import { applyLayeringChanges, NO_CHANGES } from '../daemon/jobs/origin-changes.ts';
import { stageDeployment } from '../daemon/jobs/stage-deployment.ts';
import type { TransactionOutput } from '../daemon/transaction/transaction-output.ts';
import { pullRef } from '../remote/pull.ts';
import { nevra } from '../seed/packages.ts';
import type { Commit, CommitStore } from '../sysroot/commits.ts';
import type { SandboxLayout } from '../sysroot/layout.ts';
import { originRequests, originText } from '../sysroot/origin-file.ts';
import type { PackageRequests } from '../sysroot/origin-file.ts';
import type { DeploymentRecord } from '../sysroot/read-sysroot.ts';
import { parseRefspec, resolveRev } from '../sysroot/repo-refs.ts';
import { DONE_MESSAGE } from './apt-layer-api.ts';
import { baseOf, loadSysroot, originRefspecOf } from './apt-layer-status.ts';

/** Reports one step: a percentage (0–99) and a line saying what happens. */
export type ReportProgress = (percent: number, message: string) => void;

export interface JobContext {
  readonly layout: SandboxLayout;
  readonly commits: CommitStore;
  readonly progress: ReportProgress;
}

/** A job resolves with its terminal message (DONE_MESSAGE, or "No change." and the like). */
export type AptLayerJob = (ctx: JobContext) => Promise<string>;

/** The deployment new ones are made from: the pending one if any, else the booted one. */
async function mergeDeployment(layout: SandboxLayout) {
  const state = await loadSysroot(layout);
  const osname = state.booted?.osname;
  if (!osname) throw new Error('This system is not booted into an OSTree deployment');
  const merge = state.deployments.find((d) => d.osname === osname);
  if (!merge?.origin) throw new Error(`No deployment with an origin found for os ${osname}`);
  return { state, osname, merge, origin: merge.origin };
}

/**
 * Commits the layer for `requests` on `base` (or takes the base itself when
 * nothing is left to layer) and stages it with the merge deployment's origin
 * edited and its kernel arguments.
 */
async function layerAndStage(
  ctx: JobContext,
  merge: DeploymentRecord & { readonly origin: NonNullable<DeploymentRecord['origin']> },
  base: Commit,
  requests: PackageRequests,
  from: number,
): Promise<void> {
  const { plan, messages } = planLayer(base, requests);
  for (const line of messages) ctx.progress(from, line);
  let commit = base.checksum;
  if (plan) {
    ctx.progress(
      from + 5,
      `Resolved ${plan.layered.length} packages: ${plan.layered.map((p) => nevra(p)).join(', ')}`,
    );
    ctx.progress(from + 10, `Writing the layer on ${base.checksum.slice(0, 10)}`);
    commit = await layerPackages(ctx.layout.repo, plan, ctx.layout.dir);
  }
  ctx.progress(80, 'Staging deployment');
  await stageDeployment(ctx.layout, merge, commit, {
    locked: false,
    origin: originText(merge.origin, requests),
  });
}

/** Install (or Uninstall): a new pending deployment of the same base with the layer changed. */
export function packagesJob(change: {
  readonly install: readonly string[];
  readonly uninstall: readonly string[];
}): AptLayerJob {
  return async (ctx) => {
    ctx.progress(5, 'Reading the system');
    const { merge, origin } = await mergeDeployment(ctx.layout);
    const base = await baseOf(ctx.commits, merge.checksum);
    const names = [...change.install, ...change.uninstall].join(', ');
    ctx.progress(15, change.install.length > 0 ? `Resolving ${names}` : `Removing ${names}`);
    const edit = applyLayeringChanges(
      originRequests(origin),
      { ...NO_CHANGES, install: change.install, uninstall: change.uninstall },
      basePackagesOf(base),
    );
    if (!edit.changed) return 'No change.';
    await layerAndStage(ctx, { ...merge, origin }, base, edit.requests, 30);
    return DONE_MESSAGE;
  };
}

const iso = (t: bigint) => new Date(Number(t) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

/** Upgrade: pull the origin's ref, then stage its head with the layered packages on it. */
export const upgradeJob: AptLayerJob = async (ctx) => {
  ctx.progress(2, 'Reading the system');
  const { merge, origin } = await mergeDeployment(ctx.layout);
  const refspec = originRefspecOf(merge);
  if (!refspec) throw new Error('The deployment does not track a ref');
  const current = await baseOf(ctx.commits, merge.checksum);
  const { remote, ref } = parseRefspec(refspec);
  if (remote) {
    ctx.progress(5, `Pulling ${refspec}`);
    let last = 5;
    await pullRef({
      repo: ctx.layout.repo,
      remote,
      ref,
      onProgress: ([, , , , [fetched, requested]]) => {
        const percent = requested > 0 ? 5 + Math.floor((50 * fetched) / requested) : last;
        if (percent === last) return;
        last = percent;
        ctx.progress(percent, `Receiving objects: ${fetched}/${requested}`);
      },
      onStatus: (text) => ctx.progress(last, text),
    });
  }
  const head = await resolveRev(ctx.layout.repo, refspec);
  if (!head) throw new Error(`No such branch: ${refspec}`);
  const target = await ctx.commits.load(head);
  if (target.checksum === current.checksum) return 'No upgrade available.';
  if (target.timestamp < current.timestamp)
    throw new Error(
      `Upgrade target revision '${target.checksum}' with timestamp '${iso(target.timestamp)}' is chronologically older than current revision '${current.checksum}' with timestamp '${iso(current.timestamp)}'`,
    );
  ctx.progress(60, `Upgrading to ${target.checksum.slice(0, 10)}`);
  await layerAndStage(ctx, { ...merge, origin }, target, originRequests(origin), 60);
  return DONE_MESSAGE;
};

/** The sandbox's rollback job speaks TransactionOutput; here its lines become progress. */
function outputAt(ctx: JobContext, percent: number): TransactionOutput {
  const line = (text: string) => ctx.progress(percent, text);
  return {
    signal: new AbortController().signal,
    message: line,
    taskBegin: line,
    taskEnd: () => undefined,
    percent: (text) => line(text),
    progressEnd: () => undefined,
    downloadProgress: () => undefined,
    pullMessage: line,
    pullEnd: () => undefined,
    setTitle: () => undefined,
  };
}

/** Rollback: the rollback deployment (or, with only a pending one, the booted one) goes first. */
export const rollbackAptJob: AptLayerJob = async (ctx) => {
  ctx.progress(10, 'Reading the system');
  const state = await loadSysroot(ctx.layout);
  const osname = state.booted?.osname;
  if (!osname) throw new Error('This system is not booted into an OSTree deployment');
  await rollbackJob(ctx.layout, state, osname, false, outputAt(ctx, 50));
  return DONE_MESSAGE;
};
