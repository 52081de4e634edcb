/**
 * How each command answers: with a `Result` (expected failures are values)
 * or with a plain value (failures reject). Both client transports (the
 * Electron preload and the WebSocket client) need this at run time to turn
 * a refused call into the same thing. The mapped type makes the compiler
 * demand an entry for every new command and check it against the command's
 * result type.
 */
import type { CommandName } from './channels.ts';
import type { CommandResults } from './commands.ts';
import type { Result } from './domain.ts';

export type ReplyKind<T> = [T] extends [Result<unknown>] ? 'result' : 'value';

export const replyKinds: { readonly [K in CommandName]: ReplyKind<CommandResults[K]> } = {
  getState: 'value',
  refresh: 'result',
  checkForUpdates: 'result',
  stageUpdate: 'result',
  cancelTransaction: 'result',
  rebootToApply: 'result',
  rollback: 'result',
  updateChanges: 'result',
  compareDeployments: 'result',
  previewDeploy: 'result',
  deployRevision: 'result',
  cleanup: 'result',
  dismissActivity: 'value',
  searchPackages: 'result',
  changePackages: 'result',
  changeOverrides: 'result',
  resetPackageChanges: 'result',
  changeKernelArgs: 'result',
  setPinned: 'result',
  setAutomaticUpdatePolicy: 'result',
  changeDesktopSettings: 'result',
  checkHealth: 'result',
  exportDiagnostics: 'result',
};
