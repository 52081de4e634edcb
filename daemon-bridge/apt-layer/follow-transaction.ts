import type { FollowHandlers } from '../daemon-port.ts';
import type { TransactionInfo, TransactionOutcome } from '../rpm-ostree/transaction/index.ts';
import type { ParseError } from '../rpm-ostree/vardict.ts';
import { isTerminal, progressEvents } from './progress-events.ts';
import type { ProgressHub } from './progress-hub.ts';

export interface FollowOptions {
  readonly hub: ProgressHub;
  readonly id: string;
  readonly info: TransactionInfo;
  readonly how: 'run' | 'attach';
  readonly handlers: FollowHandlers;
  /** Called once listening, unless the transaction had already ended (its end was replayed). */
  readonly listening: () => void;
  readonly warn: (message: string) => void;
}

/**
 * Follows one apt-layer transaction through the hub until its terminal
 * TransactionProgress: events as protocol.ts assumption 2 says, the outcome
 * as any transaction's. apt-layer has no Cancel, so aborting a transaction
 * this app runs changes nothing (it goes on to its end); aborting an
 * observed one detaches. Rejects when the hub loses the transaction.
 */
export function followTransaction(options: FollowOptions): Promise<TransactionOutcome> {
  const { hub, id, info, how, handlers } = options;
  return new Promise<TransactionOutcome>((resolve, reject) => {
    const protocolErrors: ParseError[] = [];
    let previous: string | null = null;
    let settled = false;
    // Assigned below; a replayed end settles before hub.follow returns.
    let stop: () => void = () => undefined;
    const done = (outcome: TransactionOutcome | Error) => {
      if (settled) return;
      settled = true;
      handlers.signal?.removeEventListener('abort', onAbort);
      stop();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const onAbort = () => {
      if (how === 'attach') done(new Error('Stopped following the transaction.'));
    };
    stop = hub.follow({
      id,
      deliver: (signal) => {
        for (const event of progressEvents(signal, previous)) {
          try {
            handlers.onEvent(event);
          } catch (err) {
            options.warn(`A transaction listener failed: ${String(err)}`);
          }
        }
        previous = signal.message;
        if (isTerminal(signal))
          done({
            ...info,
            success: signal.progress > 0,
            message: signal.progress > 0 ? '' : signal.message,
            started: how === 'run',
            cancelRequested: false,
            protocolErrors,
          });
      },
      protocolError: (err) => protocolErrors.push(err),
      lost: (error) => done(error),
    });
    if (settled) return;
    handlers.signal?.addEventListener('abort', onAbort, { once: true });
    if (handlers.signal?.aborted) onAbort();
    else options.listening();
  });
}
