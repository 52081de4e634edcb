/**
 * What the renderer holds on to after startup: the contract's `UpdatesApi`
 * plus the state of the link that carries it. Electron IPC cannot drop; the
 * WebSocket can, and the UI must say so.
 */
import type { Unsubscribe, UpdatesApi } from '../../daemon-bridge/contract/api.ts';

export type LinkStatus =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'open' }
  | { readonly kind: 'closed'; readonly attempt: number; readonly retryInMs: number };

export interface Transport {
  readonly api: UpdatesApi;
  /** Calls `listener` with the current link status at once, then on every change. */
  onLink(listener: (status: LinkStatus) => void): Unsubscribe;
  /** Skips the backoff wait and reconnects now; a no-op while the link is up. */
  reconnect(): void;
}
