import { initialDesktopState } from '../../daemon-bridge/contract/desktop.ts';
import type { AppState } from '../../daemon-bridge/contract/domain.ts';

/** An AppState with nothing known yet; tests spread their own fields over it. */
export function blankState(overrides: Partial<AppState> = {}): AppState {
  return {
    mode: { kind: 'system' },
    daemon: { kind: 'connecting' },
    system: null,
    activity: null,
    lastCheck: null,
    queued: null,
    desktop: initialDesktopState,
    ...overrides,
  };
}
