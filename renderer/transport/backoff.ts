export interface BackoffOptions {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 500, maxMs: 15_000 };

/** Delay before reconnect attempt `attempt` (1-based): doubling from `baseMs`, capped at `maxMs`. */
export function backoffDelay(attempt: number, options: BackoffOptions = defaultBackoff): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  return Math.min(options.maxMs, options.baseMs * 2 ** exponent);
}
