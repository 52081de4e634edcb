/**
 * `UpdatesApi` over the web-mode WebSocket (web-protocol.ts). Calls carry
 * ids and replies resolve them; pushed `state` messages go to `onState`
 * listeners. When the socket closes, pending calls fail, the link reports
 * `closed`, and the client reconnects with backoff.
 */
import type { CommandMethods, Unsubscribe, UpdatesApi } from '../../daemon-bridge/contract/api.ts';
import type { CommandName } from '../../daemon-bridge/contract/commands.ts';
import type { AppError, AppState } from '../../daemon-bridge/contract/domain.ts';
import { replyKinds } from '../../daemon-bridge/contract/reply-kinds.ts';
import type { ClientMessage, ServerMessage } from '../../daemon-bridge/contract/web-protocol.ts';
import { t } from '../i18n/strings.ts';
import { backoffDelay } from './backoff.ts';
import { shareUnchanged } from './share-unchanged.ts';
import type { LinkStatus, Transport } from './transport.ts';
import { TransportError } from './transport-error.ts';

/** The part of the DOM WebSocket the client uses, so tests can pass a fake. */
export interface SocketLike {
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(): void;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WebSocketClientOptions {
  readonly url: string;
  readonly createSocket?: (url: string) => SocketLike;
  readonly timers?: Timers;
  readonly backoff?: (attempt: number) => number;
}

export interface WebSocketTransport extends Transport {
  /** Closes the socket and stops reconnecting. */
  dispose(): void;
}

interface Pending {
  readonly name: CommandName;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
};

export function createWebSocketTransport(options: WebSocketClientOptions): WebSocketTransport {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const timers = options.timers ?? browserTimers;
  const backoff = options.backoff ?? ((attempt: number) => backoffDelay(attempt));

  const stateListeners = new Set<(state: AppState) => void>();
  const linkListeners = new Set<(status: LinkStatus) => void>();
  const pending = new Map<number, Pending>();
  let link: LinkStatus = { kind: 'connecting' };
  let socket: SocketLike | null = null;
  let retryTimer: unknown = null;
  let attempt = 0;
  let nextId = 1;
  let disposed = false;
  /** The last snapshot handed out, so the next one can share its unchanged parts. */
  let lastState: AppState | undefined;

  function setLink(next: LinkStatus): void {
    link = next;
    for (const listener of linkListeners) listener(next);
  }

  /** A failed call: a `Result` failure where the command returns one, else a rejection. */
  function settleFailure(entry: Pending, error: AppError): void {
    if (replyKinds[entry.name] === 'result') entry.resolve({ ok: false, error });
    else entry.reject(new TransportError(error));
  }

  function failAllPending(): void {
    const error: AppError = { kind: 'daemon-unavailable', message: t('linkLostError') };
    for (const entry of pending.values()) settleFailure(entry, error);
    pending.clear();
  }

  function receive(data: unknown): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(String(data)) as ServerMessage;
    } catch {
      return; // The server is trusted; a frame we cannot parse is dropped, not fatal.
    }
    switch (message.type) {
      case 'state': {
        const state = shareUnchanged(lastState, message.state);
        lastState = state;
        for (const listener of stateListeners) listener(state);
        return;
      }
      case 'reply':
      case 'rejected': {
        const entry = message.id === null ? undefined : pending.get(message.id);
        if (!entry || message.id === null) return;
        pending.delete(message.id);
        if (message.type === 'reply') entry.resolve(message.value);
        else settleFailure(entry, message.error);
        return;
      }
      default:
        return; // Newer servers may send kinds this client does not know.
    }
  }

  function connect(): void {
    if (disposed) return;
    retryTimer = null;
    setLink({ kind: 'connecting' });
    const current = createSocket(options.url);
    socket = current;
    current.onopen = () => {
      attempt = 0;
      setLink({ kind: 'open' });
    };
    current.onmessage = (event) => receive(event.data);
    current.onerror = () => undefined; // A close event always follows; it does the work.
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      failAllPending();
      if (disposed) return;
      attempt += 1;
      const retryInMs = backoff(attempt);
      setLink({ kind: 'closed', attempt, retryInMs });
      retryTimer = timers.setTimeout(connect, retryInMs);
    };
  }

  function call(name: CommandName, args: readonly unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const entry: Pending = { name, resolve, reject };
      if (!socket || link.kind !== 'open') {
        settleFailure(entry, { kind: 'daemon-unavailable', message: t('linkClosedError') });
        return;
      }
      const id = nextId++;
      pending.set(id, entry);
      const message: ClientMessage = { type: 'call', id, command: name, args: [...args] };
      socket.send(JSON.stringify(message));
    });
  }

  // One method per reply-kinds entry; that table's type guarantees it lists every command.
  const commandList = Object.keys(replyKinds) as CommandName[];
  const methods = Object.fromEntries(
    commandList.map((name) => [name, (...args: unknown[]) => call(name, args)]),
  ) as unknown as CommandMethods;

  const api: UpdatesApi = {
    ...methods,
    onState(listener): Unsubscribe {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    // Only the Electron main process asks for a screen (a clicked notification).
    onNavigate(): Unsubscribe {
      return () => undefined;
    },
  };

  connect();

  return {
    api,
    // receive() already shares the unchanged parts of each snapshot.
    onState: (listener) => api.onState(listener),
    // web/socket-session.ts pushes the current state to every new connection.
    snapshotOnOpen: true,
    onLink(listener) {
      linkListeners.add(listener);
      listener(link);
      return () => linkListeners.delete(listener);
    },
    reconnect() {
      if (link.kind !== 'closed' || disposed) return;
      if (retryTimer !== null) timers.clearTimeout(retryTimer);
      connect();
    },
    dispose() {
      disposed = true;
      if (retryTimer !== null) timers.clearTimeout(retryTimer);
      retryTimer = null;
      const current = socket;
      socket = null;
      failAllPending();
      current?.close();
    },
  };
}
