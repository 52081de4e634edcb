import type { DaemonContext } from '../daemon-context.ts';
import type { TransactionOutput } from '../transaction/transaction-output.ts';
import { deployTitle } from './deploy-title.ts';
import { bool, dict, lookup, str, strv } from './vardict-lookup.ts';
import { NO_CHANGES } from './origin-changes.ts';
import type { PackageChanges } from './origin-changes.ts';
import { resolveRevision } from './resolve-revision.ts';
import type { UpgradeFlags } from './upgrade-job.ts';

/** The method's default flags (reference §5.3 table). */
export interface DeployDefaults {
  readonly allowDowngrade?: boolean;
  readonly noPullBase?: boolean;
  readonly checkOnly?: boolean;
  readonly reboot?: boolean;
  /** The revision a Deploy pins (its `revision` argument). */
  readonly revision?: string;
}

/** A deploy-family call, decoded: what to do, what to call it, and its argument checks. */
export interface DeployRequest {
  readonly flags: UpgradeFlags;
  readonly changes: PackageChanges;
  /** The title at execution (reference §7.5). */
  readonly title: string;
  /** The daemon's option-conflict checks; throws its (async) error texts. */
  check(): void;
}

/**
 * Reads a deploy transaction's modifiers and options the way
 * deploy_transaction_execute does: present boolean options override the
 * method's default flags, empty string lists count as absent.
 */
export function deployRequest(
  modifiers: unknown,
  options: unknown,
  defaults: DeployDefaults = {},
): DeployRequest {
  const m = dict(modifiers);
  const o = dict(options);
  const refspec = str(m, 'set-refspec');
  const revision = str(m, 'set-revision') ?? defaults.revision;
  const install = strv(m, 'install-packages');
  const uninstall = strv(m, 'uninstall-packages');
  const overrideRemove = strv(m, 'override-remove-packages');
  const overrideReset = strv(m, 'override-reset-packages');
  const overrideReplace = strv(m, 'override-replace-packages');
  const handles = [
    'install-local-packages',
    'install-fileoverride-local-packages',
    'override-replace-local-packages',
  ]
    .map((k) => (lookup(m, k, 'ah') as number[] | undefined)?.length ?? 0)
    .reduce((a, b) => a + b, lookup(m, 'ex-local-repo-remote', 'h') === undefined ? 0 : 1);
  const flag = (key: string, fallback = false) => bool(o, key) ?? fallback;
  const noPullBase = flag('no-pull-base', defaults.noPullBase);
  const noOverrides = flag('no-overrides');
  const checkOnly = defaults.checkOnly ?? false;
  const flags: UpgradeFlags = {
    // Only set-refspec flips the default (the daemon reads set-revision later).
    allowDowngrade: flag('allow-downgrade', defaults.allowDowngrade ?? refspec !== undefined),
    downloadOnly: flag('download-only'),
    cacheOnly: flag('cache-only'),
    checkOnly,
    lockFinalization: flag('lock-finalization'),
    reboot: flag('reboot', defaults.reboot),
    noPullBase,
    dryRun: flag('dry-run'),
    ...(revision !== undefined
      ? {
          revision: (ctx: DaemonContext, spec: string, out: TransactionOutput | null) =>
            resolveRevision(ctx, spec, revision, out),
        }
      : {}),
  };
  const changes: PackageChanges = {
    ...NO_CHANGES,
    install: install ?? [],
    uninstall: uninstall ?? [],
    overrideRemove: overrideRemove ?? [],
    overrideReset: overrideReset ?? [],
    noLayering: flag('no-layering'),
    noOverrides,
    idempotent: flag('idempotent-layering'),
    allowInactive: flag('allow-inactive'),
  };
  const title = deployTitle(m, o, { ...flags, hasRevision: revision !== undefined });
  const check = () => {
    if (handles > 0) throw new Error(`Expected ${handles} fds but received 0`);
    if (refspec === undefined && flag('skip-purge'))
      throw new Error("Can't specify skip-purge if not setting a new refspec");
    if (refspec !== undefined && flag('no-pull-base'))
      throw new Error("Can't specify no-pull-base if setting a new refspec or revision");
    if (flags.cacheOnly && flags.downloadOnly)
      throw new Error("Can't specify cache-only and download-only");
    if (flags.dryRun && flags.downloadOnly)
      throw new Error("Can't specify dry-run and download-only");
    if (overrideReplace) throw new Error('Non-local replacement overrides not implemented yet');
    if (noOverrides && (overrideRemove || overrideReset || overrideReplace))
      throw new Error("Can't specify no-overrides if setting override modifiers");
    if (flag('apply-live') && flag('reboot'))
      throw new Error('Cannot specify `apply-live` and `reboot`');
    if (strv(m, 'install-fileoverride-packages'))
      throw new Error('Non-local fileoverrides not implemented');
    // What the sandbox does not do, refused rather than silently ignored.
    if (refspec !== undefined) throw new Error('Rebasing is not implemented by the sandbox');
    if (str(o, 'register-driver') !== undefined)
      throw new Error('could not find caller systemd unit');
    if (flag('apply-live')) throw new Error('apply-live is not implemented by the sandbox');
    if (str(m, 'treefile') !== undefined)
      throw new Error('treefile modifiers are not implemented by the sandbox');
  };
  return { flags, changes, title, check };
}
