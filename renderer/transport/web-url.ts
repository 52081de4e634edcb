import { WEB_SOCKET_PATH, WEB_TOKEN_PARAM } from '../../daemon-bridge/contract/channels.ts';

/**
 * The WebSocket address for a page served by web mode: same host, the
 * contract's path, and the token the page itself was opened with.
 */
export function webSocketUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const token = new URLSearchParams(location.search).get(WEB_TOKEN_PARAM) ?? '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = new URLSearchParams({ [WEB_TOKEN_PARAM]: token });
  return `${scheme}//${location.host}${WEB_SOCKET_PATH}?${query.toString()}`;
}
