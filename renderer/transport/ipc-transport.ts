import type { UpdatesApi } from '../../daemon-bridge/contract/api.ts';
import type { AppState } from '../../daemon-bridge/contract/domain.ts';
import { shareUnchanged } from './share-unchanged.ts';
import type { Transport } from './transport.ts';

/** Electron: the preload's `window.updates`. IPC to our own main process does not drop. */
export function ipcTransport(api: UpdatesApi): Transport {
  // Snapshots arrive structured-cloned, every object new: share what did not change.
  let last: AppState | undefined;
  return {
    api,
    onState: (listener) =>
      api.onState((state) => {
        last = shareUnchanged(last, state);
        listener(last);
      }),
    onLink(listener) {
      listener({ kind: 'open' });
      return () => undefined;
    },
    reconnect() {},
    snapshotOnOpen: false,
  };
}
