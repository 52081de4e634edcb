import type { TransactionEvent } from '../rpm-ostree/transaction/events.ts';
import { ParseError } from '../rpm-ostree/vardict.ts';
import { DONE_MESSAGE, PROGRESS_DONE, PROGRESS_FAILED } from './protocol.ts';

/** One TransactionProgress signal, checked. */
export interface ProgressSignal {
  readonly id: string;
  readonly progress: number;
  readonly message: string;
}

const WHERE = 'TransactionProgress';

/** A signal body `(s id, i progress, s message)` → ProgressSignal, or a ParseError naming the argument. */
export function parseProgressSignal(body: readonly unknown[]): ProgressSignal {
  if (body.length !== 3) throw new ParseError(WHERE, `expected 3 arguments, got ${body.length}`);
  const [id, progress, message] = body;
  if (typeof id !== 'string' || id === '')
    throw new ParseError(`${WHERE}.id`, 'expected a non-empty string');
  if (typeof progress !== 'number' || !Number.isInteger(progress))
    throw new ParseError(`${WHERE}.progress`, 'expected an integer');
  if (progress !== PROGRESS_FAILED && (progress < 0 || progress > PROGRESS_DONE))
    throw new ParseError(`${WHERE}.progress`, `expected -1 (failed) or 0–100, got ${progress}`);
  if (typeof message !== 'string') throw new ParseError(`${WHERE}.message`, 'expected a string');
  return { id, progress, message };
}

export const isTerminal = (s: ProgressSignal): boolean =>
  s.progress === PROGRESS_DONE || s.progress === PROGRESS_FAILED;

/**
 * The app's transaction events for one signal (protocol.ts, assumption 2).
 * A running step is a `percent-progress` bar with the step's line, and the
 * line also goes to the log as a `message` when it is new (`previous` is the
 * last signal's message), so the panel keeps the transaction's story. 100
 * ends it successfully (its message logged unless it is just "done"), -1
 * ends it with the daemon's error text.
 */
export function progressEvents(
  signal: ProgressSignal,
  previous: string | null,
): readonly TransactionEvent[] {
  const { progress, message } = signal;
  const line: TransactionEvent[] =
    message !== '' && message !== previous ? [{ kind: 'message', text: message }] : [];
  if (progress === PROGRESS_FAILED)
    return [{ kind: 'finished', success: false, message: message || 'The transaction failed.' }];
  if (progress === PROGRESS_DONE)
    return [
      ...(message === DONE_MESSAGE ? [] : line),
      { kind: 'progress-end' },
      { kind: 'finished', success: true, message: '' },
    ];
  return [...line, { kind: 'percent-progress', text: message, percentage: progress }];
}
