import { crashInPullDue, crashNow } from '../../faults/daemon-faults.ts';
import { pullRef } from '../../remote/pull.ts';
import { floodProgress, progressFloodFromEnv } from '../../remote/progress-flood.ts';
import type { Commit } from '../../sysroot/commits.ts';
import { parseRefspec, resolveRev } from '../../sysroot/repo-refs.ts';
import type { DaemonContext } from '../daemon-context.ts';
import type { TransactionOutput } from '../transaction/transaction-output.ts';
import { throwIfCancelled } from '../transaction/transaction-output.ts';

/** The deploy transaction's flags (reference §5.3.2). */
export interface UpgradeFlags {
  readonly allowDowngrade: boolean;
  readonly downloadOnly: boolean;
  readonly cacheOnly: boolean;
  /** AutomaticUpdateTrigger check: commit metadata only, never deploys. */
  readonly checkOnly: boolean;
  readonly lockFinalization: boolean;
  /** Reboot after staging (the sandbox reboot). */
  readonly reboot: boolean;
  /** Keep the merge deployment's base (PkgChange's default flag). */
  readonly noPullBase?: boolean;
  /** Stop before deploying. */
  readonly dryRun?: boolean;
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
 * rpmostree_sysroot_upgrader_pull_base: pull the origin's ref from the
 * remote (real libostree progress) unless cache-only or pinned to a
 * revision, resolve the target, and refuse a chronologically older one
 * without allow-downgrade. Returns the new base commit.
 */
export async function pullBase(
  ctx: DaemonContext,
  refspec: string,
  current: Commit,
  flags: UpgradeFlags,
  out: TransactionOutput,
): Promise<Commit> {
  const { remote, ref } = parseRefspec(refspec);
  if (!flags.cacheOnly && remote && !flags.revision) {
    const flood = progressFloodFromEnv();
    if (flood) await floodProgress(flood, (args) => out.downloadProgress(args), out.signal);
    // The crash-in-pull fault (sandbox/faults/) kills the pull with the daemon.
    const crash = new AbortController();
    await pullRef({
      repo: ctx.layout.repo,
      remote,
      ref,
      commitOnly: flags.checkOnly,
      signal: AbortSignal.any([out.signal, crash.signal]),
      onProgress: (args) => {
        out.downloadProgress(args);
        if (crashInPullDue(ctx.layout.dir, args[4][0]))
          crashNow(ctx.layout.dir, ctx.log, () => crash.abort());
      },
      onStatus: (text) => out.pullMessage(text),
    });
    out.pullEnd();
  }
  throwIfCancelled(out.signal);
  const target = flags.revision
    ? await flags.revision(ctx, refspec, flags.cacheOnly ? null : out)
    : await resolveRev(ctx.layout.repo, refspec);
  if (!target) throw new Error(`No such branch: ${refspec}`);
  const next = await ctx.commits.load(target);
  if (
    next.checksum !== current.checksum &&
    next.timestamp < current.timestamp &&
    !flags.allowDowngrade
  )
    throw new Error(
      `Upgrade target revision '${next.checksum}' with timestamp '${iso(next.timestamp)}' is chronologically older than current revision '${current.checksum}' with timestamp '${iso(current.timestamp)}'; use --allow-downgrade to permit`,
    );
  return next;
}
