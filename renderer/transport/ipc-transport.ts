import type { UpdatesApi } from '../../daemon-bridge/contract/api.ts';
import type { Transport } from './transport.ts';

/** Electron: the preload's `window.updates`. IPC to our own main process does not drop. */
export function ipcTransport(api: UpdatesApi): Transport {
  return {
    api,
    onLink(listener) {
      listener({ kind: 'open' });
      return () => undefined;
    },
    reconnect() {},
  };
}
