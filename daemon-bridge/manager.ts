import type { CommandHandler } from './contract/api.ts';
import type { CommandArgs, CommandName, CommandResults } from './contract/commands.ts';
import type { AppState, DaemonIdentity, DaemonStatus, Result, RunMode } from './contract/domain.ts';
import { assertNever, fail, ok } from './contract/domain.ts';
import type { DeployPreview } from './contract/commands.ts';
import type { Activity, UpdateChanges, UpdateCheck } from './contract/updates.ts';
import { offersUpdate } from './contract/updates.ts';
import type { DaemonPort } from './daemon-port.ts';
import type { DesktopPort } from './desktop-port.ts';
import { commandCapability, supports } from './contract/capabilities.ts';
import { initialDesktopState } from './contract/desktop.ts';
import type { DesktopState } from './contract/desktop.ts';
import { initialHealthState } from './contract/health.ts';
import type { HealthState } from './contract/health.ts';
import type { HealthPort } from './health/health-port.ts';
import { toAppError } from './errors.ts';
import { Transactions } from './transactions.ts';
import type { LinkEvent } from './rpm-ostree/daemon-link.ts';
import type { SystemLinkEvent } from './apt-layer/link-events.ts';
import { toSystemState } from './rpm-ostree/parse-sysroot.ts';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Pure: the next daemon status and system state after a link event. */
export function reduceLinkEvent(
  state: AppState,
  event: LinkEvent | SystemLinkEvent,
  daemon: DaemonIdentity,
  now: number,
): AppState {
  switch (event.kind) {
    case 'system':
      // A daemon whose API is not rpm-ostree's (apt-layer): its link built the state.
      return { ...state, daemon: { kind: 'ready', daemon }, system: event.system };
    case 'properties':
      return {
        ...state,
        daemon: { kind: 'ready', daemon },
        system: toSystemState(event.properties, event.cachedUpdate, now, event.bootOptions),
      };
    case 'absent':
      return {
        ...state,
        daemon: {
          kind: 'absent',
          message: `No update daemon (${daemon.busName}) is running or installed on the system bus.`,
        },
      };
    case 'gone':
      return {
        ...state,
        daemon: {
          kind: 'unavailable',
          daemon,
          message: `The update daemon (${daemon.busName}) stopped. Waiting for it to come back.`,
        },
      };
    case 'failed':
      return { ...state, daemon: { kind: 'error', error: toAppError(event.error) } };
    default:
      return assertNever(event);
  }
}

/**
 * Progress signals can arrive by the thousand per second; a changed activity
 * goes out this long after its first unsent change, carrying the latest
 * value: at most 20 snapshots a second, and the panel is never more than
 * this (plus the transport and a render) behind the daemon.
 */
export const ACTIVITY_PUBLISH_MS = 50;

/**
 * The conductor: one immutable AppState snapshot, replaced on every change
 * and pushed to subscribers; commands that change the system run one at a
 * time, reads and Cancel go straight through.
 */
export class Manager implements CommandHandler {
  private state: AppState;
  private readonly listeners = new Set<(state: AppState) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private daemonPort: DaemonPort | null = null;
  private desktopPort: DesktopPort | null = null;
  private healthPort: HealthPort | null = null;
  private readonly transactions: Transactions;
  private pendingActivity: { value: Activity | null } | null = null;
  private activityTimer: ReturnType<typeof setTimeout> | undefined;
  private publishing = false;

  constructor(
    mode: RunMode,
    private readonly clock: Clock = systemClock,
  ) {
    this.state = {
      mode,
      daemon: { kind: 'connecting' },
      system: null,
      activity: null,
      lastCheck: null,
      queued: null,
      desktop: initialDesktopState,
      health: initialHealthState,
    };
    this.transactions = new Transactions({
      port: () => this.daemonPort,
      now: () => this.clock.now(),
      setActivity: (activity, urgent) => this.activityChanged(activity, urgent),
      setQueued: (queued) => this.replace({ ...this.state, queued }),
    });
  }

  get snapshot(): AppState {
    return this.state;
  }

  /** Attach (or detach, with null) the daemon side. */
  connectPort(port: DaemonPort | null): void {
    this.daemonPort = port;
    if (!port) this.transactions.wakeQueued();
  }

  /** Attach the desktop side (helper, settings); see desktop/desktop-agent.ts. */
  connectDesktop(port: DesktopPort | null): void {
    this.desktopPort = port;
  }

  /** Attach the health checks and diagnostics (health/health-monitor.ts). */
  connectHealth(port: HealthPort | null): void {
    this.healthPort = port;
  }

  /** Replaces the health part of the snapshot. */
  setHealth(health: HealthState): void {
    if (health !== this.state.health) this.replace({ ...this.state, health });
  }

  /** Replaces the desktop part of the snapshot (tray, notifications, settings, checks). */
  setDesktop(desktop: DesktopState): void {
    if (desktop !== this.state.desktop) this.replace({ ...this.state, desktop });
  }

  /** Feed from DaemonLink. */
  linkEvent(event: LinkEvent | SystemLinkEvent, daemon: DaemonIdentity): void {
    const next = reduceLinkEvent(this.state, event, daemon, this.clock.now());
    this.replace(next);
    if (next.daemon.kind === 'ready')
      this.transactions.activeTransactionChanged(next.system?.activeTransaction ?? null);
    else this.transactions.wakeQueued();
  }

  /** Sets the daemon status directly (bus lost, reconnecting…), keeping the last system state. */
  setDaemonStatus(daemon: DaemonStatus): void {
    this.replace({ ...this.state, daemon });
    if (daemon.kind !== 'ready') this.transactions.wakeQueued();
  }

  subscribe(listener: (state: AppState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  handle<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResults[K]> {
    const refusal = this.unsupported(name);
    if (refusal) return Promise.resolve(refusal as CommandResults[K]);
    const handlers = this.handlers();
    const run = () => (handlers[name] as (a: CommandArgs<K>) => Promise<CommandResults[K]>)(args);
    return IMMEDIATE.has(name) ? run() : this.serialised(run);
  }

  /**
   * A command the connected daemon cannot serve (contract/capabilities.ts)
   * is refused here with the reason, whatever the UI showed.
   */
  private unsupported(name: CommandName): Result<never> | null {
    const needed = commandCapability[name];
    const daemon = this.state.daemon;
    if (!needed || (daemon.kind !== 'ready' && daemon.kind !== 'unavailable')) return null;
    if (supports(daemon.daemon.flavour, needed)) return null;
    return fail({
      kind: 'invalid-input',
      message: `Not available with ${daemon.daemon.flavour}: its D-Bus API has no call for ${needed.replace(/-/g, ' ')}.`,
    });
  }

  /** One entry per command; the compiler checks each result type. */
  private handlers(): { [C in CommandName]: (args: CommandArgs<C>) => Promise<CommandResults[C]> } {
    return {
      getState: () => Promise.resolve(this.state),
      refresh: () => this.withPort((port) => port.refresh().then(() => null)),
      checkForUpdates: () => this.checkForUpdates(),
      stageUpdate: () => this.transactions.run({ kind: 'upgrade' }, 'stageUpdate'),
      cancelTransaction: () =>
        this.transactions.cancel(this.state.system?.activeTransaction ?? null),
      rebootToApply: () => this.withPort((port) => port.reboot().then(() => null)),
      rollback: () => this.transactions.run({ kind: 'rollback' }, 'rollback'),
      updateChanges: ([changesId]) => this.updateChanges(changesId),
      compareDeployments: ([from, to]) => this.withPort((port) => port.compare(from, to)),
      previewDeploy: ([revision]) => this.previewDeploy(revision),
      deployRevision: ([revision]) =>
        this.transactions.run({ kind: 'deploy', revision }, 'deployRevision'),
      cleanup: ([elements]) => this.transactions.run({ kind: 'cleanup', elements }, 'cleanup'),
      searchPackages: ([terms]) => this.withPort((port) => port.searchPackages(terms)),
      changePackages: ([change]) =>
        this.transactions.run({ kind: 'packages', ...change }, 'changePackages'),
      changeOverrides: ([change]) =>
        this.transactions.run({ kind: 'overrides', ...change }, 'changeOverrides'),
      resetPackageChanges: ([reset]) =>
        this.transactions.run({ kind: 'reset', ...reset }, 'resetPackageChanges'),
      changeKernelArgs: ([change]) =>
        this.transactions.run({ kind: 'kernel-args', ...change }, 'changeKernelArgs'),
      dismissActivity: () => {
        this.transactions.dismiss();
        return Promise.resolve(null);
      },
      setPinned: ([change]) => this.setPinned(change.deploymentId, change.pinned),
      setAutomaticUpdatePolicy: ([policy]) =>
        this.withDesktop(async (desktop) => {
          const result = await desktop.setAutomaticUpdatePolicy(policy);
          // ReloadConfig changed the property; read it now rather than wait for the signal.
          if (result.ok) await this.daemonPort?.refresh().catch(() => undefined);
          return result;
        }),
      changeDesktopSettings: ([change]) =>
        this.withDesktop((desktop) => desktop.changeSettings(change)),
      checkHealth: () => this.withHealth((health) => health.recheck().then(() => null)),
      exportDiagnostics: () => this.withHealth((health) => health.exportDiagnostics()),
    };
  }

  private setPinned(deploymentId: string, pinned: boolean): Promise<Result<null>> {
    return this.withDesktop(async (desktop) => {
      const deployments = this.state.system?.deployments ?? [];
      const index = deployments.findIndex((d) => d.id === deploymentId);
      const deployment = deployments[index];
      if (!deployment)
        return fail({
          kind: 'invalid-input',
          message: `No deployment ${deploymentId} on this system (the list may have changed).`,
        });
      const result = await desktop.setPinned({
        index,
        osname: deployment.osname,
        checksum: deployment.checksum,
        serial: deployment.serial,
        pinned,
      });
      if (result.ok) await this.daemonPort?.refresh().catch(() => undefined);
      return result;
    });
  }

  private withDesktop<T>(task: (port: DesktopPort) => Promise<Result<T>>): Promise<Result<T>> {
    const port = this.desktopPort;
    if (!port)
      return Promise.resolve(
        fail({
          kind: 'daemon-unavailable',
          message: 'Desktop integration is not running in this process.',
        }),
      );
    return task(port).catch((err: unknown) => fail(toAppError(err)));
  }

  private async withHealth<T>(task: (port: HealthPort) => Promise<T>): Promise<Result<T>> {
    const port = this.healthPort;
    if (!port)
      return fail({ kind: 'daemon-unavailable', message: 'Health checks are not running.' });
    try {
      return ok(await task(port));
    } catch (err) {
      return fail(toAppError(err));
    }
  }

  private async checkForUpdates(): Promise<Result<null>> {
    const result = await this.transactions.run({ kind: 'check' }, 'checkForUpdates');
    const update = this.state.system?.cachedUpdate ?? null;
    const lastCheck: UpdateCheck = result.ok
      ? {
          at: this.clock.now(),
          outcome: update && offersUpdate(update) ? 'update-available' : 'up-to-date',
          message: null,
        }
      : { at: this.clock.now(), outcome: 'failed', message: result.error.message };
    this.replace({ ...this.state, lastCheck });
    return result;
  }

  /** The rows of the cached update the caller saw; refused once the daemon's is another. */
  private async updateChanges(changesId: string): Promise<Result<UpdateChanges>> {
    const read = await this.withPort((port) => port.updateChanges());
    if (!read.ok) return read;
    if (read.value === null)
      return fail({ kind: 'invalid-input', message: 'The daemon has no cached update now.' });
    if (read.value.changesId !== changesId)
      return fail({
        kind: 'invalid-input',
        message: 'The available update has changed; its package list is being read again.',
        detail: `asked for changes ${changesId}, the daemon's cached update has ${read.value.changesId}`,
      });
    return ok(read.value);
  }

  private async previewDeploy(revision: string): Promise<Result<DeployPreview>> {
    const downloaded = await this.transactions.run(
      { kind: 'download-deploy-diff', revision },
      'previewDeploy',
    );
    if (!downloaded.ok) return downloaded;
    return this.withPort((port) => port.cachedDeployDiff(revision));
  }

  private async withPort<T>(task: (port: DaemonPort) => Promise<T>): Promise<Result<T>> {
    const port = this.daemonPort;
    if (!port)
      return fail({ kind: 'daemon-unavailable', message: 'Not connected to an update daemon.' });
    try {
      return ok(await task(port));
    } catch (err) {
      return fail(toAppError(err));
    }
  }

  /** Serialises commands: the daemon runs one transaction at a time, so do we. */
  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private activityChanged(activity: Activity | null, urgent: boolean): void {
    this.pendingActivity = { value: activity };
    if (urgent) {
      this.flushActivity();
      return;
    }
    this.activityTimer ??= setTimeout(() => this.flushActivity(), ACTIVITY_PUBLISH_MS);
  }

  private flushActivity(): void {
    clearTimeout(this.activityTimer);
    this.activityTimer = undefined;
    const pending = this.pendingActivity;
    this.pendingActivity = null;
    if (pending) this.replace({ ...this.state, activity: pending.value });
  }

  /**
   * Replaces the snapshot and tells every listener. A listener may replace it
   * again while being told (the desktop agent folds the tray into it): then
   * the older snapshot is not handed to the listeners still waiting for it,
   * and everyone is told the newest one, so nobody ends up on a stale state.
   */
  private replace(next: AppState): void {
    if (next === this.state) return;
    this.state = next;
    if (this.publishing) return;
    this.publishing = true;
    try {
      let told: AppState;
      do {
        told = this.state;
        for (const listener of this.listeners) {
          if (this.state !== told) break;
          listener(told);
        }
      } while (told !== this.state);
    } finally {
      this.publishing = false;
    }
  }
}

/** Commands that never wait behind a running transaction. */
const IMMEDIATE: ReadonlySet<CommandName> = new Set([
  'getState',
  'cancelTransaction',
  'dismissActivity',
  'updateChanges',
  'compareDeployments',
  'searchPackages',
  'changeDesktopSettings',
  // Diagnostics matter most while a transaction hangs: never wait behind it.
  'checkHealth',
  'exportDiagnostics',
]);
