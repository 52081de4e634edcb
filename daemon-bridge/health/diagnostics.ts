/**
 * The diagnostics file (issue #6): one JSON document a user can attach to a
 * bug report. It holds the daemon's state as `rpm-ostree status --json`
 * prints it, the app's parsed view of it, the recent transactions with
 * their messages, the app's and the daemon's versions, the health checks
 * and the app's settings.
 *
 * Nothing secret goes in: no environment, no web-mode token (the bridge
 * never has it), no command-line options, no sandbox directory; and the
 * user's home directory is replaced by `~` wherever it still occurs (a
 * daemon may report paths below it, e.g. a sandbox's Sysroot.Path).
 */
import type { AppState, SystemState } from '../contract/domain.ts';
import type { Activity } from '../contract/updates.ts';
import type { Json, StatusJson } from './status-json.ts';

export const DIAGNOSTICS_FORMAT = 'ostree-update-manager-diagnostics/1';

export interface DiagnosticsInput {
  readonly now: number;
  readonly appVersion: string;
  /** Platform facts: OS, architecture, Node and (when present) Electron versions. */
  readonly runtime: Readonly<Record<string, string | null>>;
  /** The daemon's version as its tool reports it; null when unknown. */
  readonly daemonVersion: string | null;
  readonly state: AppState;
  /** The daemon read at export time, or why it could not be. */
  readonly status:
    | { readonly source: 'daemon'; readonly json: StatusJson }
    | { readonly source: 'unavailable'; readonly reason: string };
  readonly transactions: readonly Activity[];
  /** The user's home directory, hidden from the file; null when unknown. */
  readonly home: string | null;
}

/** `ostree-update-manager-diagnostics-YYYYMMDD-HHMMSS.json`, in UTC. */
export function diagnosticsFileName(now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `ostree-update-manager-diagnostics-${stamp}.json`;
}

/** The parsed system (its cached update is a summary; the raw one carries the package rows). */
function systemView(system: SystemState | null): Json {
  return system ? (JSON.parse(JSON.stringify(system)) as Json) : null;
}

/** Builds the file's text. Pure. */
export function buildDiagnostics(input: DiagnosticsInput): string {
  const { state } = input;
  const daemon = state.daemon;
  const document = {
    format: DIAGNOSTICS_FORMAT,
    createdAt: new Date(input.now).toISOString(),
    app: {
      version: input.appVersion,
      mode:
        state.mode.kind === 'sandbox'
          ? { kind: 'sandbox', reason: state.mode.reason }
          : { kind: 'system' },
      runtime: input.runtime,
    },
    daemon: {
      status: daemon.kind,
      ...(daemon.kind === 'ready' || daemon.kind === 'unavailable'
        ? { flavour: daemon.daemon.flavour, busName: daemon.daemon.busName }
        : {}),
      ...(daemon.kind === 'absent' || daemon.kind === 'unavailable'
        ? { message: daemon.message }
        : {}),
      ...(daemon.kind === 'error' ? { error: daemon.error } : {}),
      version: input.daemonVersion,
    },
    status: input.status.source === 'daemon' ? input.status.json : null,
    ...(input.status.source === 'unavailable' ? { statusError: input.status.reason } : {}),
    system: systemView(state.system),
    transactions: input.transactions,
    currentActivity: state.activity,
    queued: state.queued,
    lastCheck: state.lastCheck,
    health: state.health,
    settings: {
      app: state.desktop.settings,
      automaticUpdatePolicy: state.system?.automaticUpdatePolicy ?? null,
      backgroundChecks: state.desktop.background,
      helper: state.desktop.helper,
    },
    notifications: state.desktop.notifications,
  };
  return redactHome(`${JSON.stringify(document, null, 2)}\n`, input.home);
}

/** Replaces every occurrence of `home` (as written in JSON) with `~`. */
export function redactHome(text: string, home: string | null): string {
  const dir = home?.replace(/\/+$/, '') ?? '';
  if (dir.length < 2) return text;
  return text.split(JSON.stringify(dir).slice(1, -1)).join('~');
}
