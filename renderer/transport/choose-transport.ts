import type { UpdatesApi } from '../../daemon-bridge/contract/api.ts';
import type { EarlySocket } from './early-socket.ts';
import { ipcTransport } from './ipc-transport.ts';
import type { Transport } from './transport.ts';
import { webSocketUrl } from './web-url.ts';
import { createWebSocketTransport } from './ws-client.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the page is served by web mode. */
    updates?: UpdatesApi;
  }
}

/**
 * Picks the transport once, at startup: the preload's API if there is one,
 * else the WebSocket, starting with `early` when the entry module opened it.
 */
export function chooseTransport(
  win: Pick<Window, 'updates' | 'location'>,
  early: EarlySocket | null = null,
): Transport {
  if (win.updates) return ipcTransport(win.updates);
  let first = early;
  return createWebSocketTransport({
    url: webSocketUrl(win.location),
    createSocket: (url) => {
      const socket = first?.take();
      first = null;
      return socket ?? new WebSocket(url);
    },
  });
}
