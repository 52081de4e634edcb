import type { MessageBus } from 'dbus-next';
import type { CommandHandler } from './contract/api.ts';
import type { RunMode } from './contract/domain.ts';
import { closeBus, connectBus, onBusClosed } from './dbus/connect-bus.ts';
import type { Logger } from './logger.ts';
import { Manager, systemClock } from './manager.ts';
import type { Clock } from './manager.ts';
import { DaemonLink } from './rpm-ostree/daemon-link.ts';
import { RPM_OSTREE } from './rpm-ostree/profile.ts';
import type { DaemonProfile } from './rpm-ostree/profile.ts';

export interface RuntimeOptions {
  readonly mode: RunMode;
  /** System bus address (the sandbox's private bus in sandbox mode). */
  readonly busAddress: string;
  readonly profile?: DaemonProfile;
  readonly log: Logger;
  readonly clock?: Clock;
  /** Delay before reconnecting to a lost bus; doubles up to 30 s. */
  readonly reconnectDelayMs?: number;
}

export interface AppRuntime {
  readonly handler: CommandHandler;
  readonly manager: Manager;
  stop(): Promise<void>;
}

/**
 * Wires bus → DaemonLink → Manager, and keeps doing so: when the bus
 * connection itself is lost, the daemon is reported unavailable (last state
 * kept) and the bus is reconnected with backoff.
 */
export async function createAppRuntime(options: RuntimeOptions): Promise<AppRuntime> {
  const profile = options.profile ?? RPM_OSTREE;
  const identity = { flavour: profile.flavour, busName: profile.busName };
  const manager = new Manager(options.mode, options.clock ?? systemClock);
  const baseDelay = options.reconnectDelayMs ?? 1000;
  let bus: MessageBus | null = null;
  let link: DaemonLink | null = null;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let delay = baseDelay;

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
    link = new DaemonLink(current, profile, (e) => manager.linkEvent(e, identity), options.log);
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

  return {
    handler: manager,
    manager,
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      await link?.close().catch(() => undefined);
      if (bus) closeBus(bus);
    },
  };
}
