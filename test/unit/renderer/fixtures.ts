/** Builders for renderer tests: plain contract objects with overridable fields. */
import {
  defaultDesktopSettings,
  initialDesktopState,
} from '../../../daemon-bridge/contract/desktop.ts';
import { initialHealthState } from '../../../daemon-bridge/contract/health.ts';
import type { AppScreen } from '../../../daemon-bridge/contract/desktop.ts';
import type { UpdatesApi } from '../../../daemon-bridge/contract/api.ts';
import type {
  CommandArgs,
  CommandName,
  CommandResults,
} from '../../../daemon-bridge/contract/commands.ts';
import type {
  AppState,
  DaemonIdentity,
  SystemState,
} from '../../../daemon-bridge/contract/domain.ts';
import { createAppStore } from '../../../renderer/store/app-store.ts';
import { checksumOf, deployment } from '../../support/app-state.ts';
import type { AppStoreApi } from '../../../renderer/store/app-store.ts';
import { packageChanges, rowsOfUpdate, searchHits } from './update-fixtures.ts';

export const daemonIdentity: DaemonIdentity = {
  flavour: 'rpm-ostree',
  busName: 'org.projectatomic.rpmostree1',
};

export { checksumOf, deployment };

/** The kernel command line of the demo machine, pointing at deployment `seed`. */
export function kernelCommandLine(seed: string, extra = ''): string {
  const base = `root=UUID=6d8e1c4a rootflags=subvol=root rw rhgb quiet${extra ? ` ${extra}` : ''}`;
  return `${base} ostree=/ostree/boot.1/fedora/${checksumOf(seed)}/0`;
}

/** Pending (staged, layered htop) → booted → rollback (pinned), like a typical Silverblue. */
export function typicalSystem(overrides: Partial<SystemState> = {}): SystemState {
  const pending = deployment('a', {
    version: '41.20241105.0',
    baseVersion: '41.20241105.0',
    baseChecksum: checksumOf('b'),
    staged: true,
    layeredPackages: ['htop'],
    requestedPackages: ['htop'],
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
    cachedUpdate: null,
    bootOptions: [
      { deploymentId: pending.id, options: kernelCommandLine('a') },
      { deploymentId: booted.id, options: kernelCommandLine('c') },
    ],
    readAt: 1_730_000_000_000,
    ...overrides,
  };
}

export function readyState(system: SystemState = typicalSystem()): AppState {
  return {
    mode: { kind: 'system' },
    daemon: { kind: 'ready', daemon: daemonIdentity },
    system,
    activity: null,
    lastCheck: null,
    queued: null,
    desktop: initialDesktopState,
    health: initialHealthState,
  };
}

/** A system that boots `c` with `d` as rollback and nothing pending. */
export function unstagedSystem(overrides: Partial<SystemState> = {}): SystemState {
  const base = typicalSystem();
  return typicalSystem({
    deployments: base.deployments.slice(1),
    pendingId: null,
    ...overrides,
  });
}

type Answers = {
  -readonly [K in CommandName]: (...args: CommandArgs<K>) => Promise<CommandResults[K]>;
};

const done = <T>(value: T): Promise<{ ok: true; value: T }> => Promise.resolve({ ok: true, value });

/** An in-memory UpdatesApi: answers come from `answers`, calls are recorded with their arguments. */
export class FakeUpdatesApi implements UpdatesApi {
  state: AppState = readyState();
  readonly calls: string[] = [];
  readonly callArgs: { readonly command: CommandName; readonly args: readonly unknown[] }[] = [];
  private readonly listeners = new Set<(state: AppState) => void>();

  readonly answers: Answers = {
    getState: () => Promise.resolve(this.state),
    refresh: () => done(null),
    checkForUpdates: () => done(null),
    stageUpdate: () => done(null),
    cancelTransaction: () => done(null),
    rebootToApply: () => done(null),
    rollback: () => done(null),
    updateChanges: (changesId) => {
      const rows = rowsOfUpdate(changesId);
      return rows
        ? done(rows)
        : Promise.resolve({
            ok: false,
            error: { kind: 'invalid-input', message: 'The daemon has no cached update now.' },
          });
    },
    compareDeployments: () => done(packageChanges(5)),
    previewDeploy: (revision) =>
      done({
        checksum: checksumOf('f'),
        version: revision,
        timestamp: 1_729_000_000,
        changes: packageChanges(3),
      }),
    deployRevision: () => done(null),
    cleanup: () => done(null),
    dismissActivity: () => Promise.resolve(null),
    searchPackages: () => done(searchHits()),
    changePackages: () => done(null),
    changeOverrides: () => done(null),
    resetPackageChanges: () => done(null),
    changeKernelArgs: () => done(null),
    setPinned: () => done(null),
    setAutomaticUpdatePolicy: () => done(null),
    changeDesktopSettings: () => done(defaultDesktopSettings),
    checkHealth: () => done(null),
    exportDiagnostics: () =>
      done({
        fileName: 'ostree-update-manager-diagnostics-20241105-120000.json',
        content: '{"format":"ostree-update-manager-diagnostics/1"}\n',
        delivery: { kind: 'download' },
      }),
  };

  /** Kept for older tests: the answer to `refresh`. */
  set refreshAnswer(answer: Answers['refresh']) {
    this.answers.refresh = answer;
  }

  private call<K extends CommandName>(
    command: K,
    args: CommandArgs<K>,
  ): Promise<CommandResults[K]> {
    this.calls.push(command);
    this.callArgs.push({ command, args });
    const answer = this.answers[command] as (...a: CommandArgs<K>) => Promise<CommandResults[K]>;
    return answer(...args);
  }

  getState = (): Promise<AppState> => this.call('getState', []);
  refresh = (): Promise<CommandResults['refresh']> => this.call('refresh', []);
  checkForUpdates = (): Promise<CommandResults['checkForUpdates']> =>
    this.call('checkForUpdates', []);
  stageUpdate = (): Promise<CommandResults['stageUpdate']> => this.call('stageUpdate', []);
  cancelTransaction = (): Promise<CommandResults['cancelTransaction']> =>
    this.call('cancelTransaction', []);
  rebootToApply = (): Promise<CommandResults['rebootToApply']> => this.call('rebootToApply', []);
  rollback = (): Promise<CommandResults['rollback']> => this.call('rollback', []);
  updateChanges = (
    ...args: CommandArgs<'updateChanges'>
  ): Promise<CommandResults['updateChanges']> => this.call('updateChanges', args);
  compareDeployments = (
    ...args: CommandArgs<'compareDeployments'>
  ): Promise<CommandResults['compareDeployments']> => this.call('compareDeployments', args);
  previewDeploy = (
    ...args: CommandArgs<'previewDeploy'>
  ): Promise<CommandResults['previewDeploy']> => this.call('previewDeploy', args);
  deployRevision = (
    ...args: CommandArgs<'deployRevision'>
  ): Promise<CommandResults['deployRevision']> => this.call('deployRevision', args);
  cleanup = (...args: CommandArgs<'cleanup'>): Promise<CommandResults['cleanup']> =>
    this.call('cleanup', args);
  dismissActivity = (): Promise<null> => this.call('dismissActivity', []);
  searchPackages = (
    ...args: CommandArgs<'searchPackages'>
  ): Promise<CommandResults['searchPackages']> => this.call('searchPackages', args);
  changePackages = (
    ...args: CommandArgs<'changePackages'>
  ): Promise<CommandResults['changePackages']> => this.call('changePackages', args);
  changeOverrides = (
    ...args: CommandArgs<'changeOverrides'>
  ): Promise<CommandResults['changeOverrides']> => this.call('changeOverrides', args);
  resetPackageChanges = (
    ...args: CommandArgs<'resetPackageChanges'>
  ): Promise<CommandResults['resetPackageChanges']> => this.call('resetPackageChanges', args);
  changeKernelArgs = (
    ...args: CommandArgs<'changeKernelArgs'>
  ): Promise<CommandResults['changeKernelArgs']> => this.call('changeKernelArgs', args);
  setPinned = (...args: CommandArgs<'setPinned'>): Promise<CommandResults['setPinned']> =>
    this.call('setPinned', args);
  setAutomaticUpdatePolicy = (
    ...args: CommandArgs<'setAutomaticUpdatePolicy'>
  ): Promise<CommandResults['setAutomaticUpdatePolicy']> =>
    this.call('setAutomaticUpdatePolicy', args);
  changeDesktopSettings = (
    ...args: CommandArgs<'changeDesktopSettings'>
  ): Promise<CommandResults['changeDesktopSettings']> => this.call('changeDesktopSettings', args);
  checkHealth = (): Promise<CommandResults['checkHealth']> => this.call('checkHealth', []);
  exportDiagnostics = (): Promise<CommandResults['exportDiagnostics']> =>
    this.call('exportDiagnostics', []);

  readonly navigateListeners = new Set<(screen: AppScreen) => void>();
  onNavigate = (listener: (screen: AppScreen) => void): (() => void) => {
    this.navigateListeners.add(listener);
    return () => this.navigateListeners.delete(listener);
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

/** A store on a FakeUpdatesApi, with a clipboard that accepts everything. */
export function storeWithFakeApi(): { api: FakeUpdatesApi; store: AppStoreApi } {
  const api = new FakeUpdatesApi();
  const store = createAppStore({
    api,
    reconnect: () => undefined,
    clipboard: { writeText: () => Promise.resolve() },
  });
  return { api, store };
}

/** A promise the test resolves by hand, to look at the store mid-request. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
