import type { DaemonContext } from '../daemon-context.ts';
import type { MethodHandler } from '../service/service-interface.ts';
import { deploymentMethods } from './os-deployments.ts';
import { kernelArgsMethods } from './os-kargs.ts';
import { packageQueryMethods } from './os-package-queries.ts';
import { packageMethods } from './os-packages.ts';
import { rpmDiffMethods } from './os-rpm-diffs.ts';
import { upgradeMethods } from './os-upgrade.ts';

/** Every implemented OS method of `osname`'s object. */
export function osMethods(ctx: DaemonContext, osname: string): Record<string, MethodHandler> {
  return {
    ...upgradeMethods(ctx, osname),
    ...deploymentMethods(ctx, osname),
    ...rpmDiffMethods(ctx, osname),
    ...packageMethods(ctx, osname),
    ...packageQueryMethods(ctx, osname),
    ...kernelArgsMethods(ctx, osname),
  };
}
