import type { SocketLike } from './ws-client.ts';

type Handler = 'onopen' | 'onmessage' | 'onerror' | 'onclose';

/**
 * Web mode's first WebSocket, opened by the entry module before the rest of
 * the UI's code has loaded, so the connection and the bridge's first
 * snapshot overlap that download instead of following it. Events that arrive
 * before the transport takes the socket are held and handed to its handlers,
 * in order, right after it takes it.
 */
export interface EarlySocket {
  /** The socket, once: the transport's first `createSocket`. */
  take(): SocketLike;
}

export function openEarlySocket(
  url: string,
  create: (url: string) => SocketLike = (u) => new WebSocket(u),
): EarlySocket {
  const socket = create(url);
  const held: [Handler, Event][] = [];
  const hold = (handler: Handler) => (event: Event) => held.push([handler, event]);
  socket.onopen = hold('onopen');
  socket.onmessage = hold('onmessage');
  socket.onerror = hold('onerror');
  socket.onclose = hold('onclose');
  let taken = false;
  return {
    take() {
      if (taken) throw new Error('the early socket was taken already');
      taken = true;
      for (const handler of ['onopen', 'onmessage', 'onerror', 'onclose'] as const)
        socket[handler] = null;
      // The transport sets its handlers as soon as it has the socket; socket
      // events are tasks, so nothing new can arrive before this runs.
      queueMicrotask(() => {
        for (const [handler, event] of held.splice(0)) {
          const listener = socket[handler] as ((event: Event) => void) | null;
          listener?.(event);
        }
      });
      return socket;
    },
  };
}
