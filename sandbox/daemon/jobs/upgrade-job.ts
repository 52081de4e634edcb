import { pullRef } from '../../remote/pull.ts';
import { parseRefspec, resolveRev } from '../../sysroot/repo-refs.ts';
import type { DaemonContext } from '../daemon-context.ts';
import { baseCommit, requestedPackages, writeCachedUpdate } from '../state/cached-update.ts';
import { originRefspec } from '../state/origin-keys.ts';
import type { TransactionOutput } from '../transaction/transaction-output.ts';
import { throwIfCancelled } from '../transaction/transaction-output.ts';
import { layerPackages } from './client-layer.ts';
import { stageDeployment } from './stage-deployment.ts';

/** The deploy transaction's flags (reference §5.3.2) as an upgrade uses them. */
export interface UpgradeFlags {
  readonly allowDowngrade: boolean;
  readonly downloadOnly: boolean;
  readonly cacheOnly: boolean;
  /** AutomaticUpdateTrigger check: commit metadata only, never deploys. */
  readonly checkOnly: boolean;
  readonly lockFinalization: boolean;
  /** Reboot after staging (the sandbox reboot). */
  readonly reboot: boolean;
  /** Pin to this revision (Deploy); undefined = the ref's head. */
  readonly revision?: (
    ctx: DaemonContext,
    refspec: string,
    /** Null: resolve locally only (cache-only). */
    out: TransactionOutput | null,
  ) => Promise<string>;
}

const iso = (t: bigint) => new Date(Number(t) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * The deploy transaction for an upgrade: pull the origin's ref from the
 * remote (real libostree progress), compare with the merge deployment's
 * base, then (unless check/download-only) layer the requested packages on
 * the new base and stage it; refresh the cached update.
 */
export async function upgradeJob(
  ctx: DaemonContext,
  osname: string,
  flags: UpgradeFlags,
  out: TransactionOutput,
  reboot: () => Promise<void>,
): Promise<void> {
  if (flags.downloadOnly && flags.cacheOnly)
    throw new Error('Cannot specify both --cache-only and --download-only');
  const state = ctx.state.sysroot;
  const merge = state.deployments.find((d) => d.osname === osname);
  if (!merge) throw new Error(`No deployments found for os ${osname}`);
  const origin = merge.origin ? originRefspec(merge.origin) : null;
  if (origin?.kind !== 'ostree') throw new Error('Unsupported origin type for upgrade');
  const refspec = origin.refspec;
  const { remote, ref } = parseRefspec(refspec);
  if (!flags.cacheOnly && remote && !flags.revision) {
    await pullRef({
      repo: ctx.layout.repo,
      remote,
      ref,
      commitOnly: flags.checkOnly,
      signal: out.signal,
      onProgress: (args) => out.downloadProgress(args),
      onStatus: (text) => out.pullMessage(text),
    });
    out.pullEnd();
  }
  throwIfCancelled(out.signal);
  const target = flags.revision
    ? await flags.revision(ctx, refspec, flags.cacheOnly ? null : out)
    : await resolveRev(ctx.layout.repo, refspec);
  if (!target) throw new Error(`No such branch: ${refspec}`);
  const current = await baseCommit(ctx.commits, merge.checksum);
  const next = await ctx.commits.load(target);
  const booted = state.booted;
  const updateSha256 = booted?.checksum ?? merge.checksum;

  if (next.checksum === current.checksum) {
    out.message(flags.revision ? 'No change.' : 'No upgrade available.');
    if (flags.checkOnly || !flags.revision)
      await writeCachedUpdate(ctx.layout, { checksum: next.checksum, updateSha256 });
    return;
  }
  if (next.timestamp < current.timestamp && !flags.allowDowngrade)
    throw new Error(
      `Upgrade target revision '${next.checksum}' with timestamp '${iso(next.timestamp)}' is chronologically older than current revision '${current.checksum}' with timestamp '${iso(current.timestamp)}'; use --allow-downgrade to permit`,
    );
  if (flags.checkOnly) {
    await writeCachedUpdate(ctx.layout, { checksum: next.checksum, updateSha256 });
    return;
  }
  if (flags.downloadOnly) {
    out.message('Update downloaded.');
    return;
  }
  throwIfCancelled(out.signal);
  let commit = next.checksum;
  const requested = [...requestedPackages(merge)];
  if (requested.length > 0) {
    out.taskBegin(`Checking out tree ${next.checksum.slice(0, 7)}`);
    commit = await layerPackages(
      ctx.layout.repo,
      ctx.commits,
      next.checksum,
      requested,
      ctx.layout.dir,
    );
    out.taskEnd('done');
  }
  out.taskBegin('Staging deployment');
  const id = await stageDeployment(ctx.layout, merge, commit, flags.lockFinalization);
  out.taskEnd('done');
  if (!flags.revision)
    await writeCachedUpdate(ctx.layout, { checksum: next.checksum, updateSha256, deployment: id });
  if (flags.reboot) await reboot();
}
