/**
 * The package changes a user can confirm, each with the command line that
 * does the same, and which one a row of the Packages view offers. Pure.
 */
import {
  overrideCommandLine,
  packageChangeCommandLine,
  resetCommandLine,
  RPM_OSTREE_CLI,
} from '../../../daemon-bridge/contract/command-lines.ts';
import type { CommandLineTool } from '../../../daemon-bridge/contract/command-lines.ts';
import { assertNever } from '../../../daemon-bridge/contract/domain.ts';
import type { RebootItem } from '../reboot-diff/reboot-diff.ts';

export type PackageAction =
  | { readonly kind: 'install'; readonly name: string }
  | { readonly kind: 'uninstall'; readonly name: string }
  | { readonly kind: 'override-remove'; readonly name: string }
  | { readonly kind: 'override-reset'; readonly name: string }
  | { readonly kind: 'reset'; readonly layering: boolean; readonly overrides: boolean };

export function packageActionCommandLine(
  action: PackageAction,
  tool: CommandLineTool = RPM_OSTREE_CLI,
): string {
  switch (action.kind) {
    case 'install':
      return packageChangeCommandLine({ add: [action.name], remove: [] }, tool);
    case 'uninstall':
      return packageChangeCommandLine({ add: [], remove: [action.name] }, tool);
    case 'override-remove':
      return overrideCommandLine({ remove: [action.name], reset: [] }, tool);
    case 'override-reset':
      return overrideCommandLine({ remove: [], reset: [action.name] }, tool);
    case 'reset':
      return resetCommandLine(action, tool);
    default:
      return assertNever(action);
  }
}

/**
 * What a row offers. Everything pending can be undone before the reboot:
 * a package going away is requested again, a removal going away is made
 * again; anything else is uninstalled or reset. A local package or a
 * replacement going away needs its RPM file again, which this app cannot
 * send, so those rows offer nothing (discarding the pending deployment does).
 */
export function rowAction(item: RebootItem): PackageAction | null {
  const goingAway = item.state === 'going-away';
  switch (item.kind) {
    case 'package':
      return { kind: goingAway ? 'install' : 'uninstall', name: item.name };
    case 'local-package':
      return goingAway ? null : { kind: 'uninstall', name: item.name };
    case 'base-removal':
      return { kind: goingAway ? 'override-remove' : 'override-reset', name: item.name };
    case 'replacement':
      return goingAway ? null : { kind: 'override-reset', name: item.name };
    case 'karg':
      return null;
    default:
      return assertNever(item.kind);
  }
}
