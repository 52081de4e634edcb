/**
 * What the deployments screen shows about the connection: at most one
 * notice, the system to list (kept while the daemon is away) and whether
 * that list is stale. Pure; the memoized selectors wrap the derivation.
 */
import type {
  ActiveTransaction,
  AppError,
  AppState,
  DaemonIdentity,
  RunMode,
  SystemState,
} from '../../../daemon-bridge/contract/domain.ts';
import { assertNever } from '../../../daemon-bridge/contract/domain.ts';
import type { LinkStatus } from '../../transport/transport.ts';
import { memoizeLast } from '../memoize.ts';

export type DaemonNotice =
  | { readonly kind: 'link-connecting' }
  | { readonly kind: 'daemon-connecting' }
  | { readonly kind: 'absent'; readonly message: string }
  | { readonly kind: 'unavailable'; readonly message: string }
  | { readonly kind: 'error'; readonly error: AppError };

export interface DaemonView {
  readonly notice: DaemonNotice | null;
  /** The system to list: the last known one, even while the daemon is away. */
  readonly system: SystemState | null;
  /** True when `system` may no longer match the machine. */
  readonly stale: boolean;
}

function noticeOf(app: Pick<AppState, 'daemon'>): DaemonNotice | null {
  const daemon = app.daemon;
  switch (daemon.kind) {
    case 'ready':
      return null;
    case 'connecting':
      return { kind: 'daemon-connecting' };
    case 'absent':
      return { kind: 'absent', message: daemon.message };
    case 'unavailable':
      return { kind: 'unavailable', message: daemon.message };
    case 'error':
      return { kind: 'error', error: daemon.error };
    default:
      return assertNever(daemon);
  }
}

export function deriveDaemonView(
  app: Pick<AppState, 'daemon' | 'system'> | null,
  link: LinkStatus,
): DaemonView {
  if (!app) return { notice: { kind: 'link-connecting' }, system: null, stale: false };
  const system = app.system;
  const stale = system !== null && (link.kind !== 'open' || app.daemon.kind !== 'ready');
  return { notice: noticeOf(app), system, stale };
}

/** The daemon's bus identity while we know which daemon it is. */
export function deriveDaemonIdentity(app: AppState | null): DaemonIdentity | null {
  const daemon = app?.daemon;
  if (daemon?.kind === 'ready' || daemon?.kind === 'unavailable') return daemon.daemon;
  return null;
}

type Slices = { readonly app: AppState | null; readonly link: LinkStatus };

/**
 * Keyed on the parts it reads, not on the whole snapshot: the app's root
 * component selects this, and a progress update (which changes only
 * `activity`) must not re-render every screen. The transport keeps unchanged
 * parts identical from one snapshot to the next (share-unchanged.ts).
 */
export const selectDaemonView = memoizeLast(
  (s: Slices) => s.app?.daemon ?? null,
  (s: Slices) => s.app?.system ?? null,
  (s: Slices) => s.link,
  (daemon, system, link) => deriveDaemonView(daemon === null ? null : { daemon, system }, link),
);

export const selectDaemonIdentity = (s: Slices): DaemonIdentity | null =>
  deriveDaemonIdentity(s.app);

export const selectMode = (s: Slices): RunMode | null => s.app?.mode ?? null;

export const selectLink = (s: Slices): LinkStatus => s.link;

export const selectActiveTransaction = (s: Slices): ActiveTransaction | null =>
  s.app?.system?.activeTransaction ?? null;
