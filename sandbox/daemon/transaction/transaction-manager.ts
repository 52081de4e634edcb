import type { MessageBus } from 'dbus-next';
import { getNameOwner, watchNameOwner } from '../../../daemon-bridge/dbus/bus-driver.ts';
import { createPeerServer } from '../../../daemon-bridge/dbus/p2p/index.ts';
import type { PeerServer } from '../../../daemon-bridge/dbus/p2p/index.ts';
import { deepEqual } from '../service/deep-equal.ts';
import { ioError, IoErrorCode } from '../service/errors.ts';
import type { InterfaceSpec } from '../service/interface-spec.ts';
import type { ServiceInterface } from '../service/service-interface.ts';
import { Transaction } from './transaction.ts';
import type { TransactionJob } from './transaction-output.ts';

/** A method call that wants a transaction. */
export interface TransactionRequest {
  /** The OS method name (ActiveTransaction's first field; compatibility check). */
  readonly method: string;
  /** The complete argument tuple (compatibility: deep equality). */
  readonly args: readonly unknown[];
  /** The caller's unique bus name. */
  readonly sender: string;
  /** The OS object path. */
  readonly objectPath: string;
  readonly title: string;
  readonly clientDescription: string;
  readonly outputToSelf: boolean;
  readonly job: TransactionJob;
  /** Runs when the transaction is closed (e.g. refresh CachedUpdate). */
  readonly onClosed?: () => Promise<void>;
}

export interface TransactionManagerOptions {
  readonly bus: MessageBus;
  readonly spec: InterfaceSpec;
  /** The peer socket (`DIR/run/transaction.sock`). */
  readonly socketPath: string;
  /** Seconds a finished transaction waits for its peers to leave (rpm-ostreed: 30). */
  readonly lingerSeconds: number;
  /** The daemon's command-line tool, for the "cancel with `… cancel`" hint. */
  readonly cliName: string;
  readonly sysroot: () => ServiceInterface;
  /** Re-reads the sysroot (after a successful job, before Finished). */
  readonly reload: () => Promise<void>;
  /** The transaction count changed (idle exit). */
  readonly onActiveChange: () => void;
  readonly log: (line: string) => void;
}

interface Active {
  readonly request: TransactionRequest;
  readonly txn: Transaction;
  readonly server: PeerServer;
  unwatch: (() => Promise<void>) | null;
  lingerTimer: NodeJS.Timeout | null;
  closing: boolean;
}

/**
 * One transaction at a time (reference §5.2, §7.6): creates it with its peer
 * server, sets Sysroot.ActiveTransaction/ActiveTransactionPath, lets an
 * identical call join, refuses others with G_IO_ERROR_BUSY, discards an
 * unstarted one whose initiator left the bus, and closes a finished one when
 * its last peer leaves or `lingerSeconds` after Finished.
 */
export class TransactionManager {
  private active: Active | null = null;
  private creating: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: TransactionManagerOptions) {}

  /** True while a transaction exists (created and not yet closed). */
  get busy(): boolean {
    return this.active !== null;
  }

  /** Returns the address of a new transaction, or of the compatible existing one. */
  begin(request: TransactionRequest): Promise<string> {
    const run = this.creating.then(() => this.create(request));
    this.creating = run.catch(() => undefined);
    return run;
  }

  private async create(request: TransactionRequest): Promise<string> {
    const existing = this.active;
    if (existing) {
      if (
        existing.request.method === request.method &&
        deepEqual(existing.request.args, request.args)
      ) {
        this.options.log(`Client joining existing transaction ${existing.server.address}`);
        return existing.server.address;
      }
      throw ioError(
        IoErrorCode.BUSY,
        `Transaction in progress: ${existing.txn.currentTitle}\n You can cancel the current transaction with \`${this.options.cliName} cancel\``,
      );
    }
    let active: Active | null = null;
    const txn = new Transaction({
      spec: this.options.spec,
      title: request.title,
      clientDescription: request.clientDescription,
      outputToSelf: request.outputToSelf,
      job: request.job,
      beforeFinished: this.options.reload,
      log: this.options.log,
      onStarted: () => {
        if (active?.unwatch) void active.unwatch();
        if (active) active.unwatch = null;
      },
      onChange: () => {
        if (active) this.review(active);
      },
    });
    const server = await createPeerServer(this.options.socketPath, (peer) => txn.attach(peer), {
      onError: (err) => this.options.log(`Transaction peer: ${err.message}`),
    });
    active = { request, txn, server, unwatch: null, lingerTimer: null, closing: false };
    this.active = active;
    this.options.sysroot().update({
      ActiveTransaction: [request.method, request.sender, request.objectPath],
      ActiveTransactionPath: server.address,
    });
    this.options.onActiveChange();
    const current = active;
    const vanished = () => {
      if (current.txn.isStarted || this.active !== current) return;
      this.options.log('client disconnected before calling Start; cancelling transaction');
      void this.close(current);
    };
    current.unwatch = await watchNameOwner(this.options.bus, request.sender, (owner) => {
      if (owner === null) vanished();
    });
    if ((await getNameOwner(this.options.bus, request.sender)) === null) vanished();
    return server.address;
  }

  private review(active: Active): void {
    if (this.active !== active || !active.txn.finished || active.closing) return;
    if (active.txn.peerCount === 0) {
      void this.close(active);
      return;
    }
    active.lingerTimer ??= setTimeout(
      () => void this.close(active),
      this.options.lingerSeconds * 1000,
    );
  }

  private async close(active: Active): Promise<void> {
    if (active.closing) return;
    active.closing = true;
    if (active.lingerTimer) clearTimeout(active.lingerTimer);
    if (active.unwatch) await active.unwatch().catch(() => undefined);
    active.txn.cancel();
    await active.server.close();
    if (this.active === active) this.active = null;
    this.options.sysroot().update({ ActiveTransaction: ['', '', ''], ActiveTransactionPath: '' });
    try {
      await active.request.onClosed?.();
    } catch (err) {
      this.options.log(`After transaction: ${(err as Error).message}`);
    }
    this.options.onActiveChange();
  }

  /** Closes whatever is active (daemon shutdown). */
  async shutdown(): Promise<void> {
    if (this.active) await this.close(this.active);
  }
}
