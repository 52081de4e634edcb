import * as dbus from 'dbus-next';
import { member } from '../../../daemon-bridge/rpm-ostree/profile.ts';
import type { Commit } from '../../sysroot/commits.ts';
import { metaString } from '../../sysroot/commits.ts';
import { resolveRev } from '../../sysroot/repo-refs.ts';
import type { DaemonContext } from '../daemon-context.ts';
import { queryDeployments } from '../jobs/deployment-jobs.ts';
import { resolveRevision } from '../jobs/resolve-revision.ts';
import { deployJob } from '../jobs/deploy-job.ts';
import { deployRequest } from '../jobs/deploy-request.ts';
import { NO_CHANGES } from '../jobs/origin-changes.ts';
import { ioError, IoErrorCode } from '../service/errors.ts';
import type { MethodHandler } from '../service/service-interface.ts';
import { baseCommit } from '../state/cached-update.ts';
import { deploymentId } from '../state/deployment-dict.ts';
import type { VarDict } from '../state/deployment-dict.ts';
import { originRefspec } from '../state/origin-keys.ts';
import { commitPackages, diffPackages } from '../state/package-diff.ts';
import { rpmDiffResult } from '../state/rpm-diff-variants.ts';
import { beginTransaction } from '../transaction/begin-transaction.ts';

const fail = (text: string) => ioError(IoErrorCode.FAILED, text);

/** §8.5 details of a cached diff's target. */
function details(osname: string, target: Commit, refspec: string): VarDict {
  const d: VarDict = {
    osname: new dbus.Variant('s', osname),
    checksum: new dbus.Variant('s', target.checksum),
  };
  const version = metaString(target, 'version');
  if (version !== undefined) d.version = new dbus.Variant('s', version);
  if (target.timestamp > 0n) d.timestamp = new dbus.Variant('t', target.timestamp);
  d.origin = new dbus.Variant('s', refspec);
  d['gpg-enabled'] = new dbus.Variant('b', false);
  return d;
}

/**
 * The GetXRpmDiff and DownloadXRpmDiff methods (reference §5.4, §5.6, §8.3),
 * keyed by rpm-ostree's names; os-objects.ts serves them under the
 * profile's (GetXAptDiff …), and ActiveTransaction names them that way too.
 */
export function rpmDiffMethods(ctx: DaemonContext, osname: string): Record<string, MethodHandler> {
  const merge = () => {
    const q = queryDeployments(ctx.state.sysroot, osname);
    const d = q.booted ?? ctx.state.sysroot.deployments.find((x) => x.osname === osname);
    if (!d) throw fail(`No deployments found for os ${osname}`);
    return d;
  };
  const refspecOf = (d: ReturnType<typeof merge>) => {
    const o = d.origin ? originRefspec(d.origin) : null;
    if (o?.kind !== 'ostree') throw fail('Unsupported origin type');
    return o.refspec;
  };
  const cachedDiff = async (from: ReturnType<typeof merge>, target: string, refspec: string) => {
    const before = await baseCommit(ctx.commits, from.checksum);
    const after = await ctx.commits.load(target);
    const diff = diffPackages(commitPackages(before), commitPackages(after));
    return [rpmDiffResult(diff), details(osname, after, refspec)];
  };
  const packageDiff = (
    call: Parameters<MethodHandler>[0],
    method: string,
    args: unknown[],
    revision: string | null,
  ) =>
    beginTransaction(ctx, call, {
      osname,
      method,
      args,
      title: 'package-diff',
      job: (out) =>
        deployJob(
          ctx,
          osname,
          deployRequest({}, {}, { checkOnly: true, ...(revision !== null ? { revision } : {}) })
            .flags,
          NO_CHANGES,
          out,
          () => Promise.resolve(),
        ),
    });

  return {
    GetDeploymentsRpmDiff: async (_call, [id0, id1]) => {
      await ctx.reload();
      const find = (id: string) => {
        if (id === '') throw fail('empty deployment ID');
        const d = ctx.state.sysroot.deployments.find((x) => deploymentId(x) === id);
        if (!d) throw fail(`Deployment with id '${id}' not found`);
        return d;
      };
      const a = await ctx.commits.load(find(id0 as string).checksum);
      const b = await ctx.commits.load(find(id1 as string).checksum);
      return rpmDiffResult(diffPackages(commitPackages(a), commitPackages(b)));
    },
    GetCachedUpdateRpmDiff: async (_call, [deployid]) => {
      await ctx.reload();
      const from =
        deployid === ''
          ? merge()
          : ctx.state.sysroot.deployments.find((x) => deploymentId(x) === deployid);
      if (!from) throw fail(`Deployment with id '${deployid as string}' not found`);
      const refspec = refspecOf(from);
      const head = await resolveRev(ctx.layout.repo, refspec);
      if (!head) throw fail(`No such branch: ${refspec}`);
      return cachedDiff(from, head, refspec);
    },
    GetCachedDeployRpmDiff: async (_call, [revision]) => {
      await ctx.reload();
      const from = merge();
      const refspec = refspecOf(from);
      const target = await resolveRevision(ctx, refspec, revision as string, null).catch(
        (err: unknown) => {
          throw fail((err as Error).message);
        },
      );
      return cachedDiff(from, target, refspec);
    },
    DownloadUpdateRpmDiff: (call) =>
      packageDiff(call, member(ctx.profile, 'DownloadUpdateRpmDiff'), [], null),
    DownloadDeployRpmDiff: (call, [revision, packages]) =>
      packageDiff(
        call,
        member(ctx.profile, 'DownloadDeployRpmDiff'),
        [revision, packages],
        revision as string,
      ),
  };
}
