import type { CleanupElement } from '../../../daemon-bridge/contract/updates.ts';
import type { AppError, Result } from '../../../daemon-bridge/contract/domain.ts';
import type { GetState, SetState, StoreDeps } from '../app-store.ts';

/** The actions that change the system, named as the user sees them; each has one action below. */
export type ActionCommand =
  | 'checkForUpdates'
  | 'stageUpdate'
  | 'cancelTransaction'
  | 'rebootToApply'
  | 'rollback'
  | 'undoRollback'
  | 'deployRevision'
  | 'cleanup';

export type RequestStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly command: ActionCommand }
  | { readonly kind: 'failed'; readonly command: ActionCommand; readonly error: AppError };

export interface UpdatesSlice {
  /** This app's last request; progress itself comes from AppState.activity. */
  readonly request: RequestStatus;
  readonly checkRequested: () => Promise<void>;
  readonly stageRequested: () => Promise<void>;
  readonly cancelRequested: () => Promise<void>;
  readonly applyRequested: () => Promise<void>;
  readonly rollbackRequested: () => Promise<void>;
  readonly undoRollbackRequested: () => Promise<void>;
  readonly deployRequested: (revision: string) => Promise<void>;
  readonly cleanupRequested: (elements: readonly CleanupElement[]) => Promise<void>;
  readonly activityDismissed: () => Promise<void>;
  readonly requestErrorDismissed: () => void;
}

function errorOf(err: unknown): AppError {
  return { kind: 'protocol', message: err instanceof Error ? err.message : String(err) };
}

async function settle(
  command: ActionCommand,
  call: () => Promise<Result<null>>,
): Promise<RequestStatus> {
  try {
    const result = await call();
    return result.ok ? { kind: 'idle' } : { kind: 'failed', command, error: result.error };
  } catch (err) {
    return { kind: 'failed', command, error: errorOf(err) };
  }
}

export function createUpdatesSlice(deps: StoreDeps, set: SetState, get: GetState): UpdatesSlice {
  const { api } = deps;
  /** Requests sent and not yet answered, oldest first. */
  const outstanding: ActionCommand[] = [];
  /**
   * Runs one command and always leaves `running`, so the UI is never stuck in
   * "working". A request made while another runs is sent too — never dropped:
   * the main process runs them in order. A failure is always reported; a
   * success shows whatever is still outstanding, else idle.
   */
  async function run(command: ActionCommand, call: () => Promise<Result<null>>): Promise<void> {
    outstanding.push(command);
    set({ request: { kind: 'running', command } });
    const outcome = await settle(command, call);
    outstanding.splice(outstanding.indexOf(command), 1);
    const next = outstanding.at(-1);
    if (outcome.kind === 'failed') set({ request: outcome });
    else set({ request: next ? { kind: 'running', command: next } : outcome });
  }
  /**
   * Cancel is never blocked and never marks itself running: it must reach the
   * daemon while our own request still waits for its transaction, whose status
   * stays as it is. Only a refused cancel is reported.
   */
  async function cancel(): Promise<void> {
    const outcome = await settle('cancelTransaction', () => api.cancelTransaction());
    if (outcome.kind === 'failed') set({ request: outcome });
  }
  return {
    request: { kind: 'idle' },
    checkRequested: () => run('checkForUpdates', () => api.checkForUpdates()),
    stageRequested: () => run('stageUpdate', () => api.stageUpdate()),
    cancelRequested: cancel,
    applyRequested: () => run('rebootToApply', () => api.rebootToApply()),
    rollbackRequested: () => run('rollback', () => api.rollback()),
    // A second Rollback before the reboot puts the booted deployment back on top (reference §5.4).
    undoRollbackRequested: () => run('undoRollback', () => api.rollback()),
    deployRequested: (revision) => run('deployRevision', () => api.deployRevision(revision)),
    cleanupRequested: (elements) => run('cleanup', () => api.cleanup([...elements])),
    async activityDismissed() {
      try {
        await api.dismissActivity();
      } catch {
        // Only a dropped link fails here; the link banner says so and the activity stays shown.
      }
    },
    requestErrorDismissed() {
      if (get().request.kind === 'failed') set({ request: { kind: 'idle' } });
    },
  };
}

export const selectRequest = (state: { readonly request: RequestStatus }): RequestStatus =>
  state.request;
