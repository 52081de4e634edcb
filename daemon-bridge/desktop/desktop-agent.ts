/**
 * The desktop side of the main process: keeps `AppState.desktop` (tray,
 * notifications, settings, background checks, helper) up to date from the
 * manager's snapshots, raises each notification once (persisted), and
 * serves the manager's DesktopPort (pinning and the daemon's policy through
 * the held privileged helper; the app's own settings).
 *
 * Electron draws the tray and shows notifications from what this emits;
 * web mode has neither, and reads the same records from the state.
 */
import { MAX_NOTIFICATION_RECORDS } from '../contract/desktop.ts';
import type {
  BackgroundCheckState,
  DesktopSettings,
  DesktopState,
  HelperStatus,
  NotificationRecord,
  UserUpdatePolicy,
} from '../contract/desktop.ts';
import type { AppState, Result } from '../contract/domain.ts';
import { fail, ok } from '../contract/domain.ts';
import type { DesktopPort, PinTarget } from '../desktop-port.ts';
import { toAppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Clock, Manager } from '../manager.ts';
import type { DesktopMemory, DesktopStore } from './desktop-store.ts';
import { decideNotifications } from './notification-policy.ts';
import { sameTray, trayState } from './tray-state.ts';

/** The held privileged helper, as the agent uses it (helper/helper-client.ts). */
export interface HelperLike {
  pin(target: PinTarget): Promise<Result<null>>;
  setAutomaticUpdatePolicy(policy: UserUpdatePolicy): Promise<Result<null>>;
  onStatus(listener: (status: HelperStatus) => void): () => void;
  stop(): Promise<void>;
}

/** Switches the autostart entry on or off (desktop/autostart.ts). */
export type AutostartSetter = (enabled: boolean) => Promise<void>;

/** The background-check scheduler, as the agent drives it. */
export interface BackgroundChecks {
  start(): void;
  stop(): void;
  /** The app state changed: a skipped check may be able to run now. */
  stateChanged(): void;
}

/** What the agent hands the scheduler's factory. */
export interface BackgroundHooks {
  readonly lastRunAt: number | null;
  getState(): AppState;
  getSettings(): DesktopSettings;
  onRun(at: number): void;
  onChange(state: BackgroundCheckState): void;
}

/** The part of the Manager the agent uses. */
export type ManagerLike = Pick<Manager, 'snapshot' | 'subscribe' | 'setDesktop' | 'connectDesktop'>;

export interface DesktopAgentOptions {
  readonly manager: ManagerLike;
  readonly store: DesktopStore;
  readonly log: Logger;
  readonly clock: Clock;
  /** Null where there is no helper (then pinning and the policy answer why). */
  readonly helper: HelperLike | null;
  readonly autostart: AutostartSetter | null;
  readonly background: ((hooks: BackgroundHooks) => BackgroundChecks) | null;
}

export class DesktopAgent implements DesktopPort {
  private memory: DesktopMemory;
  private desktop: DesktopState;
  private readonly listeners = new Set<(record: NotificationRecord) => void>();
  private readonly cleanups: (() => void)[] = [];
  private checks: BackgroundChecks | null = null;

  private constructor(
    private readonly options: DesktopAgentOptions,
    memory: DesktopMemory,
  ) {
    this.memory = memory;
    const current = options.manager.snapshot.desktop;
    this.desktop = {
      ...current,
      tray: trayState(options.manager.snapshot),
      settings: memory.settings,
      notifications: memory.records,
    };
  }

  /** Loads what was remembered, attaches to the manager and starts the background checks. */
  static async start(options: DesktopAgentOptions): Promise<DesktopAgent> {
    const agent = new DesktopAgent(options, await options.store.load());
    agent.attach();
    return agent;
  }

  private attach(): void {
    const { manager, helper, background } = this.options;
    manager.connectDesktop(this);
    manager.setDesktop(this.desktop);
    this.cleanups.push(manager.subscribe((state) => this.stateChanged(state)));
    if (helper) this.cleanups.push(helper.onStatus((status) => this.update({ helper: status })));
    if (background) {
      this.checks = background({
        lastRunAt: this.memory.lastBackgroundCheckAt,
        getState: () => manager.snapshot,
        getSettings: () => this.memory.settings,
        onRun: (at) => void this.remember({ lastBackgroundCheckAt: at }),
        onChange: (state) => this.update({ background: state }),
      });
      this.checks.start();
    }
    this.stateChanged(manager.snapshot);
  }

  /** Notifications to present (Electron); each record comes once. */
  onNotification(listener: (record: NotificationRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setPinned(target: PinTarget): Promise<Result<null>> {
    return this.withHelper((helper) => helper.pin(target));
  }

  setAutomaticUpdatePolicy(policy: UserUpdatePolicy): Promise<Result<null>> {
    return this.withHelper((helper) => helper.setAutomaticUpdatePolicy(policy));
  }

  async changeSettings(change: Partial<DesktopSettings>): Promise<Result<DesktopSettings>> {
    const settings = { ...this.memory.settings, ...change };
    if (settings.autostart !== this.memory.settings.autostart) {
      const setter = this.options.autostart;
      if (!setter)
        return fail({
          kind: 'invalid-input',
          message: 'Starting at login is only available in the desktop app.',
        });
      try {
        await setter(settings.autostart);
      } catch (err) {
        return fail(toAppError(err));
      }
    }
    await this.remember({ settings });
    this.update({ settings });
    this.checks?.stateChanged();
    return ok(settings);
  }

  async stop(): Promise<void> {
    this.checks?.stop();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.options.manager.connectDesktop(null);
    await this.options.helper?.stop();
    await this.options.store.flush();
  }

  private stateChanged(state: AppState): void {
    const tray = trayState(state);
    const decision = decideNotifications(
      { keys: this.memory.notifiedKeys },
      state,
      this.memory.settings,
      this.options.clock.now(),
    );
    if (decision.memory.keys !== this.memory.notifiedKeys) {
      const records = [...[...decision.raised].reverse(), ...this.memory.records].slice(
        0,
        MAX_NOTIFICATION_RECORDS,
      );
      void this.remember({ notifiedKeys: decision.memory.keys, records });
      if (records !== this.desktop.notifications) this.update({ notifications: records, tray });
      for (const record of decision.raised) for (const listener of this.listeners) listener(record);
    } else if (!sameTray(tray, this.desktop.tray)) this.update({ tray });
    this.checks?.stateChanged();
  }

  private update(change: Partial<DesktopState>): void {
    this.desktop = { ...this.desktop, ...change };
    this.options.manager.setDesktop(this.desktop);
  }

  private remember(change: Partial<DesktopMemory>): Promise<void> {
    this.memory = { ...this.memory, ...change };
    return this.options.store.save(this.memory);
  }

  private async withHelper(
    task: (helper: HelperLike) => Promise<Result<null>>,
  ): Promise<Result<null>> {
    const helper = this.options.helper;
    if (!helper)
      return fail({
        kind: 'daemon-unavailable',
        message: 'The privileged helper is not available in this mode.',
      });
    try {
      return await task(helper);
    } catch (err) {
      return fail(toAppError(err));
    }
  }
}
