import { bool, str, strv } from './vardict-lookup.ts';
import type { VarDict } from './vardict-lookup.ts';

/** The flags the title depends on. */
export interface TitleFlags {
  readonly noPullBase?: boolean;
  readonly checkOnly: boolean;
  readonly cacheOnly: boolean;
  readonly downloadOnly: boolean;
  readonly hasRevision: boolean;
}

/**
 * A deploy transaction's title at execution (reference §7.5,
 * deploy_transaction_execute): `initiating-command-line` verbatim (or
 * "automatic (check|stage)" for the auto-update timer), else the base word —
 * install / uninstall / override only when the base is not pulled — then
 * the mode and the request counts.
 */
export function deployTitle(m: VarDict, o: VarDict, flags: TitleFlags): string {
  const command = str(o, 'initiating-command-line');
  if (command !== undefined) {
    if (!command.includes('--trigger-automatic-update-policy')) return command;
    return flags.checkOnly ? 'automatic (check)' : 'automatic (stage)';
  }
  const noPull = flags.noPullBase === true;
  const overrides = [
    'override-reset-packages',
    'override-remove-packages',
    'override-replace-packages',
  ];
  const isOverride =
    noPull && (overrides.some((k) => strv(m, k)) || bool(o, 'no-overrides') === true);
  const isInstall =
    noPull && !isOverride && !!(strv(m, 'install-packages') || strv(m, 'install-modules'));
  let word = 'upgrade';
  if (isInstall) word = 'install';
  else if (noPull) word = isOverride ? 'override' : 'uninstall';
  else if (str(m, 'set-refspec') !== undefined) word = 'rebase';
  else if (flags.hasRevision) word = 'deploy';
  let mode = '';
  if (flags.cacheOnly) mode = ' (cache only)';
  else if (flags.checkOnly) mode = ' (check only)';
  else if (flags.downloadOnly) mode = ' (download only)';
  const counts = [
    ['uninstall', 'uninstall-packages'],
    ['module disable', 'disable-modules'],
    ['module uninstall', 'uninstall-modules'],
    ['install', 'install-packages'],
    ['module enable', 'enable-modules'],
    ['module install', 'install-modules'],
  ].map(([label, key]) => {
    const list = strv(m, key!);
    return list ? `; ${label}: ${list.length}` : '';
  });
  return word + mode + counts.join('');
}
