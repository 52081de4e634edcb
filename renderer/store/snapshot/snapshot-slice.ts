import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import type { GetState, SetState, StoreDeps } from '../app-store.ts';

/** The latest AppState snapshot from the main process, replaced whole. */
export interface SnapshotSlice {
  /** Null until the first snapshot arrives. */
  readonly app: AppState | null;
  /** A snapshot arrived (pushed, or the answer to `stateRequested`). */
  readonly stateReceived: (state: AppState) => void;
  /** The link (re)opened: ask for the current snapshot, since pushes only carry changes. */
  readonly stateRequested: () => Promise<void>;
}

export function createSnapshotSlice(deps: StoreDeps, set: SetState, get: GetState): SnapshotSlice {
  return {
    app: null,
    stateReceived(state) {
      set({ app: state });
    },
    async stateRequested() {
      try {
        get().stateReceived(await deps.api.getState());
      } catch {
        // Only a dropped link makes getState fail; the link slice already shows that,
        // and the next open asks again.
      }
    },
  };
}
