/**
 * What `npm start` (scripts/start.ts) hands the Electron process: the run
 * mode as JSON in OSTREE_UM_MODE, the bus in DBUS_SYSTEM_BUS_ADDRESS. Read
 * defensively; a packaged app started from the desktop has neither.
 */
import type { RunMode } from '../daemon-bridge/contract/domain.ts';

/** The environment variable scripts/start.ts sets. */
export const MODE_ENV = 'OSTREE_UM_MODE';

/** Parses OSTREE_UM_MODE; anything missing or malformed means the system daemon. */
export function runModeFromEnv(env: NodeJS.ProcessEnv): RunMode {
  const raw = env[MODE_ENV];
  if (!raw) return { kind: 'system' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { kind: 'system' };
  }
  if (typeof value !== 'object' || value === null) return { kind: 'system' };
  const { kind, dir, reason } = value as Record<string, unknown>;
  if (
    kind === 'sandbox' &&
    typeof dir === 'string' &&
    (reason === 'requested' || reason === 'no-daemon')
  )
    return { kind: 'sandbox', dir, reason };
  return { kind: 'system' };
}
