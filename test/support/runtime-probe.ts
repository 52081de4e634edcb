import type { AppState } from '../../daemon-bridge/contract/domain.ts';
import type { AppRuntime } from '../../daemon-bridge/runtime.ts';
import { waitFor } from './wait-for.ts';

/** Waits until the runtime's snapshot satisfies `predicate`. */
export function waitForState(
  runtime: AppRuntime,
  what: string,
  predicate: (state: AppState) => boolean,
  timeoutMs = 20_000,
): Promise<AppState> {
  return waitFor(
    what,
    () => {
      const state = runtime.manager.snapshot;
      return predicate(state) ? state : undefined;
    },
    timeoutMs,
  );
}
