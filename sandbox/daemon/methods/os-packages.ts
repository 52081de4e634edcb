import type { DaemonContext } from '../daemon-context.ts';
import { deployRequest } from '../jobs/deploy-request.ts';
import type { MethodHandler } from '../service/service-interface.ts';
import { startDeploy } from './os-upgrade.ts';
import * as dbus from 'dbus-next';

/**
 * OS.PkgChange and OS.UpdateDeployment (reference §5.3): both start the
 * deploy transaction. PkgChange synthesises `install-packages` /
 * `uninstall-packages` and defaults to no-pull-base (it layers on the origin
 * merge deployment's base); UpdateDeployment takes the modifiers as given
 * and pulls the base unless `no-pull-base` is set.
 */
export function packageMethods(ctx: DaemonContext, osname: string): Record<string, MethodHandler> {
  return {
    PkgChange: (call, [options, added, removed]) =>
      startDeploy(
        ctx,
        call,
        osname,
        'PkgChange',
        [options, added, removed],
        options,
        deployRequest(
          {
            'install-packages': new dbus.Variant('as', added),
            'uninstall-packages': new dbus.Variant('as', removed),
          },
          options,
          { noPullBase: true },
        ),
      ),
    UpdateDeployment: (call, [modifiers, options]) =>
      startDeploy(
        ctx,
        call,
        osname,
        'UpdateDeployment',
        [modifiers, options],
        options,
        deployRequest(modifiers, options),
      ),
  };
}
