/**
 * rpm-ostree transactions, wrapped once (STYLE.md practice 7): peer-to-peer
 * connection, Start, typed events, always closed afterwards. Nothing else in
 * the app needs to know a Transaction signal name.
 */
export { attachTransaction } from './attach-transaction.ts';
export type { AttachTransactionOptions } from './attach-transaction.ts';
export { cancelTransaction } from './cancel-transaction.ts';
export { TransactionVanishedError } from './errors.ts';
export type {
  DownloadProgress,
  SignatureCheck,
  TransactionEvent,
  TransactionEventKind,
} from './events.ts';
export { parseTransactionSignal, TRANSACTION_SIGNALS } from './parse-signal.ts';
export { runTransaction } from './run-transaction.ts';
export type { TransactionInfo } from './transaction-calls.ts';
export type { TransactionOptions, TransactionOutcome } from './transaction-session.ts';
