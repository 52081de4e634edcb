/** DownloadProgress's six tuples, in wire order (reference §7.3). */
export type DownloadProgressArgs = [
  time: [bigint, bigint],
  outstanding: [number, number],
  metadata: [number, number, number],
  delta: [number, number, number, bigint],
  content: [number, number],
  transfer: [bigint, bigint],
];

/**
 * What a running transaction's job reports. With `output-to-self` the text
 * output (Message, TaskBegin/End, PercentProgress and the ProgressEnd
 * closing a bar) goes to the daemon's log instead of the peers; pull
 * progress (`downloadProgress`, `pullMessage`, `pullEnd`) always reaches them
 * (reference §7.4).
 */
export interface TransactionOutput {
  /** Aborted by Cancel(). */
  readonly signal: AbortSignal;
  message(text: string): void;
  taskBegin(text: string): void;
  taskEnd(text?: string): void;
  percent(text: string, percentage: number): void;
  /** Ends a percent bar. */
  progressEnd(): void;
  downloadProgress(args: DownloadProgressArgs): void;
  /** A Message from an ostree pull status string (never redirected). */
  pullMessage(text: string): void;
  /** The explicit ProgressEnd after an ostree pull phase (never redirected). */
  pullEnd(): void;
  /** Replaces the Title (deploy-type transactions, at execution). */
  setTitle(title: string): void;
}

/** A transaction's work. Throwing ends it with Finished(false, error message). */
export type TransactionJob = (out: TransactionOutput) => Promise<void>;

/** The error a cancelled job throws (GLib's G_IO_ERROR_CANCELLED text). */
export class CancelledError extends Error {
  constructor() {
    super('Operation was cancelled');
  }
}

/** Throws CancelledError once `signal` has fired. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CancelledError();
}
