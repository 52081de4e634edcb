/**
 * Command-line flags of the app, parsed once. Pure so it is unit-tested and
 * shared by `npm start` (scripts/start.ts) and the Electron main process.
 */
import { daemonKinds } from '../contract/capabilities.ts';
import type { DaemonKind } from '../contract/capabilities.ts';

function isDaemonKind(value: string): value is DaemonKind {
  return (daemonKinds as readonly string[]).includes(value);
}

export interface LaunchOptions {
  /** Serve the UI over HTTP + WebSocket on 127.0.0.1 instead of opening a window. */
  readonly web: boolean;
  /** Port for web mode; 0 picks a free one. */
  readonly port: number;
  /** Force the sandbox even when a system daemon exists. */
  readonly sandbox: boolean;
  /** Where the sandbox keeps its sysroot; null = the user's data dir. */
  readonly sandboxDir: string | null;
  /** Start in the tray without opening the window (the autostart entry passes it). */
  readonly tray: boolean;
  /** Use this daemon rather than the one detection picks (`--daemon`). */
  readonly daemon: DaemonKind | null;
  /** Which daemon the sandbox plays (`--sandbox-profile`). */
  readonly sandboxProfile: DaemonKind;
  readonly help: boolean;
}

export const HELP_TEXT = `Usage: ostree-update-manager [options]

Shows and manages OSTree deployments through the system's update daemon
(rpm-ostree, or a daemon speaking the same D-Bus API).

Options:
  --web                 Serve the UI on http://127.0.0.1 (with a random token)
                        instead of opening a window; prints "URL: …".
  --port N              Port for --web (default: a free port).
  --sandbox             Use the built-in sandbox daemon on a demo system even
                        when the system has an update daemon.
  --sandbox-dir DIR     Directory of the sandbox's demo system
                        (default: <user data dir>/sandbox).
  --daemon KIND         Use this update daemon: rpm-ostree, apt-ostree or
                        apt-layer (default: the one found on the system bus;
                        with several, in that order).
  --sandbox-profile KIND
                        Which daemon the sandbox plays: rpm-ostree (a Fedora
                        Silverblue machine, the default), apt-ostree or
                        apt-layer (a Debian machine). Implies --sandbox.
  --tray                Start in the tray without opening the window (used by
                        the autostart entry); ignored with --web.
  -h, --help            Show this help and exit.

Environment:
  DBUS_SYSTEM_BUS_ADDRESS   System bus to use instead of the default socket.
`;

export type ParseResult =
  | { readonly ok: true; readonly options: LaunchOptions }
  | { readonly ok: false; readonly message: string };

/** Parses argv (without node and script). Unknown flags are errors, not ignored. */
export function parseLaunchOptions(argv: readonly string[]): ParseResult {
  let web = false;
  let port = 0;
  let sandbox = false;
  let sandboxDir: string | null = null;
  let tray = false;
  let daemon: DaemonKind | null = null;
  let sandboxProfile: DaemonKind = 'rpm-ostree';
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg, undefined];
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return null;
      i++;
      return next;
    };
    switch (flag) {
      case '--web':
        web = true;
        break;
      case '--sandbox':
        sandbox = true;
        break;
      case '--tray':
        tray = true;
        break;
      case '-h':
      case '--help':
        help = true;
        break;
      case '--port': {
        const v = value();
        const n = v === null ? NaN : Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 65535)
          return {
            ok: false,
            message: `--port needs a number from 0 to 65535, got ${v ?? 'nothing'}`,
          };
        port = n;
        break;
      }
      case '--daemon':
      case '--sandbox-profile': {
        const v = value();
        if (!v || !isDaemonKind(v))
          return {
            ok: false,
            message: `${flag} needs one of ${daemonKinds.join(', ')}, got ${v ?? 'nothing'}`,
          };
        if (flag === '--daemon') daemon = v;
        else {
          sandboxProfile = v;
          sandbox = true;
        }
        break;
      }
      case '--sandbox-dir': {
        const v = value();
        if (!v) return { ok: false, message: '--sandbox-dir needs a directory' };
        sandboxDir = v;
        sandbox = true;
        break;
      }
      default:
        // Electron and Chromium add their own switches to a packaged app's argv.
        if (
          flag.startsWith('--enable-') ||
          flag.startsWith('--disable-') ||
          // Wayland users put --ozone-platform-hint=… in their launchers.
          flag.startsWith('--ozone-') ||
          flag === '--no-sandbox'
        )
          break;
        return { ok: false, message: `Unknown option: ${arg}` };
    }
  }
  return {
    ok: true,
    options: { web, port, sandbox, sandboxDir, tray, daemon, sandboxProfile, help },
  };
}

function splitOnce(arg: string): [string, string] {
  const eq = arg.indexOf('=');
  return [arg.slice(0, eq), arg.slice(eq + 1)];
}
