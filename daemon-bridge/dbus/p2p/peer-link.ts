import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import type { Message } from 'dbus-next';
import type { BusConnection } from 'dbus-next/lib/bus.js';
import { LOCAL_DISCONNECTED } from '../call.ts';
import {
  ERROR,
  METHOD_CALL,
  METHOD_RETURN,
  NO_REPLY_EXPECTED,
  errorReply,
  isDriverCall,
  localDriverReply,
} from './local-driver.ts';
import type { SaslStep } from './sasl-lines.ts';
import { SaslLineReader } from './sasl-lines.ts';
import { MessageDecoder, WireError, encodeMessage } from './wire.ts';

/** One side of the SASL conversation, as the link drives it. */
export interface SaslSide {
  /** Bytes to send first (the client's NUL + AUTH); empty for a server. */
  readonly opening: string;
  /** True when the first byte received must be the credentials NUL (server side). */
  readonly expectsNul: boolean;
  onLine(line: string): SaslStep;
}

type State = 'authenticating' | 'open' | 'closed';

/**
 * The transport under a dbus-next MessageBus on a peer socket: SASL first,
 * then framed messages, with bus-driver calls answered locally. Outgoing
 * messages wait in a queue until authentication is done (MessageBus sends
 * Hello at once). Events: 'message', 'error', and 'closed' (with the error
 * that caused it, if any). Calls still awaiting a reply when the socket
 * closes get a Disconnected error reply, so nothing waits forever.
 */
export class PeerLink extends EventEmitter implements BusConnection {
  private state: State = 'authenticating';
  private readonly lines: SaslLineReader;
  private readonly decoder = new MessageDecoder();
  private readonly queued: (Buffer | Message)[] = [];
  /** Serials of our calls still waiting for a reply, failed if the socket closes. */
  private readonly awaiting = new Set<number>();
  private failure: Error | undefined;
  guid: string | undefined;

  constructor(
    readonly stream: Socket,
    private readonly sasl: SaslSide,
  ) {
    super();
    this.lines = new SaslLineReader(sasl.expectsNul);
    stream.on('data', (chunk: Buffer) => this.onData(chunk));
    stream.on('error', (err) => this.fail(err));
    stream.on('close', () => this.onClose());
    if (sasl.opening) stream.write(sasl.opening);
  }

  /** MessageBus's send path. Never throws for a closed socket: calls then fail like a lost peer. */
  message(msg: Message): void {
    const isCall = (msg.type as number) === METHOD_CALL;
    const wantsReply = isCall && (msg.flags & NO_REPLY_EXPECTED) === 0 && msg.serial !== null;
    if (this.state === 'closed') {
      if (wantsReply) this.later(() => this.emit('message', this.disconnected(msg)));
      return;
    }
    if (isDriverCall(msg)) {
      if (this.state === 'open') this.later(() => this.emit('message', localDriverReply(msg)));
      else this.queued.push(msg);
      return;
    }
    // Encode now, so a body that does not match its signature throws to the
    // caller (as in stock dbus-next) instead of later, inside a socket event.
    const bytes = encodeMessage(msg);
    if (wantsReply) this.awaiting.add(msg.serial as number);
    if (this.state === 'open') this.stream.write(bytes);
    else this.queued.push(bytes);
  }

  /**
   * Writes messages already encoded (with this connection's serials), in
   * order with everything sent before; dropped once the socket is closed.
   */
  writeEncoded(bytes: Buffer): void {
    if (this.state === 'open') this.stream.write(bytes);
    else if (this.state === 'authenticating') this.queued.push(bytes);
  }

  end(): this {
    this.stream.end();
    return this;
  }

  /** Fails the link: reported once as 'error', then the socket is destroyed. */
  fail(err: Error): void {
    if (this.state === 'closed' || this.failure) return;
    this.failure = err;
    this.emit('error', err);
    this.stream.destroy();
  }

  private onData(chunk: Buffer): void {
    try {
      if (this.state === 'authenticating') chunk = this.authenticate(chunk);
      if (this.state !== 'open' || chunk.length === 0) return;
      for (const msg of this.decoder.push(chunk)) {
        const type = msg.type as number;
        if (type === METHOD_RETURN || type === ERROR)
          this.awaiting.delete(msg.replySerial as unknown as number);
        this.emit('message', msg);
        if (this.state !== 'open') return;
      }
    } catch (err) {
      this.fail(err instanceof Error ? err : new WireError(String(err)));
    }
  }

  /** Feeds SASL; returns the bytes that belong to the message stream. */
  private authenticate(chunk: Buffer): Buffer {
    this.lines.push(chunk);
    for (let line = this.lines.next(); line !== undefined; line = this.lines.next()) {
      const step = this.sasl.onLine(line);
      if (step.kind === 'fail') throw new SaslFailure(step.reason);
      if (step.kind === 'reply') {
        this.stream.write(`${step.line}\r\n`);
        continue;
      }
      if (step.reply) this.stream.write(`${step.reply}\r\n`);
      this.open(step.guid);
      return this.lines.rest();
    }
    return Buffer.alloc(0);
  }

  private open(guid: string): void {
    this.guid = guid;
    this.state = 'open';
    for (const item of this.queued.splice(0)) {
      if (Buffer.isBuffer(item)) this.stream.write(item);
      else this.later(() => this.emit('message', localDriverReply(item)));
    }
  }

  private onClose(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    for (const item of this.queued.splice(0)) {
      // Never fail Hello: MessageBus's constructor rethrows that failure from
      // a promise nobody holds, an unhandled rejection (spikes §2a).
      if (!Buffer.isBuffer(item) && item.member !== 'Hello')
        this.later(() => this.emit('message', this.disconnected(item)));
    }
    for (const serial of this.awaiting) {
      const stub = { serial } as unknown as Message;
      this.later(() => this.emit('message', this.disconnected(stub)));
    }
    this.awaiting.clear();
    this.emit('closed', this.failure);
  }

  private disconnected(msg: Message): Message {
    return errorReply(msg, LOCAL_DISCONNECTED, 'The peer-to-peer connection is closed');
  }

  /** Replies MessageBus is waiting for must not arrive inside its own call(). */
  private later(fn: () => void): void {
    setImmediate(fn);
  }
}

/** The SASL exchange failed (rejected, bad guid, not D-Bus). */
export class SaslFailure extends Error {
  override readonly name = 'SaslFailure';
}
