import type { ParseError } from '../rpm-ostree/vardict.ts';
import { isTerminal } from './progress-events.ts';
import type { ProgressSignal } from './progress-events.ts';

/** Whoever follows one transaction's signals. */
export interface ProgressFollower {
  readonly id: string;
  /** Every signal of the transaction, in order; the terminal one last. */
  deliver(signal: ProgressSignal): void;
  /** A malformed signal that named this transaction (skipped, not fatal). */
  protocolError(error: ParseError): void;
  /** The transaction can no longer be followed (daemon gone, end never signalled). */
  lost(error: Error): void;
}

/** Transactions whose signals are kept for a follower that has not come yet. */
const MAX_BUFFERED_TRANSACTIONS = 16;
const MAX_BUFFERED_SIGNALS = 1000;

/**
 * Routes the TransactionProgress signals of one subscription to followers by
 * transaction id. The subscription exists before any call starts a
 * transaction, and signals that arrive before their follower registers (the
 * daemon may begin as soon as it has replied) are kept and replayed, so no
 * follower misses its first steps or its end.
 */
export class ProgressHub {
  private readonly followers = new Map<string, { follower: ProgressFollower; since: number }>();
  private readonly buffered = new Map<string, ProgressSignal[]>();
  private sequence = 0;

  /** A counter that grows with every registration: reads issued later know about them. */
  get mark(): number {
    return this.sequence;
  }

  /** True while someone follows transaction `id`. */
  isFollowed(id: string): boolean {
    return this.followers.has(id);
  }

  push(signal: ProgressSignal): void {
    const entry = this.followers.get(signal.id);
    if (entry) {
      if (isTerminal(signal)) this.followers.delete(signal.id);
      entry.follower.deliver(signal);
      return;
    }
    let list = this.buffered.get(signal.id);
    if (!list) {
      list = [];
      this.buffered.set(signal.id, list);
      for (const old of this.buffered.keys()) {
        if (this.buffered.size <= MAX_BUFFERED_TRANSACTIONS) break;
        this.buffered.delete(old);
      }
    }
    list.push(signal);
    // A flood keeps its newest steps; the terminal signal is always the last one kept.
    if (list.length > MAX_BUFFERED_SIGNALS) list.splice(0, list.length - MAX_BUFFERED_SIGNALS);
  }

  /** A malformed signal naming transaction `id`: its follower, if any, records it. */
  pushError(id: string, error: ParseError): void {
    this.followers.get(id)?.follower.protocolError(error);
  }

  /** Registers `follower`, replaying what arrived before; returns the unregister function. */
  follow(follower: ProgressFollower): () => void {
    const early = this.buffered.get(follower.id) ?? [];
    this.buffered.delete(follower.id);
    for (const signal of early) {
      follower.deliver(signal);
      if (isTerminal(signal)) return () => undefined;
    }
    const entry = { follower, since: ++this.sequence };
    this.followers.set(follower.id, entry);
    return () => {
      if (this.followers.get(follower.id) === entry) this.followers.delete(follower.id);
    };
  }

  /**
   * A Status read issued at `mark` says `running` is the daemon's transaction
   * (or none). Followers registered before that read of any other
   * transaction will never see their end: signals travel before the reply
   * that followed them, so the terminal signal would have arrived already.
   */
  settle(running: string | null, mark: number, error: (id: string) => ParseError): void {
    for (const [id, entry] of [...this.followers]) {
      if (id === running || entry.since > mark) continue;
      this.followers.delete(id);
      entry.follower.lost(error(id));
    }
  }

  /** Every follower loses its transaction (the daemon went away). */
  loseAll(error: (id: string) => Error): void {
    for (const [id, entry] of [...this.followers]) {
      this.followers.delete(id);
      entry.follower.lost(error(id));
    }
  }

  clear(): void {
    this.followers.clear();
    this.buffered.clear();
  }
}
