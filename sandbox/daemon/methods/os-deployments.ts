import type { DaemonContext } from '../daemon-context.ts';
import { CLEANUP_TYPES, cleanupJob, rollbackJob } from '../jobs/deployment-jobs.ts';
import { deployRequest } from '../jobs/deploy-request.ts';
import { ioError, IoErrorCode } from '../service/errors.ts';
import type { MethodHandler } from '../service/service-interface.ts';
import { beginTransaction, boolOption } from '../transaction/begin-transaction.ts';
import { startDeploy } from './os-upgrade.ts';

/** OS.Rollback, ClearRollbackTarget, Cleanup and Deploy (reference §5.3, §5.4). */
export function deploymentMethods(
  ctx: DaemonContext,
  osname: string,
): Record<string, MethodHandler> {
  const cleanup = (
    call: Parameters<MethodHandler>[0],
    method: string,
    args: readonly unknown[],
    elements: readonly string[],
    title: string,
  ) =>
    beginTransaction(ctx, call, {
      osname,
      method,
      args,
      title,
      job: (out) => cleanupJob(ctx.layout, ctx.state.sysroot, osname, elements, out),
    });
  return {
    Rollback: (call, [options]) =>
      beginTransaction(ctx, call, {
        osname,
        method: 'Rollback',
        args: [options],
        title: 'rollback',
        job: (out) =>
          rollbackJob(
            ctx.layout,
            ctx.state.sysroot,
            osname,
            boolOption(options, 'reboot') ?? false,
            out,
          ),
      }),
    ClearRollbackTarget: (call, [options]) =>
      cleanup(call, 'ClearRollbackTarget', [options], ['rollback-deploy'], 'clear-rollback'),
    Cleanup: (call, [elements]) => {
      for (const e of elements as string[])
        if (!CLEANUP_TYPES.includes(e))
          throw ioError(IoErrorCode.FAILED, `Invalid cleanup type: ${e}`);
      return cleanup(call, 'Cleanup', [elements], elements as string[], 'cleanup');
    },
    Deploy: (call, [revision, options]) =>
      startDeploy(
        ctx,
        call,
        osname,
        'Deploy',
        [revision, options],
        options,
        deployRequest({}, options, { allowDowngrade: true, revision: revision as string }),
      ),
  };
}
