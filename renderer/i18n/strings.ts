/**
 * Every user-facing string of the renderer, in one flat table so a
 * translation is one more table with the same keys. `{name}` marks a
 * placeholder that `t()` fills in; the compiler checks that callers pass
 * exactly the placeholders a string has.
 */
export const strings = {
  appTitle: 'OSTree Update Manager',
  daemonIdentity: '{flavour} · {busName}',

  refresh: 'Refresh',
  refreshing: 'Refreshing…',
  refreshLabel: 'Reload the deployment list from the update daemon',
  refreshFailed: 'Could not refresh: {message}',
  dismiss: 'Dismiss',

  sandboxTitle: 'Demo system',
  sandboxRequested:
    'You are looking at a sandbox in {dir}, started because the app was asked to run in sandbox mode. Nothing you do here changes this computer.',
  sandboxNoDaemon:
    'You are looking at a sandbox in {dir}, used because no update daemon was found on this computer. Nothing you do here changes this computer.',

  linkConnecting: 'Connecting to the update service…',
  linkLostTitle: 'Connection to the update service lost',
  linkLostBody: 'Reconnecting automatically. What you see may be out of date.',
  linkRetryNow: 'Reconnect now',
  linkClosedError: 'Not connected to the update service.',
  linkLostError: 'The connection to the update service was lost before it answered.',

  daemonConnecting: 'Connecting to the update daemon…',
  absentTitle: 'No update daemon on this system',
  absentHelp:
    'This app manages image-based systems such as Fedora Silverblue, Kinoite or Fedora CoreOS through their update daemon (rpm-ostree, or apt-ostree on Debian). Install and enable the daemon, or start the app with --sandbox to try it on a demo system.',
  unavailableTitle: 'Update daemon temporarily unavailable',
  unavailableStale: 'Showing the last known deployments; they may be out of date.',
  errorTitle: 'The update daemon reported an error',
  errorDetail: 'Details: {detail}',
  transactionTitle: 'An operation is in progress',
  transactionBody: '{method}, started by {initiator}',

  deploymentsHeading: 'Deployments',
  deploymentsSubtitle: 'In boot order: the first one starts at the next boot.',
  deploymentsEmpty: 'The update daemon reports no deployments.',
  staleNotice: 'Out of date',
  staleNoticeLabel: 'This list may be out of date.',

  roleBooted: 'Booted',
  rolePending: 'Pending — applies on reboot',
  roleRollback: 'Rollback',
  roleOther: 'Older deployment',
  badgePinned: 'Pinned',
  badgeStaged: 'Staged',
  badgeUnlocked: 'Unlocked ({state})',

  fieldOrigin: 'Origin',
  fieldDate: 'Date',
  fieldCommit: 'Commit',
  fieldBase: 'Base',
  fieldLayered: 'Layered packages',
  fieldRemoved: 'Removed from base',
  fieldReplaced: 'Replaced in base',
  fieldEndOfLife: 'End of life',

  dateUnknown: 'Unknown date',
  baseVersion: '{version} (commit {checksum})',
  baseChecksumOnly: 'Commit {checksum}',
  originUnknown: 'Unknown origin',
  originContainer: 'Container image {reference}',
  originChecksum: 'Fixed commit {checksum}',
  noLayeredPackages: 'No layered packages',
  replacement: '{original} → {replacement}',

  copy: 'Copy',
  copied: 'Copied',
  copyLabel: 'Copy the full commit checksum {checksum}',
  copyAnnounce: 'Copied the commit checksum to the clipboard',
  copyFailed: 'Could not copy to the clipboard',

  tabsLabel: 'Views',
  tabUpdates: 'Updates',
  tabDeployments: 'Deployments',

  updatesHeading: 'Updates',
  checkForUpdates: 'Check for updates',
  checking: 'Checking…',
  lastChecked: 'Last checked {when}',
  neverChecked: 'Not checked yet by this app',
  statusUnknown: 'Waiting for the update daemon…',
  statusUpToDate: 'Up to date',
  statusUpToDateBody: 'This system runs the newest version the daemon knows of.',
  statusAvailable: 'Update available',
  statusAvailableBody_one: '{version} · {count} package change',
  statusAvailableBody_other: '{version} · {count} package changes',
  statusAdvisories_one: '{count} advisory, severity: {severity}',
  statusAdvisories_other: '{count} advisories, the most severe: {severity}',
  statusWorking: 'Working: {title}',
  statusStaged: 'Update staged — reboot to apply',
  statusStagedBody: '{version} is ready and starts at the next boot.',
  statusPendingRollback: 'Going back — reboot to apply',
  statusPendingRollbackBody: '{version} starts at the next boot.',
  statusFailed: 'The last operation failed',
  statusCheckFailed: 'The update check failed',
  statusBusy: 'Another program is using the update daemon',
  statusBusyBody: '{title}, started by {initiator}',
  unknownVersion: 'a new version',
  reviewUpdate: 'Review update',
  downloadAndStage: 'Download and stage',
  applyNow: 'Apply now',
  restartNow: 'Restart now',
  cancelOperation: 'Cancel',
  close: 'Close',
  goBack: 'Go back',
  requestFailed: 'The request failed: {message}',

  commandLineLabel: 'Command line',
  commandLineTitle: 'The same operation in a terminal',

  sheetTitle: 'Update to {version}',
  sheetDescription: 'What this update changes, before anything is downloaded.',
  sheetDate: 'Released {date}',
  sheetOrigin: 'From {origin}',
  advisoriesHeading: 'Advisories ({count})',
  advisoriesNone: 'No advisories for this update.',
  advisoryPackages: 'Packages',
  advisoryCves: 'CVEs',
  severity_critical: 'Critical',
  severity_important: 'Important',
  severity_moderate: 'Moderate',
  severity_low: 'Low',
  severity_none: 'No severity',
  advisory_security: 'Security',
  advisory_bugfix: 'Bug fix',
  advisory_enhancement: 'Enhancement',
  advisory_newpackage: 'New package',
  advisory_unknown: 'Other',

  diffHeading: 'Package changes ({count})',
  diffFilterLabel: 'Filter packages',
  diffFilterPlaceholder: 'Filter by name',
  diffKindsLabel: 'Show kinds of change',
  diffEmpty: 'No package changes.',
  diffNoMatch: 'No packages match the filter.',
  diffShowing: 'Showing {shown} of {total}',
  change_added: 'Added',
  change_removed: 'Removed',
  change_upgraded: 'Upgraded',
  change_downgraded: 'Downgraded',
  chipCount: '{label} {count}',
  versionArrow: '{from} → {to}',
  layered: 'layered',

  confirmApplyTitle: 'Restart now?',
  confirmApplyBody:
    'The computer restarts now and boots into {version}. Save your work in open applications first.',

  activityHeading: 'Activity',
  activityByThisApp: 'Started by this app',
  activityByOther: 'Started by another program: {initiator}',
  phase_running: 'Running',
  phase_succeeded: 'Finished',
  phase_failed: 'Failed',
  phase_cancelled: 'Cancelled',
  tasksLabel: 'Steps',
  taskDone: 'Done',
  taskRunning: 'In progress',
  progressLabel: 'Progress',
  receivingObjects: 'Receiving objects',
  downloadBytes: '{bytes} downloaded',
  downloadSpeed: '{speed}',
  downloadEta: 'About {eta} left',
  downloadObjects: '{fetched} of {requested} objects',
  messagesLabel: 'Messages',
  activityError: 'Error: {message}',
  queuedTitle: 'Your request is waiting',
  taskUnfinished: 'Not finished',
  command_checkForUpdates: 'Check for updates',
  command_stageUpdate: 'Download and stage',
  command_cancelTransaction: 'Cancel',
  command_rebootToApply: 'Apply now',
  command_rollback: 'Roll back',
  command_undoRollback: 'Undo rollback',
  command_deployRevision: 'Deploy a version',
  command_cleanup: 'Clean up',
  queuedBody: '“{command}” starts when the other program’s operation ends (waiting since {since}).',

  deploymentActionsLabel: 'Deployment actions',
  rollback: 'Roll back…',
  undoRollback: 'Undo rollback',
  compare: 'Compare…',
  deployVersion: 'Deploy a version…',
  cleanUp: 'Clean up…',
  rollbackTitle: 'Roll back to {version}?',
  rollbackBody:
    'At the next boot the computer starts {version} again. These are the changes from what runs now:',
  rollbackConfirm: 'Roll back',
  rolledBackNotice: 'A rollback to {version} is pending. Undo it to keep booting {booted}.',
  diffLoading: 'Loading the package changes…',
  diffFailed: 'Could not load the package changes: {message}',
  compareTitle: 'Compare deployments',
  compareFrom: 'From',
  compareTo: 'To',
  compareRun: 'Compare',
  compareSame: 'Pick two different deployments.',
  deployTitle: 'Deploy a specific version',
  deployRevisionLabel: 'Version or commit checksum',
  deployRevisionHint: 'For example 41.20241019.0, or a 64-character checksum.',
  deployRevisionInvalid: 'Letters, digits and . _ : + ~ = - only, starting with a letter or digit.',
  deployPreview: 'Preview changes',
  deployConfirm: 'Deploy {version}',
  deployConfirmPlain: 'Deploy',
  cleanupTitle: 'Clean up',
  cleanupBody: 'Choose what to remove. Removed deployments cannot be booted any more.',
  cleanupConfirm: 'Remove selected',
  cleanupGoes: 'This removes: {list}.',
  'cleanup_pending-deploy': 'The pending deployment ({version})',
  'cleanup_rollback-deploy': 'The rollback deployment ({version})',
  cleanup_repomd: 'Cached repository metadata (downloaded again when needed)',
  cleanup_base: 'Temporary files of earlier operations',
} as const;

export type StringKey = keyof typeof strings;

/** The placeholder names in a string literal type: `'a {x} b {y}'` → `'x' | 'y'`. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/** Keys of strings without placeholders: safe to pass around as data. */
export type PlainStringKey = {
  [K in StringKey]: [Placeholders<(typeof strings)[K]>] extends [never] ? K : never;
}[StringKey];

export type Params<K extends StringKey> = Readonly<
  Record<Placeholders<(typeof strings)[K]>, string | number>
>;

/** Fills `{name}` placeholders; an unknown placeholder is left as written. */
export function interpolate(
  template: string,
  params: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}

/** The string for `key`, with its placeholders filled in. */
export function t<K extends StringKey>(
  key: K,
  ...params: [Placeholders<(typeof strings)[K]>] extends [never] ? [] : [Params<K>]
): string {
  const [values] = params;
  return values ? interpolate(strings[key], values) : strings[key];
}

/** Base keys that have `_one` and `_other` variants. */
export type PluralKey = {
  [K in StringKey]: K extends `${infer Base}_other`
    ? `${Base}_one` extends StringKey
      ? Base
      : never
    : never;
}[StringKey];

const pluralRules = new Intl.PluralRules();

/**
 * The plural form of `base` for `count` (Intl.PluralRules picks the category;
 * a translation may add `_few`, `_many`… variants), with `{count}` and the
 * other placeholders filled in.
 */
export function tn(
  base: PluralKey,
  count: number,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const table: Readonly<Record<string, string>> = strings;
  const template = table[`${base}_${pluralRules.select(count)}`] ?? table[`${base}_other`]!;
  return interpolate(template, { ...params, count });
}
