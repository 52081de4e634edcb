import { initialDesktopState } from '../../daemon-bridge/contract/desktop.ts';
import { initialHealthState } from '../../daemon-bridge/contract/health.ts';
import type { AppState, Deployment, SystemState } from '../../daemon-bridge/contract/domain.ts';

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

/** A 64-character checksum made of `seed`. */
export function checksumOf(seed: string): string {
  return seed.repeat(64).slice(0, 64);
}

export function deployment(seed: string, overrides: Partial<Deployment> = {}): Deployment {
  const checksum = overrides.checksum ?? checksumOf(seed);
  return {
    id: `fedora-${checksum}.0`,
    osname: 'fedora',
    serial: 0,
    checksum,
    baseChecksum: checksum,
    version: null,
    baseVersion: null,
    timestamp: 1_730_000_000,
    origin: { kind: 'ref', refspec: 'fedora:fedora/41/x86_64/silverblue' },
    booted: false,
    staged: false,
    pinned: false,
    finalizationLocked: false,
    unlocked: 'none',
    layeredPackages: [],
    requestedPackages: [],
    requestedLocalPackages: [],
    requestedBaseRemovals: [],
    requestedBaseLocalReplacements: [],
    baseRemovals: [],
    baseLocalReplacements: [],
    gpgEnabled: true,
    signatureCount: 1,
    endOfLife: null,
    ...overrides,
  };
}
