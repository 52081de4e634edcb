/**
 * What `npm start` (scripts/start.ts) hands the Electron process: the run
 * mode as JSON in OSTREE_UM_MODE, the bus in DBUS_SYSTEM_BUS_ADDRESS. Read
 * defensively; a packaged app started from the desktop has neither.
 */
import { daemonKinds } from '../daemon-bridge/contract/capabilities.ts';
import type { DaemonKind } from '../daemon-bridge/contract/capabilities.ts';
import type { RunMode } from '../daemon-bridge/contract/domain.ts';
import { HELP_TEXT, parseLaunchOptions } from '../daemon-bridge/launch/options.ts';

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

/** The environment variable scripts/start.ts sets to the daemon it chose. */
export const DAEMON_ENV = 'OSTREE_UM_DAEMON';

/** What the desktop app does with its command line. */
export type DesktopLaunch =
  | {
      readonly kind: 'run';
      readonly tray: boolean;
      /** The daemon asked for (--daemon, or npm start's choice); null: detect it. */
      readonly daemon: DaemonKind | null;
    }
  | { readonly kind: 'exit'; readonly code: number; readonly text: string };

/**
 * The installed app's flags: the same parser as `npm start` (one --help for
 * both). --web and the sandbox need the source tree, so the installed app
 * says where to find them instead of ignoring them.
 */
export function desktopLaunch(argv: readonly string[], env: NodeJS.ProcessEnv): DesktopLaunch {
  const parsed = parseLaunchOptions(argv);
  if (!parsed.ok) return { kind: 'exit', code: 2, text: `${parsed.message}\n\n${HELP_TEXT}` };
  const { options } = parsed;
  if (options.help) return { kind: 'exit', code: 0, text: HELP_TEXT };
  if (options.web || options.sandbox || options.port !== 0)
    return {
      kind: 'exit',
      code: 2,
      text: '--web, --port and the sandbox options run from the source tree: `npm start -- --web --sandbox …` (see the README).\n',
    };
  const fromEnv = env[DAEMON_ENV];
  const inherited = daemonKinds.find((k) => k === fromEnv) ?? null;
  return { kind: 'run', tray: options.tray, daemon: options.daemon ?? inherited };
}
