import type { CleanupElement } from '../../../daemon-bridge/contract/updates.ts';
import type { Result } from '../../../daemon-bridge/contract/domain.ts';
import type { StoreDeps } from '../app-store.ts';
import type { ActionCommand } from '../request/request-slice.ts';
import type { RequestRunner } from '../request/request-runner.ts';

export interface UpdatesSlice {
  readonly checkRequested: () => Promise<void>;
  readonly stageRequested: () => Promise<void>;
  readonly cancelRequested: () => Promise<void>;
  readonly applyRequested: () => Promise<void>;
  readonly rollbackRequested: () => Promise<void>;
  readonly undoRollbackRequested: () => Promise<void>;
  readonly deployRequested: (revision: string) => Promise<void>;
  readonly cleanupRequested: (elements: readonly CleanupElement[]) => Promise<void>;
  readonly activityDismissed: () => Promise<void>;
}

export function createUpdatesSlice(deps: StoreDeps, runner: RequestRunner): UpdatesSlice {
  const { api } = deps;
  const run = async (command: ActionCommand, call: () => Promise<Result<null>>): Promise<void> => {
    await runner.run(command, call);
  };
  return {
    checkRequested: () => run('checkForUpdates', () => api.checkForUpdates()),
    stageRequested: () => run('stageUpdate', () => api.stageUpdate()),
    /**
     * Cancel is never blocked and never marks itself running: it must reach the
     * daemon while our own request still waits for its transaction, whose status
     * stays as it is. Only a refused cancel is reported.
     */
    cancelRequested: () => runner.runQuietly('cancelTransaction', () => api.cancelTransaction()),
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
  };
}
