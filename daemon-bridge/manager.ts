import type { CommandHandler } from './contract/api.ts';
import type { CommandArgs, CommandName, CommandResults } from './contract/commands.ts';
import type {
  AppState,
  DaemonIdentity,
  DaemonStatus,
  Result,
  RunMode,
  SystemState,
} from './contract/domain.ts';
import { assertNever, fail, ok } from './contract/domain.ts';
import { toAppError } from './errors.ts';
import type { LinkEvent } from './rpm-ostree/daemon-link.ts';
import { toSystemState } from './rpm-ostree/parse-sysroot.ts';
import type { SysrootProperties } from './rpm-ostree/parse-sysroot.ts';

/** What the manager needs from the daemon side; DaemonLink provides it. */
export interface DaemonPort {
  refresh(): Promise<SysrootProperties>;
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Pure: the next daemon status and system state after a link event. */
export function reduceLinkEvent(
  state: AppState,
  event: LinkEvent,
  daemon: DaemonIdentity,
  now: number,
): AppState {
  switch (event.kind) {
    case 'properties':
      return {
        ...state,
        daemon: { kind: 'ready', daemon },
        system: toSystemState(event.properties, now),
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
 * The conductor: one immutable AppState snapshot, replaced on every change
 * and pushed to subscribers; commands run one at a time.
 */
export class Manager implements CommandHandler {
  private state: AppState;
  private readonly listeners = new Set<(state: AppState) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private port: DaemonPort | null = null;

  constructor(
    mode: RunMode,
    private readonly clock: Clock = systemClock,
  ) {
    this.state = { mode, daemon: { kind: 'connecting' }, system: null };
  }

  get snapshot(): AppState {
    return this.state;
  }

  /** Attach (or detach, with null) the daemon side. */
  connectPort(port: DaemonPort | null): void {
    this.port = port;
  }

  /** Feed from DaemonLink. */
  linkEvent(event: LinkEvent, daemon: DaemonIdentity): void {
    this.replace(reduceLinkEvent(this.state, event, daemon, this.clock.now()));
  }

  /** Sets the daemon status directly (bus lost, reconnecting…), keeping the last system state. */
  setDaemonStatus(daemon: DaemonStatus): void {
    this.replace({ ...this.state, daemon });
  }

  subscribe(listener: (state: AppState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  handle<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResults[K]> {
    return this.run(() => this.dispatch(name, args));
  }

  private async dispatch<K extends CommandName>(
    name: K,
    _args: CommandArgs<K>,
  ): Promise<CommandResults[K]> {
    // Each branch returns the result type of its own command.
    const results: { [C in CommandName]: () => Promise<CommandResults[C]> } = {
      getState: () => Promise.resolve(this.state),
      refresh: () => this.refresh(),
    };
    return results[name]();
  }

  private async refresh(): Promise<Result<null>> {
    if (!this.port)
      return fail({ kind: 'daemon-unavailable', message: 'Not connected to an update daemon.' });
    try {
      await this.port.refresh();
      return ok(null);
    } catch (err) {
      return fail(toAppError(err));
    }
  }

  /** Serialises commands: the daemon runs one transaction at a time, so do we. */
  private run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private replace(next: AppState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener(next);
  }
}

export type { SystemState };
