/**
 * The sandbox's apt-layer daemon: org.debian.aptostree1 on one bus
 * connection, over a sandbox directory's real ostree sysroot. The API and
 * the assumptions it rests on are in apt-layer-api.ts.
 */
import { randomUUID } from 'node:crypto';
import * as dbus from 'dbus-next';
import type { Message, MessageBus } from 'dbus-next';
import { CommitStore } from '../sysroot/commits.ts';
import { sandboxLayout } from '../sysroot/layout.ts';
import type { SandboxLayout } from '../sysroot/layout.ts';
import {
  APT_LAYER_BUS_NAME,
  APT_LAYER_INTERFACE,
  APT_LAYER_OBJECT_PATH,
  BUSY_ERROR,
  INVALID_ARGS,
  PROGRESS_DONE,
  PROGRESS_FAILED,
} from './apt-layer-api.ts';
import type { Operation, StatusTransaction } from './apt-layer-api.ts';
import { packagesJob, rollbackAptJob, upgradeJob } from './apt-layer-jobs.ts';
import type { AptLayerJob } from './apt-layer-jobs.ts';
import { buildStatus } from './apt-layer-status.ts';

const DO_NOT_QUEUE = 4;
const PRIMARY_OWNER = 1;
const FAILED = 'org.freedesktop.DBus.Error.Failed';

/** The interface as the seed declares it; dbus-next dispatches and introspects it. */
class AptLayerInterface extends dbus.interface.Interface {
  constructor(private readonly daemon: AptLayerDaemon) {
    super(APT_LAYER_INTERFACE);
  }
  Status(): Promise<string> {
    return this.daemon.status();
  }
  Install(packages: string[]): string {
    return this.daemon.begin('install', packages);
  }
  Uninstall(packages: string[]): string {
    return this.daemon.begin('uninstall', packages);
  }
  Upgrade(): string {
    return this.daemon.begin('upgrade', null);
  }
  Rollback(): string {
    return this.daemon.begin('rollback', null);
  }
  /** Calling it emits the signal (dbus-next); the returned array is the body. */
  TransactionProgress(id: string, progress: number, message: string): [string, number, string] {
    return [id, progress, message];
  }
}
AptLayerInterface.configureMembers({
  methods: {
    Status: { inSignature: '', outSignature: 's' },
    Install: { inSignature: 'as', outSignature: 's' },
    Uninstall: { inSignature: 'as', outSignature: 's' },
    Upgrade: { inSignature: '', outSignature: 's' },
    Rollback: { inSignature: '', outSignature: 's' },
  },
  signals: { TransactionProgress: { signature: 'sis' } },
});

/** Names apt would take: no empty strings, nothing that looks like an option. */
const PACKAGE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._+:~^*?-]*$/;

export interface AptLayerDaemonOptions {
  readonly bus: MessageBus;
  readonly dir: string;
  readonly log: (line: string) => void;
}

/** One transaction at a time; Status reads the sysroot afresh on every call. */
export class AptLayerDaemon {
  private readonly layout: SandboxLayout;
  private readonly commits: CommitStore;
  private readonly iface: AptLayerInterface;
  private running: StatusTransaction | null = null;
  /** The sender of the call being dispatched (dbus-next hides it from methods). */
  private caller = '';
  private readonly recordCaller = (msg: Message): boolean => {
    if (msg.interface === APT_LAYER_INTERFACE) this.caller = msg.sender ?? '';
    return false;
  };

  constructor(private readonly options: AptLayerDaemonOptions) {
    this.layout = sandboxLayout(options.dir);
    this.commits = new CommitStore(this.layout.repo);
    this.iface = new AptLayerInterface(this);
  }

  /** Exports the object, then owns the name; resolves with this connection's unique name. */
  async start(): Promise<string> {
    const { bus } = this.options;
    bus.addMethodHandler(this.recordCaller);
    bus.export(APT_LAYER_OBJECT_PATH, this.iface);
    const reply = await bus.requestName(APT_LAYER_BUS_NAME, DO_NOT_QUEUE);
    if (reply !== PRIMARY_OWNER)
      throw new Error(`${APT_LAYER_BUS_NAME} is owned by another connection`);
    // dbus-next sets `name` (the unique name) after Hello; its typings omit it.
    return (bus as unknown as { name?: string }).name ?? '';
  }

  /** Releases the name (SIGTERM): clients see the daemon go. */
  async shutdown(): Promise<void> {
    await this.options.bus.releaseName(APT_LAYER_BUS_NAME).catch(() => undefined);
  }

  async status(): Promise<string> {
    const read = () => buildStatus(this.layout, this.commits, this.running);
    try {
      return JSON.stringify(
        await read().catch(async () => {
          // A deploy swaps boot links while we read them: one more try sees the new ones.
          await new Promise((r) => setTimeout(r, 100));
          return read();
        }),
      );
    } catch (err) {
      throw new dbus.DBusError(
        FAILED,
        `Reading the sysroot: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  /**
   * Starts a transaction and returns its id; the work begins after the reply
   * is sent, so the caller sees every TransactionProgress of it.
   */
  begin(operation: Operation, packages: readonly string[] | null): string {
    const caller = this.caller;
    if (this.running)
      throw new dbus.DBusError(
        BUSY_ERROR,
        `Transaction in progress: ${describe(this.running)} (id ${this.running.id}). Wait for it to finish.`,
      );
    if (packages !== null) {
      if (packages.length === 0)
        throw new dbus.DBusError(
          INVALID_ARGS,
          `${capitalise(operation)} needs at least one package`,
        );
      const bad = packages.find((p) => !PACKAGE_NAME.test(p));
      if (bad !== undefined)
        throw new dbus.DBusError(INVALID_ARGS, `Not a package name: ${JSON.stringify(bad)}`);
    }
    const transaction: StatusTransaction = {
      id: randomUUID(),
      operation,
      packages: packages ?? [],
      initiator: caller,
    };
    this.running = transaction;
    this.options.log(`${describe(transaction)} (id ${transaction.id}) for ${caller || '?'}`);
    setImmediate(() => void this.run(transaction, jobFor(transaction)));
    return transaction.id;
  }

  private async run(transaction: StatusTransaction, job: AptLayerJob): Promise<void> {
    const emit = (progress: number, message: string) =>
      this.iface.TransactionProgress(transaction.id, progress, message);
    let end: [number, string];
    try {
      const message = await job({
        layout: this.layout,
        commits: this.commits,
        progress: (percent, text) => emit(Math.max(0, Math.min(99, Math.round(percent))), text),
      });
      end = [PROGRESS_DONE, message];
    } catch (err) {
      end = [PROGRESS_FAILED, err instanceof Error ? err.message : String(err)];
    }
    // Status must no longer show it once the terminal signal is out (assumption 2).
    this.running = null;
    this.options.log(`${describe(transaction)} ended: ${end[0]} ${end[1]}`);
    emit(...end);
  }
}

function jobFor(t: StatusTransaction): AptLayerJob {
  switch (t.operation) {
    case 'install':
      return packagesJob({ install: t.packages, uninstall: [] });
    case 'uninstall':
      return packagesJob({ install: [], uninstall: t.packages });
    case 'upgrade':
      return upgradeJob;
    case 'rollback':
      return rollbackAptJob;
  }
}

const capitalise = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

function describe(t: StatusTransaction): string {
  return [t.operation, ...t.packages].join(' ');
}
