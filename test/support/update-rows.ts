import { expect } from 'vitest';
import type { CommandHandler } from '../../daemon-bridge/contract/api.ts';
import type { AppState } from '../../daemon-bridge/contract/domain.ts';
import type { AvailableUpdate, PackageChange } from '../../daemon-bridge/contract/updates.ts';

/** The state's cached update; fails the test when there is none. */
export function cachedUpdateOf(state: AppState): AvailableUpdate {
  const update = state.system?.cachedUpdate;
  if (!update) throw new Error('the state has no cached update');
  return update;
}

/**
 * The package rows of the state's cached update, asked for as the renderer
 * asks (`updateChanges` with the summary's changesId).
 */
export async function updateRows(
  handler: CommandHandler,
  state: AppState,
): Promise<readonly PackageChange[]> {
  const update = cachedUpdateOf(state);
  const result = await handler.handle('updateChanges', [update.changesId]);
  if (!result.ok) throw new Error(`updateChanges refused: ${result.error.message}`);
  expect(result.value.changes).toHaveLength(update.changeCount);
  return result.value.changes;
}
