/**
 * Which polkit action guards which method, as rpm-ostreed decides it in its
 * `g-authorize-method` handlers: `sysroot_authorize_method`
 * (src/daemon/rpmostreed-sysroot.cxx) and `os_authorize_method`
 * (src/daemon/rpmostreed-os.cxx); reference §3.2. Method names are
 * rpm-ostree's (the sandbox offers polkit for that profile only).
 */
import type { Variant } from 'dbus-next';

/** The reference policy's action ids (org.projectatomic.rpmostree1.policy). */
export const RPM_OSTREE_ACTION_PREFIX = 'org.projectatomic.rpmostree1.';

const action = (name: string) => `${RPM_OSTREE_ACTION_PREFIX}${name}`;

/** What the Sysroot authorizer does with one method. */
export type SysrootRule =
  /** GetOS and Reload: always allowed, polkit is not asked. */
  | { readonly kind: 'allowed' }
  /** Methods the handler does not know: refused without asking polkit. */
  | { readonly kind: 'denied' }
  | {
      readonly kind: 'check';
      readonly action: string;
      /** ALLOW_USER_INTERACTION for this check (the daemon ignores the caller's flag). */
      readonly allowUserInteraction: boolean;
      /** RegisterClient/UnregisterClient: a caller whose uid has an active logind session passes. */
      readonly activeSessionAllowed: boolean;
    };

/**
 * sysroot_authorize_method: interactive authentication is allowed "for
 * historical reasons" (rpm-ostree issue 4415) whatever the message's
 * ALLOW_INTERACTIVE_AUTHORIZATION flag says, except for client management.
 */
export function sysrootRule(method: string): SysrootRule {
  switch (method) {
    case 'GetOS':
    case 'Reload':
      return { kind: 'allowed' };
    case 'ReloadConfig':
      return check('reload-daemon', true, false);
    case 'Cancel':
      return check('cancel', true, false);
    case 'RegisterClient':
    case 'UnregisterClient':
      return check('client-management', false, true);
    default:
      return { kind: 'denied' };
  }
}

function check(name: string, allowUserInteraction: boolean, activeSessionAllowed: boolean) {
  return {
    kind: 'check',
    action: action(name),
    allowUserInteraction,
    activeSessionAllowed,
  } as const;
}

const REPO_REFRESH = new Set([
  'GetDeploymentsRpmDiff',
  'GetCachedDeployRpmDiff',
  'DownloadDeployRpmDiff',
  'GetCachedUpdateRpmDiff',
  'DownloadUpdateRpmDiff',
  'GetCachedRebaseRpmDiff',
  'DownloadRebaseRpmDiff',
  'RefreshMd',
]);

const UNGUARDED = new Set([
  'GetDeploymentBootConfig',
  'ListRepos',
  'WhatProvides',
  'GetPackages',
  'Search',
]);

const FIXED: Readonly<Record<string, string>> = {
  ModifyYumRepo: 'repo-modify',
  Deploy: 'deploy',
  // "unite these for now; it could make sense at least to make 'check' its own action"
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

/**
 * os_authorize_method's list of actions for one call, each checked in turn
 * with ALLOW_USER_INTERACTION; all must pass. `null`: the method needs no
 * authorization. An empty list (a method the handler does not know) is a
 * refusal.
 */
export function osActions(method: string, args: readonly unknown[]): readonly string[] | null {
  if (UNGUARDED.has(method)) return null;
  if (REPO_REFRESH.has(method)) return [action('repo-refresh')];
  const fixed = FIXED[method];
  if (fixed) return [action(fixed)];
  if (method === 'UpdateDeployment') return updateDeploymentActions(dict(args[0]), dict(args[1]));
  return [];
}

type VarDict = Readonly<Record<string, Variant | undefined>>;

function dict(value: unknown): VarDict {
  return typeof value === 'object' && value !== null ? (value as VarDict) : {};
}

/** g_variant_dict_lookup with a format: present only with that type. */
const has = (d: VarDict, key: string, type: string) => d[key]?.signature === type;
const flag = (d: VarDict, key: string) => has(d, key, 'b') && d[key]!.value === true;
const nonEmptyFds = (d: VarDict, key: string) =>
  has(d, key, 'ah') && (d[key]!.value as readonly unknown[]).length > 0;

/**
 * UpdateDeployment's actions, in the daemon's order. An `as` modifier counts
 * when present, even empty (vardict_lookup_strv); fd lists only when non-empty.
 * The authorizer looks for `install-local-fileoverride-packages`, a spelling
 * the transaction code does not read (reference §5.3.1).
 */
function updateDeploymentActions(modifiers: VarDict, options: VarDict): readonly string[] {
  const actions: string[] = [];
  if (flag(options, 'no-initramfs')) actions.push(action('bootconfig'));
  if (has(modifiers, 'set-refspec', 's')) actions.push(action('rebase'));
  else if (has(modifiers, 'set-revision', 's')) actions.push(action('deploy'));
  else if (!flag(options, 'no-pull-base')) actions.push(action('upgrade'));

  const layering = [
    'install-packages',
    'uninstall-packages',
    'enable-modules',
    'disable-modules',
    'install-modules',
    'uninstall-modules',
  ];
  if (layering.some((k) => has(modifiers, k, 'as')) || flag(options, 'no-layering'))
    actions.push(action('install-uninstall-packages'));

  if (
    nonEmptyFds(modifiers, 'install-local-packages') ||
    nonEmptyFds(modifiers, 'install-local-fileoverride-packages')
  )
    actions.push(action('install-local-packages'));

  const overrides = [
    'override-replace-packages',
    'override-remove-packages',
    'override-reset-packages',
  ];
  if (
    overrides.some((k) => has(modifiers, k, 'as')) ||
    nonEmptyFds(modifiers, 'override-replace-local-packages') ||
    flag(options, 'no-overrides')
  )
    actions.push(action('override'));
  // "If we couldn't figure out what's going on, count it as an override."
  if (actions.length === 0) actions.push(action('override'));
  return actions;
}
