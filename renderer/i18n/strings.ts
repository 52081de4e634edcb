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
