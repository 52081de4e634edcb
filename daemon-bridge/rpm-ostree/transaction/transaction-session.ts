import type { Message } from 'dbus-next';
import { DBusCallError, LOCAL_DISCONNECTED } from '../../dbus/call.ts';
import type { PeerConnection } from '../../dbus/p2p/index.ts';
import type { DaemonProfile } from '../profile.ts';
import { interfaces } from '../profile.ts';
import { ParseError } from '../vardict.ts';
import { TransactionVanishedError, vanishedMessage } from './errors.ts';
import type { TransactionEvent } from './events.ts';
import { parseTransactionSignal } from './parse-signal.ts';
import { callCancel, callStart, readTransactionInfo } from './transaction-calls.ts';
import type { TransactionInfo } from './transaction-calls.ts';

const SIGNAL = 4; // dbus-next's MessageType.SIGNAL at runtime
const PROPERTIES = 'org.freedesktop.DBus.Properties';

/** What the caller of a transaction function hands in. */
export interface TransactionOptions {
  readonly profile: DaemonProfile;
  /** Every event, in order, Finished last. Must not throw (see TransactionSession). */
  readonly onEvent: (event: TransactionEvent) => void;
  /** Called once Title and InitiatingClientDescription are read, before Start. */
  readonly onInfo?: (info: TransactionInfo) => void;
  readonly signal?: AbortSignal;
  /** Connect + authenticate; default 10 s. */
  readonly connectTimeoutMs?: number;
  /** Each method call (Get, Start, Cancel); default 60 s. Finished has no timeout. */
  readonly callTimeoutMs?: number;
}

/** How a transaction ended, as far as this client saw it. */
export interface TransactionOutcome extends TransactionInfo {
  readonly success: boolean;
  /** "" on success, the daemon's error text otherwise. */
  readonly message: string;
  /** True only when this client's own Start() began execution. */
  readonly started: boolean;
  /** True when the AbortSignal fired and Cancel() was called. */
  readonly cancelRequested: boolean;
  /** Malformed non-terminal signals and properties, skipped rather than fatal. */
  readonly protocolErrors: readonly ParseError[];
}

/** How a session behaves: run (Start, abort = Cancel) or observe (abort = detach). */
export interface SessionMode {
  readonly start: boolean;
  readonly onAbort: 'cancel' | 'detach';
  /** Words the vanished error uses when nothing was started by us. */
  readonly observedOnly: boolean;
}

type Finished = Extract<TransactionEvent, { kind: 'finished' }>;

/**
 * One client's view of one transaction on an open peer connection. Signals
 * are routed from raw SIGNAL messages (no AddMatch, no proxy: reference
 * §12.4). Anything that ends the wait — Finished, the socket closing, a
 * malformed Finished, a detaching abort — settles `run()`; the caller
 * closes the connection. An exception from `onEvent` does not abandon the
 * transaction: the first one is rethrown after Finished.
 */
export class TransactionSession {
  private readonly iface: string;
  private readonly protocolErrors: ParseError[] = [];
  private readonly failure: Promise<never>;
  private readonly finishedEvent: Promise<Finished>;
  private fail: (err: unknown) => void = () => undefined;
  private onFinished: (event: Finished) => void = () => undefined;
  private finished: Finished | undefined;
  private listenerError: { readonly error: unknown } | undefined;
  private title = '';
  private initiator = '';
  private canCancel = false;
  private cancelRequested = false;
  private cancelSent = false;

  constructor(
    private readonly peer: PeerConnection,
    private readonly options: TransactionOptions,
    private readonly mode: SessionMode,
  ) {
    this.iface = interfaces(options.profile).transaction;
    this.failure = new Promise<never>((_, reject) => (this.fail = reject));
    this.failure.catch(() => undefined); // always raced; never left unhandled
    this.finishedEvent = new Promise<Finished>((resolve) => (this.onFinished = resolve));
    peer.bus.on('message', this.onMessage);
    void peer.closed.then(({ error }) => {
      if (this.finished) return;
      const text = vanishedMessage(this.title, mode.observedOnly);
      this.fail(new TransactionVanishedError(this.title, text, { cause: error }));
    });
    options.signal?.addEventListener('abort', this.onAbort, { once: true });
    if (options.signal?.aborted) this.onAbort();
  }

  /** Reads the properties, calls Start if asked, waits for Finished. */
  async run(): Promise<TransactionOutcome> {
    const { profile, callTimeoutMs = 60_000 } = this.options;
    const info = await this.race(
      readTransactionInfo(this.peer, profile, callTimeoutMs, (e) => this.protocolErrors.push(e)),
    );
    this.title = info.title;
    this.initiator = info.initiator;
    this.notify(() => this.options.onInfo?.(info));
    const started = this.mode.start ? await this.race(this.start(callTimeoutMs)) : false;
    // Cancel only after Start: a transaction nobody starts blocks the daemon.
    this.canCancel = true;
    if (this.cancelRequested) this.sendCancel();
    const finished = await this.race(this.finishedEvent);
    if (this.listenerError) throw this.listenerError.error;
    return {
      ...info,
      success: finished.success,
      message: finished.message,
      started,
      cancelRequested: this.cancelRequested,
      protocolErrors: [...this.protocolErrors],
    };
  }

  /** Stops listening; the connection itself is closed by the caller. */
  dispose(): void {
    this.peer.bus.off('message', this.onMessage);
    this.options.signal?.removeEventListener('abort', this.onAbort);
  }

  private async start(timeoutMs: number): Promise<boolean> {
    try {
      return await callStart(this.peer, this.options.profile, timeoutMs);
    } catch (err) {
      // Finished (broadcast, or re-emitted to a late joiner) can beat a
      // Start reply that then never comes: the outcome is known anyway.
      if (this.finished && isDisconnect(err)) return false;
      throw err;
    }
  }

  private readonly onMessage = (msg: Message): void => {
    // Never throw from here: MessageBus would answer the signal with an error.
    if ((msg.type as number) === SIGNAL && msg.interface === PROPERTIES)
      this.propertiesChanged(msg);
    if ((msg.type as number) !== SIGNAL || msg.interface !== this.iface) return;
    if (msg.path !== '/' || this.finished) return;
    let event: TransactionEvent | undefined;
    try {
      event = parseTransactionSignal(msg);
    } catch (err) {
      const parseError =
        err instanceof ParseError ? err : new ParseError(`Transaction.${msg.member}`, String(err));
      if (msg.member === 'Finished') this.fail(parseError);
      else this.protocolErrors.push(parseError);
      return;
    }
    if (!event) return;
    if (event.kind === 'finished') this.finished = event;
    const delivered = event;
    this.notify(() => this.options.onEvent(delivered));
    if (event.kind === 'finished') this.onFinished(event);
  };

  /**
   * Deploy-type transactions replace their Title once they execute
   * (reference §7.5); the daemon announces it with PropertiesChanged on this
   * connection. Other properties do not change.
   */
  private propertiesChanged(msg: Message): void {
    if (msg.path !== '/' || msg.member !== 'PropertiesChanged' || this.finished) return;
    const [iface, changed] = msg.body as unknown[];
    if (iface !== this.iface || typeof changed !== 'object' || changed === null) return;
    const title = (changed as Record<string, { signature?: string; value?: unknown }>).Title;
    if (title?.signature !== 's' || typeof title.value !== 'string') return;
    this.title = title.value;
    const info = { title: title.value, initiator: this.initiator };
    this.notify(() => this.options.onInfo?.(info));
  }

  private readonly onAbort = (): void => {
    if (this.finished) return;
    if (this.mode.onAbort === 'detach') {
      this.fail(abortReason(this.options.signal));
      return;
    }
    this.cancelRequested = true;
    if (this.canCancel) this.sendCancel();
  };

  private sendCancel(): void {
    if (this.cancelSent || this.finished || this.peer.isClosed) return;
    this.cancelSent = true;
    // Cancel's own reply does not matter: Finished (or the socket closing)
    // decides the outcome either way.
    const { profile, callTimeoutMs = 60_000 } = this.options;
    callCancel(this.peer, profile, callTimeoutMs).catch(() => undefined);
  }

  private notify(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.listenerError ??= { error };
    }
  }

  private race<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.failure]);
  }
}

function isDisconnect(err: unknown): boolean {
  return err instanceof DBusCallError && err.errorName === LOCAL_DISCONNECTED;
}

function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('The operation was aborted', 'AbortError');
}
