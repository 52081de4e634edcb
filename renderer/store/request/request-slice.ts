import type { AppError } from '../../../daemon-bridge/contract/domain.ts';
import type { GetState, SetState } from '../app-store.ts';
import type { RequestRunner } from './request-runner.ts';

/** The actions that change the system, named as the user sees them. */
export type ActionCommand =
  | 'checkForUpdates'
  | 'stageUpdate'
  | 'cancelTransaction'
  | 'rebootToApply'
  | 'rollback'
  | 'undoRollback'
  | 'deployRevision'
  | 'cleanup'
  | 'changePackages'
  | 'changeOverrides'
  | 'resetPackageChanges'
  | 'changeKernelArgs'
  | 'setPinned'
  | 'setAutomaticUpdatePolicy'
  | 'changeDesktopSettings';

export type RequestStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly command: ActionCommand }
  | { readonly kind: 'failed'; readonly command: ActionCommand; readonly error: AppError };

/** This app's last request, whichever view made it; progress itself comes from AppState.activity. */
export interface RequestSlice {
  readonly request: RequestStatus;
  readonly requestErrorDismissed: () => void;
  /** "Try again" on a failed request: the same request, sent once more. */
  readonly requestRetried: () => Promise<void>;
}

export function createRequestSlice(
  set: SetState,
  get: GetState,
  runner: RequestRunner,
): RequestSlice {
  return {
    request: { kind: 'idle' },
    requestErrorDismissed() {
      if (get().request.kind === 'failed') set({ request: { kind: 'idle' } });
    },
    async requestRetried() {
      if (get().request.kind === 'failed') await runner.retry();
    },
  };
}

export const selectRequest = (state: { readonly request: RequestStatus }): RequestStatus =>
  state.request;
