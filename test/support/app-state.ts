import { initialDesktopState } from '../../daemon-bridge/contract/desktop.ts';
import { initialHealthState } from '../../daemon-bridge/contract/health.ts';
import type { AppState, SystemState } from '../../daemon-bridge/contract/domain.ts';

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
    health: initialHealthState,
    ...overrides,
  };
}

/** A system with no deployments yet, read at `readAt`, whose daemon policy is `check`. */
export function emptySystem(readAt: number, overrides: Partial<SystemState> = {}): SystemState {
  return {
    sysrootPath: '/',
    bootedOsname: 'fedora',
    deployments: [],
    bootedId: null,
    pendingId: null,
    rollbackId: null,
    automaticUpdatePolicy: 'check',
    activeTransaction: null,
    cachedUpdate: null,
    bootOptions: [],
    readAt,
    ...overrides,
  };
}
