/**
 * The typed events of an rpm-ostree transaction, one per signal of the
 * `…Transaction` interface (reference §7.2, §7.3). Plain readonly data:
 * no Variants, no BigInts, no positional tuples.
 */

/** `DownloadProgress`: the six ostree pull-progress tuples, by name. */
export interface DownloadProgress {
  readonly kind: 'download-progress';
  /** ostree's `start-time`: a monotonic clock in microseconds, not wall-clock time. */
  readonly startTimeMicros: number;
  readonly elapsedSeconds: number;
  readonly outstandingFetches: number;
  readonly outstandingWrites: number;
  readonly scannedMetadata: number;
  readonly metadataFetched: number;
  readonly outstandingMetadataFetches: number;
  readonly totalDeltaParts: number;
  readonly fetchedDeltaParts: number;
  readonly totalDeltaSuperblocks: number;
  readonly totalDeltaPartSize: number;
  readonly contentFetched: number;
  readonly contentRequested: number;
  readonly bytesTransferred: number;
  readonly bytesPerSecond: number;
}

/** One GPG signature check result (ostree signature tuple, reference §8.2). */
export interface SignatureCheck {
  readonly valid: boolean;
  readonly signatureExpired: boolean;
  readonly keyExpired: boolean;
  readonly keyRevoked: boolean;
  readonly keyMissing: boolean;
  readonly fingerprint: string;
  /** Seconds since the epoch. */
  readonly timestamp: number;
  /** Seconds since the epoch; 0 when the signature does not expire. */
  readonly expiresAt: number;
  /** `"[unknown name]"` when the key is missing. */
  readonly userName: string;
  readonly userEmail: string;
}

export type TransactionEvent =
  /** One line of output. */
  | { readonly kind: 'message'; readonly text: string }
  /** A task without measurable progress started. */
  | { readonly kind: 'task-begin'; readonly text: string }
  /** That task ended (current daemons always say "done"). */
  | { readonly kind: 'task-end'; readonly text: string }
  /**
   * Percent progress. For "n items" bars the daemon's percentage is 0 until
   * the last item, then 100 (upstream quirk); `text` carries "(c/n)".
   */
  | { readonly kind: 'percent-progress'; readonly text: string; readonly percentage: number }
  | DownloadProgress
  | {
      readonly kind: 'signature-progress';
      readonly commit: string;
      readonly signatures: readonly SignatureCheck[];
    }
  /** Ends a percent or download bar. */
  | { readonly kind: 'progress-end' }
  /** Terminal: `message` is "" on success, the daemon's error text otherwise. */
  | { readonly kind: 'finished'; readonly success: boolean; readonly message: string };

export type TransactionEventKind = TransactionEvent['kind'];
