import type { MessageBus } from 'dbus-next';
import MessageBusClass from 'dbus-next/lib/bus.js';
import { answerUnknownObjects } from './local-driver.ts';
import type { PeerLink } from './peer-link.ts';

/** How a peer connection ended. */
export interface PeerClosed {
  /** 'local' when close() was called here; 'peer' when the other side went away. */
  readonly by: 'local' | 'peer';
  /** The socket, SASL or framing error that ended it, if one did. */
  readonly error?: Error;
}

/**
 * One peer-to-peer D-Bus connection (no bus daemon in between). `bus` is a
 * full dbus-next MessageBus: low-level `call`/`send`/'message', proxies and
 * `export` all work; bus-driver calls are answered locally.
 */
export interface PeerConnection {
  readonly bus: MessageBus;
  /** The server's guid (known once authenticated; a server knows its own at once). */
  readonly guid: string;
  /** Server side: the uid the client claimed in SASL EXTERNAL, once authenticated. */
  readonly claimedUid: number | undefined;
  /** True once the socket has closed, for any reason. */
  readonly isClosed: boolean;
  /** Resolves (never rejects) when the socket has closed. */
  readonly closed: Promise<PeerClosed>;
  /** Listens for errors (socket, SASL, framing); each also ends the connection. */
  onError(listener: (err: Error) => void): () => void;
  /**
   * Sends messages already encoded, e.g. one signal for many peers, each
   * numbered with this connection's `bus.newSerial()`; a no-op once closed.
   */
  sendEncoded(bytes: Buffer): void;
  /** Closes the socket at once; pending calls fail with a Disconnected error. */
  close(): void;
}

/**
 * Wraps a link in a MessageBus and the PeerConnection API. The bus's
 * 'error' event always has a listener here, so a failing peer can never
 * crash the process with an unhandled 'error'.
 */
export function createPeerConnection(
  link: PeerLink,
  identity: { readonly guid: () => string; readonly claimedUid: () => number | undefined },
): PeerConnection {
  const bus = new MessageBusClass(link);
  const errorListeners = new Set<(err: Error) => void>();
  bus.on('error', (err: unknown) => {
    const error = err instanceof Error ? err : new Error(String(err));
    for (const listener of errorListeners) listener(error);
  });
  answerUnknownObjects(bus);

  let closedBy: PeerClosed['by'] = 'peer';
  let isClosed = false;
  const closed = new Promise<PeerClosed>((resolve) => {
    link.once('closed', (error?: Error) => {
      isClosed = true;
      resolve(error ? { by: closedBy, error } : { by: closedBy });
    });
  });

  return {
    bus,
    get guid() {
      return identity.guid();
    },
    get claimedUid() {
      return identity.claimedUid();
    },
    get isClosed() {
      return isClosed;
    },
    closed,
    onError(listener) {
      errorListeners.add(listener);
      return () => errorListeners.delete(listener);
    },
    sendEncoded(bytes) {
      link.writeEncoded(bytes);
    },
    close() {
      if (isClosed) return;
      closedBy = 'local';
      try {
        bus.disconnect();
      } catch {
        // already closed
      }
      link.stream.destroy();
    },
  };
}

/**
 * Closes a peer connection completely. `bus.disconnect()` alone only
 * half-closes the socket, and a peer that keeps its end open would keep Node
 * alive (spikes §2 pitfall 4), so `close()` destroys the stream as well.
 */
export function closePeer(peer: PeerConnection): void {
  peer.close();
}
