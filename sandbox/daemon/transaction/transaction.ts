import type { PeerConnection } from '../../../daemon-bridge/dbus/p2p/index.ts';
import type { InterfaceSpec } from '../service/interface-spec.ts';
import { createServiceInterface } from '../service/service-interface.ts';
import type { ServiceInterface } from '../service/service-interface.ts';
import { DownloadProgressBatch } from './download-progress-wire.ts';
import type { TransactionJob, TransactionOutput } from './transaction-output.ts';

/** How a transaction ended. */
export interface TransactionResult {
  readonly success: boolean;
  readonly message: string;
}

export interface TransactionOptions {
  readonly spec: InterfaceSpec;
  readonly title: string;
  readonly clientDescription: string;
  readonly outputToSelf: boolean;
  readonly job: TransactionJob;
  /** Runs after a successful job, before Finished (the daemon re-reads the sysroot). */
  readonly beforeFinished: () => Promise<void>;
  /** Start() was called for the first time. */
  readonly onStarted: () => void;
  /** Finished was emitted, or a peer closed: the manager decides about closing. */
  readonly onChange: () => void;
  readonly log: (line: string) => void;
}

const PEER_CALLER = () => ({ sender: '', flags: 0 });

/**
 * One transaction (rpmostreed-transaction.cxx): the Transaction object is
 * exported at `/` on every peer connection; signals go to every connected
 * peer. Nothing runs until the first Start(); a Start after Finished re-emits
 * Finished to that peer only. Cancel() aborts the job's signal.
 */
export class Transaction {
  private readonly peers = new Map<PeerConnection, ServiceInterface>();
  private readonly abort = new AbortController();
  private title: string;
  private started = false;
  private result: TransactionResult | null = null;
  private readonly progress: DownloadProgressBatch;

  constructor(private readonly options: TransactionOptions) {
    this.title = options.title;
    this.progress = new DownloadProgressBatch(options.spec.name, () => this.peers.keys());
  }

  get isStarted(): boolean {
    return this.started;
  }

  get finished(): TransactionResult | null {
    return this.result;
  }

  get peerCount(): number {
    return this.peers.size;
  }

  get currentTitle(): string {
    return this.title;
  }

  /** Exports the object on a new peer connection (synchronously, before authentication). */
  attach(peer: PeerConnection): void {
    const iface: ServiceInterface = createServiceInterface({
      spec: this.options.spec,
      caller: PEER_CALLER,
      properties: {
        Title: this.title,
        InitiatingClientDescription: this.options.clientDescription,
      },
      methods: {
        Start: () => this.start(iface),
        Cancel: () => this.cancel(),
      },
    });
    peer.bus.export('/', iface);
    this.peers.set(peer, iface);
    void peer.closed.then(() => {
      this.peers.delete(peer);
      this.options.onChange();
    });
  }

  /** Cancels the job (a no-op once finished). */
  cancel(): void {
    if (this.result) return;
    this.options.log(`Cancelling transaction: ${this.title}`);
    this.abort.abort();
  }

  private start(iface: ServiceInterface): boolean {
    if (this.started) {
      const done = this.result;
      if (done) setImmediate(() => iface.emitSignal('Finished', done.success, done.message));
      return false;
    }
    this.started = true;
    this.options.onStarted();
    setImmediate(() => void this.execute());
    return true;
  }

  private async execute(): Promise<void> {
    let result: TransactionResult;
    try {
      if (this.abort.signal.aborted) throw new Error('Operation was cancelled');
      await this.options.job(this.output());
      await this.options.beforeFinished();
      result = { success: true, message: '' };
    } catch (err) {
      result = { success: false, message: err instanceof Error ? err.message : String(err) };
      this.options.log(`Txn ${this.title} failed: ${result.message}`);
    }
    this.result = result;
    this.emit('Finished', result.success, result.message);
    this.options.onChange();
  }

  /** Closes every peer connection. */
  closePeers(): void {
    for (const peer of [...this.peers.keys()]) peer.close();
  }

  private emit(name: string, ...args: unknown[]): void {
    this.progress.flush();
    for (const iface of this.peers.values()) iface.emitSignal(name, ...args);
  }

  private output(): TransactionOutput {
    const text = (name: string, ...args: unknown[]) => {
      if (this.options.outputToSelf) this.options.log(`${name}: ${args.join(' ')}`);
      else this.emit(name, ...args);
    };
    return {
      signal: this.abort.signal,
      message: (t) => text('Message', t),
      taskBegin: (t) => text('TaskBegin', t),
      taskEnd: (t = 'done') => text('TaskEnd', t),
      percent: (t, p) => text('PercentProgress', t, p),
      progressEnd: () => text('ProgressEnd'),
      downloadProgress: (args) => this.progress.push(args),
      pullMessage: (t) => this.emit('Message', t),
      pullEnd: () => this.emit('ProgressEnd'),
      setTitle: (title) => {
        this.title = title;
        this.progress.flush();
        for (const iface of this.peers.values()) iface.update({ Title: title });
      },
    };
  }
}
