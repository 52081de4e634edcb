import type { Capability } from '../contract/capabilities.ts';
import { assertNever } from '../contract/domain.ts';
import { DBusCallError } from '../dbus/call.ts';
import { DBUS_ERRORS } from '../errors.ts';
import type { TransactionRequest } from '../requests.ts';

/** The standard D-Bus name for "this service cannot do that". */
export const NOT_SUPPORTED = 'org.freedesktop.DBus.Error.NotSupported';

/** What each capability is called in a sentence. */
const DOING: { readonly [C in Capability]: string } = {
  'check-updates': 'Checking for updates without staging them',
  'stage-update': 'Staging an update',
  'package-diff': 'Comparing deployments package by package',
  advisories: 'Showing security advisories',
  rollback: 'Rolling back',
  'deploy-version': 'Deploying a chosen version',
  cleanup: 'Cleaning up deployments',
  cancel: 'Cancelling a transaction',
  'layer-packages': 'Layering packages',
  'override-packages': 'Removing, restoring or resetting base packages',
  'search-packages': 'Searching packages',
  'kernel-args': 'Editing kernel arguments',
  pin: 'Pinning deployments',
  'automatic-update-policy': 'Setting the automatic update policy',
  reboot: 'Restarting',
};

/**
 * A request apt-layer's API has no call for. Refused locally, never sent and
 * never approximated. A DBusCallError (NotSupported), so the bridge's
 * toAppError turns it into a failed Result carrying this message.
 */
export class NotAvailableError extends DBusCallError {
  constructor(
    readonly capability: Capability,
    member: string,
  ) {
    super(
      NOT_SUPPORTED,
      `${DOING[capability]} is not available with apt-layer: its API has no such call.`,
      member,
    );
  }
}

/** One apt-layer method call that starts a transaction. */
export type AptLayerCall =
  | { readonly method: 'Install' | 'Uninstall'; readonly packages: readonly string[] }
  | { readonly method: 'Upgrade' | 'Rollback' };

/**
 * The apt-layer call for a request, or the error that refuses it. A package
 * change that both adds and removes is refused as invalid input: apt-layer
 * does each in its own transaction (Install, Uninstall), and two
 * transactions are not one — the user removes first, then installs.
 */
export function aptLayerCall(request: TransactionRequest): AptLayerCall {
  switch (request.kind) {
    case 'upgrade':
      return { method: 'Upgrade' };
    case 'rollback':
      return { method: 'Rollback' };
    case 'packages': {
      const { add, remove } = request;
      if (add.length > 0 && remove.length > 0)
        throw new DBusCallError(
          DBUS_ERRORS.invalidArgs,
          'apt-layer installs and removes packages in separate transactions: remove first, then install.',
          'Install',
        );
      if (add.length > 0) return { method: 'Install', packages: add };
      if (remove.length > 0) return { method: 'Uninstall', packages: remove };
      throw new DBusCallError(
        DBUS_ERRORS.invalidArgs,
        'No packages to install or remove.',
        'Install',
      );
    }
    case 'check':
      return refuse('check-updates', request.kind);
    case 'deploy':
    case 'download-deploy-diff':
      return refuse('deploy-version', request.kind);
    case 'cleanup':
      return refuse('cleanup', request.kind);
    case 'overrides':
    case 'reset':
      return refuse('override-packages', request.kind);
    case 'kernel-args':
      return refuse('kernel-args', request.kind);
    default:
      return assertNever(request);
  }
}

function refuse(capability: Capability, kind: string): never {
  throw new NotAvailableError(capability, kind);
}
