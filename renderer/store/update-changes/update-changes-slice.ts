/**
 * The package rows of the available update. The state carries only the
 * update's summary; its rows (10,000 and more on a big upgrade) are asked
 * for by their `changesId`: when the UI is idle after the update first
 * appears, or when its sheet opens, whichever is first.
 */
import type { AppError } from '../../../daemon-bridge/contract/domain.ts';
import type { AvailableUpdate, PackageChange } from '../../../daemon-bridge/contract/updates.ts';
import type { GetState, SetState, StoreDeps } from '../app-store.ts';

export type UpdateChangesLoad =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading'; readonly changesId: string }
  | {
      readonly kind: 'loaded';
      readonly changesId: string;
      readonly changes: readonly PackageChange[];
    }
  | { readonly kind: 'failed'; readonly changesId: string; readonly error: AppError };

export interface UpdateChangesSlice {
  readonly updateChanges: UpdateChangesLoad;
  /**
   * Asks for the rows named `changesId` unless they are here or on their
   * way; a failed load is asked for again. An answer for rows the state has
   * since moved past is dropped.
   */
  readonly updateChangesWanted: (changesId: string) => Promise<void>;
}

export function createUpdateChangesSlice(
  deps: StoreDeps,
  set: SetState,
  get: GetState,
): UpdateChangesSlice {
  return {
    updateChanges: { kind: 'idle' },
    async updateChangesWanted(changesId) {
      const current = get().updateChanges;
      if (
        (current.kind === 'loading' || current.kind === 'loaded') &&
        current.changesId === changesId
      )
        return;
      set({ updateChanges: { kind: 'loading', changesId } });
      let next: UpdateChangesLoad;
      try {
        const result = await deps.api.updateChanges(changesId);
        next = result.ok
          ? { kind: 'loaded', changesId, changes: result.value.changes }
          : { kind: 'failed', changesId, error: result.error };
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        next = { kind: 'failed', changesId, error: { kind: 'protocol', message } };
      }
      const now = get().updateChanges;
      if (now.kind === 'loading' && now.changesId === changesId) set({ updateChanges: next });
    },
  };
}

const NO_CHANGES: UpdateChangesLoad = { kind: 'loaded', changesId: '', changes: [] };
const NOT_YET: UpdateChangesLoad = { kind: 'loading', changesId: '' };

/**
 * The rows of `update` as far as they are known: an update without package
 * changes needs none, and rows of another update count as not loaded yet.
 */
export function updateChangesOf(
  load: UpdateChangesLoad,
  update: AvailableUpdate,
): UpdateChangesLoad {
  if (update.changeCount === 0) return NO_CHANGES;
  return load.kind !== 'idle' && load.changesId === update.changesId ? load : NOT_YET;
}
