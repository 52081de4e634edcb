/**
 * Command names and channel names, free of any schema library so the
 * preload bundle stays small. commands.ts attaches a schema to each name;
 * the compiler keeps the two lists equal.
 */

export const commandNames = [
  'getState',
  'refresh',
  'checkForUpdates',
  'stageUpdate',
  'cancelTransaction',
  'rebootToApply',
  'rollback',
  'updateChanges',
  'compareDeployments',
  'previewDeploy',
  'deployRevision',
  'cleanup',
  'dismissActivity',
  'searchPackages',
  'changePackages',
  'changeOverrides',
  'resetPackageChanges',
  'changeKernelArgs',
  'setPinned',
  'setAutomaticUpdatePolicy',
  'changeDesktopSettings',
  'checkHealth',
  'exportDiagnostics',
] as const;

export type CommandName = (typeof commandNames)[number];

/** IPC channel of a command, e.g. `updates:get-state`. */
export function channelOf(name: CommandName): string {
  return `updates:${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Channel the main process pushes state snapshots on. */
export const STATE_CHANNEL = 'updates:state';

/** Channel the main process asks the window to show a screen on (a clicked notification). */
export const NAVIGATE_CHANNEL = 'updates:navigate';

/** Upper bound for one inbound message (WebSocket frame or IPC payload, serialised). */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

/** Web mode: the query parameter carrying the token, and the WebSocket path. */
export const WEB_TOKEN_PARAM = 'token';
export const WEB_SOCKET_PATH = '/ws';
