import type { MessageBus } from 'dbus-next';
import type { CommandHandler } from './contract/api.ts';
import type { DaemonIdentity, RunMode } from './contract/domain.ts';
import { closeBus, connectBus, onBusClosed } from './dbus/connect-bus.ts';
import { BackgroundChecker } from './desktop/background-checker.ts';
import { DesktopAgent } from './desktop/desktop-agent.ts';
import type { AutostartSetter } from './desktop/desktop-agent.ts';
import { DesktopStore } from './desktop/desktop-store.ts';
import { HelperClient } from './helper/helper-client.ts';
import { helperLaunchFor } from './helper/helper-launch.ts';
import type { Logger } from './logger.ts';
import { openPowerNetwork, UNKNOWN_POWER_NETWORK } from './system/power-network.ts';
import type { PowerNetworkSource } from './system/power-network.ts';
import { Manager, systemClock } from './manager.ts';
import type { Clock } from './manager.ts';
import { AptLayerLink } from './apt-layer/apt-layer-link.ts';
import type { SystemLinkEvent } from './apt-layer/link-events.ts';
import { APT_LAYER_IDENTITY } from './apt-layer/protocol.ts';
import { DaemonLink } from './rpm-ostree/daemon-link.ts';
import type { LinkEvent } from './rpm-ostree/daemon-link.ts';
import { PROFILES } from './rpm-ostree/profile.ts';
import type { DaemonKind } from './contract/capabilities.ts';
import type { DaemonProfile } from './rpm-ostree/profile.ts';
import { commandLineTools } from './contract/command-lines.ts';
import { startHealth } from './health/start-health.ts';
import { readStatusJson } from './health/status-json.ts';

export interface RuntimeOptions {
  readonly mode: RunMode;
  /** System bus address (the sandbox's private bus in sandbox mode). */
  readonly busAddress: string;
  /** Which daemon to talk to (default rpm-ostree); `profile` overrides its table entry. */
  readonly daemon?: DaemonKind;
  readonly profile?: DaemonProfile;
  readonly log: Logger;
  readonly clock?: Clock;
  /** Delay before reconnecting to a lost bus; doubles up to 30 s. */
  readonly reconnectDelayMs?: number;
  /** The desktop side (tray state, notifications, background checks, helper); off in bare runtimes. */
  readonly desktop?: DesktopOptions;
  /** Health checks and diagnostics (health/); on unless false. */
  readonly health?: boolean;
}

export interface DesktopOptions {
  /** Where the app keeps what it remembers (settings, what was notified). */
  readonly dataDir: string;
  /** argv of the helper program run directly in sandbox mode (on a system: pkexec runs the installed one). */
  readonly helperProgram: readonly string[];
  /** Switches the autostart entry; null where the app has none (web mode). */
  readonly autostart: AutostartSetter | null;
}

export interface AppRuntime {
  readonly handler: CommandHandler;
  readonly manager: Manager;
  /** Null when started without `desktop`. */
  readonly desktop: DesktopAgent | null;
  stop(): Promise<void>;
}

/**
 * Wires bus → DaemonLink → Manager, and keeps doing so: when the bus
 * connection itself is lost, the daemon is reported unavailable (last state
 * kept) and the bus is reconnected with backoff.
 */
export async function createAppRuntime(options: RuntimeOptions): Promise<AppRuntime> {
  const kind = options.daemon ?? 'rpm-ostree';
  // apt-layer speaks an API of its own (daemon-bridge/apt-layer/). Its machine is a
  // Debian one, so the rest (the sandbox helper's paths) takes apt-ostree's profile.
  const profile = options.profile ?? PROFILES[kind === 'apt-layer' ? 'apt-ostree' : kind];
  const identity: DaemonIdentity =
    kind === 'apt-layer'
      ? APT_LAYER_IDENTITY
      : { flavour: profile.flavour, busName: profile.busName };
  const clock = options.clock ?? systemClock;
  const manager = new Manager(options.mode, clock);
  const baseDelay = options.reconnectDelayMs ?? 1000;
  let bus: MessageBus | null = null;
  let link: DaemonLink | AptLayerLink | null = null;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let delay = baseDelay;
  const health =
    options.health === false
      ? null
      : startHealth({
          mode: options.mode,
          host: manager,
          clock,
          log: options.log,
          cliTool: commandLineTools[kind].name,
          readStatus: () =>
            bus && kind !== 'apt-layer'
              ? readStatusJson(bus, profile)
              : Promise.reject(new Error(`No ${kind} status: not connected to its D-Bus API.`)),
        });
  manager.connectHealth(health);

  const connect = async (): Promise<void> => {
    try {
      bus = await connectBus(options.busAddress);
    } catch (err) {
      options.log.warn(`cannot reach the system bus at ${options.busAddress}: ${String(err)}`);
      manager.setDaemonStatus(
        manager.snapshot.system
          ? {
              kind: 'unavailable',
              daemon: identity,
              message: 'Lost the connection to the system bus. Reconnecting…',
            }
          : { kind: 'absent', message: `Cannot reach the system bus (${options.busAddress}).` },
      );
      scheduleReconnect();
      return;
    }
    delay = baseDelay;
    const current = bus;
    onBusClosed(current, () => {
      if (stopped || bus !== current) return;
      options.log.warn('system bus connection closed');
      manager.connectPort(null);
      manager.setDaemonStatus({
        kind: 'unavailable',
        daemon: identity,
        message: 'Lost the connection to the system bus. Reconnecting…',
      });
      bus = null;
      link = null;
      scheduleReconnect();
    });
    const emit = (e: LinkEvent | SystemLinkEvent) => manager.linkEvent(e, identity);
    link =
      kind === 'apt-layer'
        ? new AptLayerLink(current, emit, options.log, { now: () => clock.now() })
        : new DaemonLink(current, profile, emit, options.log);
    manager.connectPort(link);
    try {
      await link.open();
    } catch (err) {
      manager.linkEvent({ kind: 'failed', error: err }, identity);
    }
  };

  const scheduleReconnect = () => {
    if (stopped) return;
    retryTimer = setTimeout(() => void connect(), delay);
    delay = Math.min(delay * 2, 30_000);
  };

  await connect();
  const desktop = options.desktop
    ? await startDesktop(options, options.desktop, manager, profile)
    : null;

  return {
    handler: manager,
    manager,
    desktop: desktop?.agent ?? null,
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      health?.stop();
      await desktop?.stop();
      await link?.close().catch(() => undefined);
      if (bus) closeBus(bus);
    },
  };
}

/**
 * The desktop agent with its parts: the held helper, the background checks
 * and the network/power readings. Those come over a bus connection of
 * their own, so they survive the daemon link's reconnects; without a bus
 * they read as unknown (and never block a check).
 */
async function startDesktop(
  options: RuntimeOptions,
  desktop: DesktopOptions,
  manager: Manager,
  profile: DaemonProfile,
): Promise<{ agent: DesktopAgent; stop(): Promise<void> }> {
  const { log } = options;
  let powerBus: MessageBus | null = null;
  let power: PowerNetworkSource = staticPowerSource;
  try {
    powerBus = await connectBus(options.busAddress);
    power = await openPowerNetwork(powerBus, { log });
  } catch (err) {
    log.warn(`cannot read network and power state: ${String(err)}`);
  }
  const helper = new HelperClient({
    launch: helperLaunchFor(
      options.mode,
      options.busAddress,
      desktop.helperProgram,
      profile.flavour,
    ),
    log,
  });
  const agent = await DesktopAgent.start({
    manager,
    store: DesktopStore.inDir(desktop.dataDir, log),
    log,
    clock: options.clock ?? systemClock,
    helper,
    autostart: desktop.autostart,
    background: (hooks) =>
      new BackgroundChecker({
        ...hooks,
        power,
        runCheck: () => manager.handle('checkForUpdates', []),
        log,
      }),
  });
  return {
    agent,
    async stop() {
      await agent.stop();
      power.close();
      if (powerBus) closeBus(powerBus);
    },
  };
}

const staticPowerSource: PowerNetworkSource = {
  current: () => UNKNOWN_POWER_NETWORK,
  onChange: () => () => undefined,
  close: () => undefined,
};
