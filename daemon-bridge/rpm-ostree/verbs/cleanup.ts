import type { CleanupElement } from '../../contract/updates.ts';
import { osCall, transactionAddress } from './os-call.ts';
import type { OsTarget } from './os-call.ts';

/** `OS.Cleanup(as elements) → s`. */
export async function cleanup(
  target: OsTarget,
  elements: readonly CleanupElement[],
): Promise<string> {
  return transactionAddress(await osCall(target, 'Cleanup', 'as', [[...elements]]), 'Cleanup');
}
