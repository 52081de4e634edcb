import type { LinkStatus } from '../../transport/transport.ts';
import type { SetState, StoreDeps } from '../app-store.ts';

/** The transport link (always open under Electron; the WebSocket can drop). */
export interface LinkSlice {
  readonly link: LinkStatus;
  readonly linkChanged: (status: LinkStatus) => void;
  /** The user asked to reconnect without waiting for the backoff. */
  readonly reconnectRequested: () => void;
}

export function createLinkSlice(deps: StoreDeps, set: SetState): LinkSlice {
  return {
    link: { kind: 'connecting' },
    linkChanged(status) {
      set({ link: status });
    },
    reconnectRequested() {
      deps.reconnect();
    },
  };
}
