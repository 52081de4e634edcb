import { ioError, IoErrorCode } from '../service/errors.ts';
import type { MethodHandler } from '../service/service-interface.ts';
import type { DaemonContext } from '../daemon-context.ts';
import { deployJob } from '../jobs/deploy-job.ts';
import { deployRequest } from '../jobs/deploy-request.ts';
import type { DeployRequest } from '../jobs/deploy-request.ts';
import { beginTransaction, boolOption, stringOption } from '../transaction/begin-transaction.ts';
import { rebootSandbox } from '../../sysroot/sandbox-reboot.ts';

const POLICIES = ['none', 'off', 'check', 'stage', 'ex-stage', 'apply', 'auto'];

/**
 * Starts a deploy-family transaction: titled "new-deployment" until it runs,
 * then the option checks, the computed title and the deploy job.
 */
export function startDeploy(
  ctx: DaemonContext,
  call: Parameters<MethodHandler>[0],
  osname: string,
  method: string,
  args: readonly unknown[],
  options: unknown,
  request: DeployRequest,
  outputToSelf = false,
): Promise<string> {
  return beginTransaction(ctx, call, {
    osname,
    method,
    args,
    title: 'new-deployment',
    outputToSelf: boolOption(options, 'output-to-self') ?? outputToSelf,
    job: async (out) => {
      request.check();
      out.setTitle(request.title);
      await deployJob(ctx, osname, request.flags, request.changes, out, async () => {
        await rebootSandbox(ctx.layout);
      });
    },
  });
}

/** OS.Upgrade and OS.AutomaticUpdateTrigger (reference §5.3, §5.3.3). */
export function upgradeMethods(ctx: DaemonContext, osname: string): Record<string, MethodHandler> {
  return {
    Upgrade: (call, [options]) =>
      startDeploy(ctx, call, osname, 'Upgrade', [options], options, deployRequest({}, options)),
    AutomaticUpdateTrigger: async (call, [options]) => {
      if (ctx.state.sysroot.booted?.osname !== osname)
        throw ioError(IoErrorCode.FAILED, `Cannot trigger auto-update for offline OS '${osname}'`);
      const mode = stringOption(options, 'mode') ?? 'auto';
      if (!POLICIES.includes(mode))
        throw ioError(IoErrorCode.FAILED, `Invalid value for AutomaticUpdatePolicy: '${mode}'`);
      const policy = mode === 'auto' ? ctx.automaticUpdatePolicy() : mode;
      if (policy === 'none' || policy === 'off') return [false, ''];
      const request = deployRequest({}, options, {
        checkOnly: policy === 'check',
        reboot: policy === 'apply',
      });
      const address = await startDeploy(
        ctx,
        call,
        osname,
        'AutomaticUpdateTrigger',
        [options],
        options,
        request,
        true,
      );
      return [true, address];
    },
  };
}
