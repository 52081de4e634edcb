import type { AppError } from '../../../daemon-bridge/contract/domain.ts';
import type { GetState, SetState, StoreDeps } from '../app-store.ts';

export type RefreshStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running' }
  | { readonly kind: 'failed'; readonly error: AppError };

export interface RefreshSlice {
  readonly refresh: RefreshStatus;
  /** The user asked the daemon to reload; the new state then arrives through the pipe. */
  readonly refreshRequested: () => Promise<void>;
  readonly refreshErrorDismissed: () => void;
}

export function createRefreshSlice(deps: StoreDeps, set: SetState, get: GetState): RefreshSlice {
  return {
    refresh: { kind: 'idle' },
    async refreshRequested() {
      if (get().refresh.kind === 'running') return;
      set({ refresh: { kind: 'running' } });
      try {
        const result = await deps.api.refresh();
        set({ refresh: result.ok ? { kind: 'idle' } : { kind: 'failed', error: result.error } });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        set({ refresh: { kind: 'failed', error: { kind: 'protocol', message } } });
      }
    },
    refreshErrorDismissed() {
      if (get().refresh.kind === 'failed') set({ refresh: { kind: 'idle' } });
    },
  };
}

export const selectRefresh = (state: { readonly refresh: RefreshStatus }): RefreshStatus =>
  state.refresh;
