/**
 * What the renderer holds on to after startup: the contract's `UpdatesApi`
 * plus the state of the link that carries it. Electron IPC cannot drop; the
 * WebSocket can, and the UI must say so.
 */
import type { Unsubscribe, UpdatesApi } from '../../daemon-bridge/contract/api.ts';
import type { AppState } from '../../daemon-bridge/contract/domain.ts';

export type LinkStatus =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'open' }
  | { readonly kind: 'closed'; readonly attempt: number; readonly retryInMs: number };

export interface Transport {
  readonly api: UpdatesApi;
  /**
   * `api.onState`, with the parts of each snapshot that did not change kept
   * identical to the previous one's (share-unchanged.ts), so selectors and
   * React skip what a progress update does not touch.
   */
  onState(listener: (state: AppState) => void): Unsubscribe;
  /** Calls `listener` with the current link status at once, then on every change. */
  onLink(listener: (status: LinkStatus) => void): Unsubscribe;
  /** Skips the backoff wait and reconnects now; a no-op while the link is up. */
  reconnect(): void;
  /**
   * True when the other side sends the current snapshot by itself each time
   * the link opens (the web server does), so asking for it again would only
   * send the whole state twice; Electron's main process pushes only changes.
   */
  readonly snapshotOnOpen: boolean;
}
