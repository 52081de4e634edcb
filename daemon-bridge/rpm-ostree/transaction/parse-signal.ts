import type { Message } from 'dbus-next';
import { ParseError } from '../vardict.ts';
import type { TransactionEvent } from './events.ts';
import { parseDownloadProgress } from './parse-download-progress.ts';
import { parseSignatureProgress } from './parse-signature-progress.ts';
import { readBoolean, readString, readUint32 } from './wire-values.ts';

/** The signature of every Transaction signal (reference §7.2). */
export const TRANSACTION_SIGNALS = {
  Message: 's',
  TaskBegin: 's',
  TaskEnd: 's',
  PercentProgress: 'su',
  DownloadProgress: '(tt)(uu)(uuu)(uuut)(uu)(tt)',
  SignatureProgress: 'avs',
  ProgressEnd: '',
  Finished: 'bs',
} as const;

export type TransactionSignalName = keyof typeof TRANSACTION_SIGNALS;

/** The parts of a signal message the parser reads. */
export type SignalLike = Pick<Message, 'member' | 'signature' | 'body'>;

function isKnown(member: string): member is TransactionSignalName {
  return Object.hasOwn(TRANSACTION_SIGNALS, member);
}

/**
 * One Transaction signal → a typed event; undefined for a member this
 * client does not know (a newer daemon may add signals). A known signal with
 * the wrong signature or malformed values is a ParseError naming the signal
 * and the position, e.g. `Transaction.DownloadProgress[3][3]`.
 */
export function parseTransactionSignal(signal: SignalLike): TransactionEvent | undefined {
  const { member } = signal;
  if (!isKnown(member)) return undefined;
  const expected = TRANSACTION_SIGNALS[member];
  const signature = signal.signature ?? '';
  if (signature !== expected)
    throw new ParseError(
      `Transaction.${member}`,
      `expected signature '${expected}', got '${signature}'`,
    );
  const body: readonly unknown[] = Array.isArray(signal.body) ? signal.body : [];
  try {
    return parseBody(member, body);
  } catch (err) {
    if (err instanceof ParseError && !err.key.startsWith('Transaction.'))
      throw new ParseError(`Transaction.${err.key}`, err.reason);
    throw err;
  }
}

function parseBody(member: TransactionSignalName, body: readonly unknown[]): TransactionEvent {
  const text = () => readString(body[0], `${member}[0]`);
  switch (member) {
    case 'Message':
      return { kind: 'message', text: text() };
    case 'TaskBegin':
      return { kind: 'task-begin', text: text() };
    case 'TaskEnd':
      return { kind: 'task-end', text: text() };
    case 'PercentProgress':
      return {
        kind: 'percent-progress',
        text: text(),
        percentage: readUint32(body[1], 'PercentProgress[1]'),
      };
    case 'DownloadProgress':
      return parseDownloadProgress(body);
    case 'SignatureProgress':
      return parseSignatureProgress(body);
    case 'ProgressEnd':
      return { kind: 'progress-end' };
    case 'Finished':
      return {
        kind: 'finished',
        success: readBoolean(body[0], 'Finished[0]'),
        message: readString(body[1], 'Finished[1]'),
      };
  }
}
