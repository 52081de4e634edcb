import type { Activity, ActivityOwner, DownloadStatus } from './contract/updates.ts';
import { assertNever } from './contract/domain.ts';
import type { TransactionEvent } from './rpm-ostree/transaction/events.ts';

/** Message lines kept for the panel; older ones are dropped. */
export const MAX_MESSAGES = 200;

export function startActivity(options: {
  readonly title: string;
  readonly initiator: string;
  readonly owner: ActivityOwner;
  readonly commandLine: string | null;
  readonly now: number;
}): Activity {
  return {
    title: options.title,
    initiator: options.initiator,
    owner: options.owner,
    commandLine: options.commandLine,
    phase: 'running',
    tasks: [],
    percent: null,
    download: null,
    messages: [],
    error: null,
    startedAt: options.now,
    endedAt: null,
  };
}

function download(e: Extract<TransactionEvent, { kind: 'download-progress' }>): DownloadStatus {
  const remaining = e.contentRequested - e.contentFetched;
  // Bytes per object so far × objects left ÷ current speed: honest only once
  // something was fetched and the speed is known.
  const eta =
    remaining > 0 && e.contentFetched > 0 && e.bytesPerSecond > 0
      ? Math.round(((e.bytesTransferred / e.contentFetched) * remaining) / e.bytesPerSecond)
      : remaining === 0 && e.contentRequested > 0
        ? 0
        : null;
  return {
    bytesTransferred: e.bytesTransferred,
    bytesPerSecond: e.bytesPerSecond,
    fetched: e.contentFetched,
    requested: e.contentRequested,
    metadataFetched: e.metadataFetched,
    outstandingFetches: e.outstandingFetches,
    elapsedSeconds: e.elapsedSeconds,
    etaSeconds: eta,
  };
}

function withMessage(a: Activity, text: string): Activity {
  const messages = [...a.messages, text];
  return {
    ...a,
    messages: messages.length > MAX_MESSAGES ? messages.slice(-MAX_MESSAGES) : messages,
  };
}

/** The panel's state after one transaction event. Pure. */
export function reduceActivity(
  a: Activity,
  event: TransactionEvent,
  now: number,
  cancelRequested = false,
): Activity {
  switch (event.kind) {
    case 'message':
      return withMessage(a, event.text);
    case 'task-begin':
      return { ...a, tasks: [...a.tasks, { text: event.text, done: false }] };
    case 'task-end': {
      let open = a.tasks.length - 1;
      while (open >= 0 && a.tasks[open]!.done) open--;
      if (open < 0) return a;
      return { ...a, tasks: a.tasks.map((t, i) => (i === open ? { ...t, done: true } : t)) };
    }
    case 'percent-progress':
      return {
        ...a,
        percent: { text: event.text, value: Math.max(0, Math.min(100, event.percentage)) },
      };
    case 'download-progress':
      return { ...a, download: download(event) };
    case 'signature-progress': {
      const valid = event.signatures.filter((s) => s.valid).length;
      return withMessage(
        a,
        `Signatures on ${event.commit.slice(0, 10)}: ${valid} of ${event.signatures.length} valid`,
      );
    }
    case 'progress-end':
      // Ends the bar and the download: figures left standing would be stale.
      return { ...a, percent: null, download: null };
    case 'finished':
      return {
        ...a,
        phase: event.success ? 'succeeded' : cancelRequested ? 'cancelled' : 'failed',
        error: event.success ? null : event.message,
        tasks: a.tasks.map((t) => (t.done ? t : { ...t, done: true })),
        percent: null,
        endedAt: now,
      };
    default:
      return assertNever(event);
  }
}

/** The daemon died or the connection broke before Finished. */
export function activityLost(a: Activity, message: string, now: number): Activity {
  return { ...a, phase: 'failed', error: message, percent: null, endedAt: now };
}
