/**
 * The polkit actions a daemon call needs (reference §3.2), so a refusal can
 * say which permission was missing: the daemon's own AccessDenied text
 * ("rpmostreed OS operation Rollback not allowed for user") names the
 * method, never the action an administrator would grant.
 */
import type { Variant } from 'dbus-next';
import type { DaemonFlavour } from '../contract/domain.ts';
import { DBusCallError } from '../dbus/call.ts';
import { member } from './profile.ts';
import type { DaemonProfile } from './profile.ts';

/**
 * Action ids are `<prefix>.<name>`: rpm-ostree's policy
 * (org.projectatomic.rpmostree1.policy); apt-ostree's plan ships the same
 * names under `org.projectatomic.aptostree`.
 */
const ACTION_PREFIX: Readonly<Record<DaemonFlavour, string>> = {
  'rpm-ostree': 'org.projectatomic.rpmostree1',
  'apt-ostree': 'org.projectatomic.aptostree',
};

/** OS methods with one action each, by rpm-ostree's member name. */
const OS_ACTIONS: Readonly<Record<string, string>> = {
  GetDeploymentsRpmDiff: 'repo-refresh',
  GetCachedDeployRpmDiff: 'repo-refresh',
  DownloadDeployRpmDiff: 'repo-refresh',
  GetCachedUpdateRpmDiff: 'repo-refresh',
  DownloadUpdateRpmDiff: 'repo-refresh',
  GetCachedRebaseRpmDiff: 'repo-refresh',
  DownloadRebaseRpmDiff: 'repo-refresh',
  RefreshMd: 'repo-refresh',
  ModifyYumRepo: 'repo-modify',
  Deploy: 'deploy',
  Upgrade: 'upgrade',
  AutomaticUpdateTrigger: 'upgrade',
  Rebase: 'rebase',
  SetInitramfsState: 'bootconfig',
  KernelArgs: 'bootconfig',
  InitramfsEtc: 'bootconfig',
  Cleanup: 'cleanup',
  Rollback: 'rollback',
  ClearRollbackTarget: 'rollback',
  PkgChange: 'install-uninstall-packages',
  FinalizeDeployment: 'finalize-deployment',
};

/** Sysroot methods polkit guards (RegisterClient's refusal is never shown). */
const SYSROOT_ACTIONS: Readonly<Record<string, string>> = {
  ReloadConfig: 'reload-daemon',
  RegisterClient: 'client-management',
  UnregisterClient: 'client-management',
};

type VarDict = Readonly<Record<string, Variant | undefined>>;

const LAYERING = [
  'install-packages',
  'uninstall-packages',
  'enable-modules',
  'disable-modules',
  'install-modules',
  'uninstall-modules',
];
const OVERRIDES = [
  'override-replace-packages',
  'override-remove-packages',
  'override-reset-packages',
];

/** UpdateDeployment's actions from its modifiers and options, in the daemon's order. */
function updateDeploymentActions(modifiers: VarDict, options: VarDict): string[] {
  const on = (d: VarDict, k: string) => d[k]?.signature === 'b' && d[k].value === true;
  const fds = (k: string) =>
    modifiers[k]?.signature === 'ah' && (modifiers[k].value as unknown[]).length > 0;
  const names: string[] = [];
  if (on(options, 'no-initramfs')) names.push('bootconfig');
  if (modifiers['set-refspec']) names.push('rebase');
  else if (modifiers['set-revision']) names.push('deploy');
  else if (!on(options, 'no-pull-base')) names.push('upgrade');
  if (LAYERING.some((k) => modifiers[k]) || on(options, 'no-layering'))
    names.push('install-uninstall-packages');
  if (fds('install-local-packages') || fds('install-local-fileoverride-packages'))
    names.push('install-local-packages');
  if (
    OVERRIDES.some((k) => modifiers[k]) ||
    fds('override-replace-local-packages') ||
    on(options, 'no-overrides')
  )
    names.push('override');
  return names.length > 0 ? names : ['override'];
}

/**
 * The actions `profile`'s daemon checks for a call of `method` (as named on
 * the bus) with `body`; empty when polkit is not asked.
 */
export function polkitActionsFor(
  profile: DaemonProfile,
  iface: 'Sysroot' | 'OS',
  method: string,
  body: readonly unknown[],
): readonly string[] {
  const table = iface === 'OS' ? OS_ACTIONS : SYSROOT_ACTIONS;
  const rpmName = Object.keys(table).find((k) => member(profile, k) === method);
  let names: readonly string[] = [];
  if (rpmName) names = [table[rpmName]!];
  else if (iface === 'OS' && method === 'UpdateDeployment')
    names = updateDeploymentActions((body[0] ?? {}) as VarDict, (body[1] ?? {}) as VarDict);
  return names.map((n) => `${ACTION_PREFIX[profile.flavour]}.${n}`);
}

/** An AccessDenied reply from the daemon, with the polkit actions the call needed. */
export class NotAuthorizedError extends DBusCallError {
  constructor(
    cause: DBusCallError,
    /** The action ids the daemon checked (all had to pass). */
    readonly actions: readonly string[],
  ) {
    super(cause.errorName, cause.text, cause.member);
  }
}

/** `err` with the call's polkit actions attached when it is the daemon's AccessDenied. */
export function withPolkitActions(
  err: unknown,
  profile: DaemonProfile,
  iface: 'Sysroot' | 'OS',
  method: string,
  body: readonly unknown[],
): unknown {
  if (!(err instanceof DBusCallError) || err instanceof NotAuthorizedError) return err;
  if (err.errorName !== 'org.freedesktop.DBus.Error.AccessDenied') return err;
  const actions = polkitActionsFor(profile, iface, method, body);
  return actions.length > 0 ? new NotAuthorizedError(err, actions) : err;
}
