/**
 * What each kind of update daemon can do, as data (issue "Debian daemons").
 * rpm-ostree and apt-ostree speak the same API; apt-layer's simpler API
 * (Status, Install, Uninstall, Upgrade, Rollback, TransactionProgress) lacks
 * the rest. The renderer hides or disables what the connected daemon lacks
 * and says why in one line; the main process refuses it with the same reason.
 */

import type { CommandName } from './channels.ts';

/** The daemons the app knows, by API. */
export type DaemonKind = 'rpm-ostree' | 'apt-ostree' | 'apt-layer';

export const daemonKinds: readonly DaemonKind[] = ['rpm-ostree', 'apt-ostree', 'apt-layer'];

export const capabilities = [
  /** Look for an update without taking it (AutomaticUpdateTrigger mode=check). */
  'check-updates',
  /** Download and stage an update for the next boot. */
  'stage-update',
  /** The package diff of an update or between deployments. */
  'package-diff',
  /** Security advisories of an update. */
  'advisories',
  'rollback',
  /** Deploy a given version, with its diff first. */
  'deploy-version',
  'cleanup',
  'cancel',
  /** Layer packages and remove layered ones. */
  'layer-packages',
  /** Remove or restore base packages, reset layering. */
  'override-packages',
  'search-packages',
  'kernel-args',
  'pin',
  'automatic-update-policy',
  /** Restart into the pending deployment from the app. */
  'reboot',
] as const;

export type Capability = (typeof capabilities)[number];

const everything: readonly Capability[] = capabilities;

/** What each daemon offers. */
export const daemonCapabilities: { readonly [K in DaemonKind]: readonly Capability[] } = {
  'rpm-ostree': everything,
  'apt-ostree': everything,
  // apt-layer: Status, Install, Uninstall, Upgrade, Rollback; an upgrade stages
  // at once (there is no check-only call and no diff); pinning is ostree's own.
  'apt-layer': ['stage-update', 'rollback', 'layer-packages', 'pin', 'reboot'],
};

/** The capability each command needs; commands not listed need none. */
export const commandCapability: { readonly [C in CommandName]?: Capability } = {
  checkForUpdates: 'check-updates',
  stageUpdate: 'stage-update',
  cancelTransaction: 'cancel',
  rebootToApply: 'reboot',
  rollback: 'rollback',
  updateChanges: 'check-updates',
  compareDeployments: 'package-diff',
  previewDeploy: 'deploy-version',
  deployRevision: 'deploy-version',
  cleanup: 'cleanup',
  searchPackages: 'search-packages',
  changePackages: 'layer-packages',
  changeOverrides: 'override-packages',
  resetPackageChanges: 'override-packages',
  changeKernelArgs: 'kernel-args',
  setPinned: 'pin',
  setAutomaticUpdatePolicy: 'automatic-update-policy',
};

export function supports(kind: DaemonKind, capability: Capability): boolean {
  return daemonCapabilities[kind].includes(capability);
}
