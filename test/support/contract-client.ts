import { WebSocket } from 'ws';
import type { AppState } from '../../daemon-bridge/contract/domain.ts';
import { WEB_SOCKET_PATH, WEB_TOKEN_PARAM } from '../../daemon-bridge/contract/web-protocol.ts';
import type { ServerMessage } from '../../daemon-bridge/contract/web-protocol.ts';

/**
 * A second client of a running web-mode app, speaking the contract over its
 * WebSocket as the page does: for end-to-end tests that read what has no
 * pixels in web mode (the tray state, notification records).
 */
export interface ContractClient {
  /** The newest state pushed (or fetched). */
  latest(): AppState | null;
  /** Resolves with the first state (pushed from now on, or the current one) that passes `test`. */
  waitFor(what: string, test: (state: AppState) => boolean, timeoutMs?: number): Promise<AppState>;
  close(): Promise<void>;
}

export async function openContractClient(pageUrl: string): Promise<ContractClient> {
  const page = new URL(pageUrl);
  const token = page.searchParams.get(WEB_TOKEN_PARAM) ?? '';
  const ws = new WebSocket(
    `ws://${page.host}${WEB_SOCKET_PATH}?${WEB_TOKEN_PARAM}=${encodeURIComponent(token)}`,
    { origin: `http://${page.host}` },
  );
  let latest: AppState | null = null;
  const waiters = new Set<(state: AppState) => void>();
  const seen = (state: AppState) => {
    latest = state;
    for (const w of [...waiters]) w(state);
  };
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as ServerMessage;
    if (message.type === 'state') seen(message.state);
    else if (message.type === 'reply' && message.id === 1) seen(message.value as AppState);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'call', id: 1, command: 'getState', args: [] }));
  return {
    latest: () => latest,
    waitFor(what, test, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        if (latest && test(latest)) return resolve(latest);
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `timed out waiting for ${what}; last state: ${JSON.stringify(latest?.desktop)}`,
            ),
          );
        }, timeoutMs);
        const check = (state: AppState) => {
          if (!test(state)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(state);
        };
        waiters.add(check);
      });
    },
    close: () =>
      new Promise((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close();
      }),
  };
}
