import * as dbus from 'dbus-next';
import { rebootSandbox } from '../../sysroot/sandbox-reboot.ts';
import type { DeploymentRecord } from '../../sysroot/read-sysroot.ts';
import type { DaemonContext } from '../daemon-context.ts';
import { kernelArgsJob } from '../jobs/kargs-job.ts';
import { ioError, IoErrorCode, rpmostreedError } from '../service/errors.ts';
import type { MethodHandler } from '../service/service-interface.ts';
import type { VarDict } from '../state/deployment-dict.ts';
import { beginTransaction, stringOption } from '../transaction/begin-transaction.ts';

/** C's atoi on a digit string: strtol clamped to LONG_MAX, then truncated to int. */
function atoi(digits: string): number {
  const max = (1n << 63n) - 1n;
  const long = BigInt(digits) > max ? max : BigInt(digits);
  return Number(BigInt.asIntN(32, long));
}

/** rpmostreed_deployment_get_for_index: an index into all deployments (every osname). */
function deploymentForIndex(
  all: readonly DeploymentRecord[],
  index: string,
  errorDomain: string,
): DeploymentRecord {
  const fail = (text: string) => rpmostreedError('Failed', text, errorDomain);
  if (!/^[0-9]*$/.test(index))
    throw fail(`Invalid deployment index ${index}, must be a number and >= 0`);
  const i = atoi(index);
  // The daemon compares the int with an unsigned length: a wrapped negative is out of range.
  if (i < 0 || i >= all.length)
    throw fail(`Out of range deployment index ${i}, expected < ${all.length}`);
  return all[i]!;
}

/**
 * GetDeploymentBootConfig's answer (reference §8.6): `staged` always; the
 * BLS entry's title, linux, initrd, options and version for a deployed
 * entry, only `options` for a staged one.
 */
function bootConfig(d: DeploymentRecord): VarDict {
  const out: VarDict = { staged: new dbus.Variant('b', d.staged) };
  const entry = d.bootEntry;
  const keys = {
    title: entry.title,
    linux: entry.linux,
    initrd: entry.initrd,
    options: entry.options,
    version: entry.version,
  };
  for (const [key, value] of Object.entries(keys)) {
    if (d.staged && key !== 'options') continue;
    if (value !== undefined) out[key] = new dbus.Variant('s', value);
  }
  return out;
}

/** OS.KernelArgs and OS.GetDeploymentBootConfig (reference §5.4, §5.5, §5.6). */
export function kernelArgsMethods(
  ctx: DaemonContext,
  osname: string,
): Record<string, MethodHandler> {
  return {
    KernelArgs: (call, [existing, added, replaced, removed, options]) =>
      beginTransaction(ctx, call, {
        osname,
        method: 'KernelArgs',
        args: [existing, added, replaced, removed, options],
        title: stringOption(options, 'initiating-command-line') ?? 'kargs',
        job: (out) =>
          kernelArgsJob(
            ctx,
            osname,
            {
              existing: existing as string,
              added: added as string[],
              replaced: replaced as string[],
              removed: removed as string[],
              options,
            },
            out,
            async () => {
              await rebootSandbox(ctx.layout);
            },
          ),
      }),
    GetDeploymentBootConfig: async (_call, [deployid, isPending]) => {
      await ctx.reload();
      const { deployments, booted } = ctx.state.sysroot;
      if (deployid !== '')
        return bootConfig(
          deploymentForIndex(deployments, deployid as string, ctx.profile.errorDomain),
        );
      // "" = the origin merge deployment (pending, else booted) with is_pending,
      // else ostree's merge deployment (the booted one when booted into this OS).
      const first = deployments.find((d) => d.osname === osname);
      const target = !isPending && booted?.osname === osname ? booted : first;
      if (!target) throw ioError(IoErrorCode.FAILED, `No deployments found for os ${osname}`);
      return bootConfig(target);
    },
  };
}
