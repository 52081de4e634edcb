/** Builders for renderer tests: plain contract objects with overridable fields. */
import type { UpdatesApi } from '../../../daemon-bridge/contract/api.ts';
import type {
  AppState,
  DaemonIdentity,
  Deployment,
  Result,
  SystemState,
} from '../../../daemon-bridge/contract/domain.ts';

export const daemonIdentity: DaemonIdentity = {
  flavour: 'rpm-ostree',
  busName: 'org.projectatomic.rpmostree1',
};

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

/** Pending (staged, layered htop) → booted → rollback (pinned), like a typical Silverblue. */
export function typicalSystem(overrides: Partial<SystemState> = {}): SystemState {
  const pending = deployment('a', {
    version: '41.20241105.0',
    baseVersion: '41.20241105.0',
    baseChecksum: checksumOf('b'),
    staged: true,
    layeredPackages: ['htop'],
  });
  const booted = deployment('c', { version: '41.20241028.0', booted: true });
  const rollback = deployment('d', { version: '40.20241019.0', pinned: true });
  return {
    sysrootPath: '/',
    bootedOsname: 'fedora',
    deployments: [pending, booted, rollback],
    bootedId: booted.id,
    pendingId: pending.id,
    rollbackId: rollback.id,
    automaticUpdatePolicy: 'stage',
    activeTransaction: null,
    readAt: 1_730_000_000_000,
    ...overrides,
  };
}

export function readyState(system: SystemState = typicalSystem()): AppState {
  return { mode: { kind: 'system' }, daemon: { kind: 'ready', daemon: daemonIdentity }, system };
}

/** An in-memory UpdatesApi: answers come from the fields, calls are recorded. */
export class FakeUpdatesApi implements UpdatesApi {
  state: AppState = readyState();
  refreshAnswer: () => Promise<Result<null>> = () => Promise.resolve({ ok: true, value: null });
  readonly calls: string[] = [];
  private readonly listeners = new Set<(state: AppState) => void>();

  getState = (): Promise<AppState> => {
    this.calls.push('getState');
    return Promise.resolve(this.state);
  };

  refresh = (): Promise<Result<null>> => {
    this.calls.push('refresh');
    return this.refreshAnswer();
  };

  onState = (listener: (state: AppState) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Pushes a snapshot to subscribers, as the main process does on change. */
  push(state: AppState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
