import type { DownloadProgressArgs } from '../daemon/transaction/transaction-output.ts';

/** A DownloadProgress load for `npm run bench` (issue 7). */
export interface ProgressFlood {
  /** Signals per second. */
  readonly rate: number;
  readonly seconds: number;
}

/** The variable that turns the flood on: `RATE:SECONDS`, e.g. `20000:5`. Off when unset. */
export const PROGRESS_FLOOD_ENV = 'SANDBOX_PROGRESS_FLOOD';

export function progressFloodFromEnv(env: NodeJS.ProcessEnv = process.env): ProgressFlood | null {
  const value = env[PROGRESS_FLOOD_ENV];
  if (!value) return null;
  const m = /^(\d+):(\d+(?:\.\d+)?)$/.exec(value);
  if (!m) throw new Error(`${PROGRESS_FLOOD_ENV} must be RATE:SECONDS, got '${value}'`);
  return { rate: Number(m[1]), seconds: Number(m[2]) };
}

/** How long the flood's last value stays the latest before the real pull starts. */
export const FLOOD_DWELL_MS = 1500;

/**
 * Emits `rate` DownloadProgress signals a second for `seconds` through
 * `emit`, shaped like a libostree pull's (bytes and fetched objects growing),
 * ending at `rate × seconds` objects, then holding still for FLOOD_DWELL_MS. Not a pull: a stand-in load that only
 * runs when the bench asks for it, before the transaction's real pull.
 */
export async function floodProgress(
  flood: ProgressFlood,
  emit: (args: DownloadProgressArgs) => void,
  signal: AbortSignal,
): Promise<number> {
  const total = Math.round(flood.rate * flood.seconds);
  const startUs = BigInt(Date.now()) * 1000n;
  const started = performance.now();
  let sent = 0;
  while (sent < total && !signal.aborted) {
    const due = Math.min(total, Math.ceil(((performance.now() - started) / 1000) * flood.rate));
    for (; sent < due; sent++) {
      const n = sent + 1;
      const elapsed = BigInt(Math.floor((performance.now() - started) / 1000));
      emit([
        [startUs, elapsed],
        [1, 0],
        [0, n, 0],
        [0, 0, 0, 0n],
        [n, total],
        [BigInt(n) * 1024n, BigInt(flood.rate) * 1024n],
      ]);
    }
    // Yield so the peer connections can write what was queued.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  // The last value stays the latest for a while, so a client's catch-up time can be measured.
  await new Promise((resolve) => setTimeout(resolve, FLOOD_DWELL_MS));
  return sent;
}
