import { randomBytes } from 'node:crypto';
import { chmodSync, lstatSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Socket } from 'node:net';
import { unixPathAddress } from './address.ts';
import { PeerError } from './errors.ts';
import { createPeerConnection } from './peer-connection.ts';
import type { PeerConnection } from './peer-connection.ts';
import { PeerLink } from './peer-link.ts';
import { SaslServer } from './sasl-server.ts';

export interface PeerServerOptions {
  /** 32 hex digits; random by default (GLib clients check the format). */
  readonly guid?: string;
  /** Socket file mode; 0o666 like rpm-ostree, so non-root clients can connect. */
  readonly mode?: number;
  /** A client must finish SASL within this (default 30 s), or it is dropped. */
  readonly authTimeoutMs?: number;
  /** Errors of individual connections (SASL, framing, socket); they never stop the server. */
  readonly onError?: (err: Error, peer: PeerConnection | undefined) => void;
}

export interface PeerServer {
  /** `unix:path=<socket>`, the form rpm-ostree hands to clients. */
  readonly address: string;
  readonly socketPath: string;
  readonly guid: string;
  /** Connections currently open. */
  readonly peers: ReadonlySet<PeerConnection>;
  /** Stops listening, closes every connection and removes the socket file. */
  close(): Promise<void>;
}

/**
 * A peer-to-peer D-Bus server on a unix socket file, for the sandbox
 * daemon's transaction server: server-side SASL EXTERNAL, then one MessageBus
 * per client. `onPeer` runs synchronously for each accepted socket, before
 * authentication, and must export its objects there: a client's first call
 * can arrive in the same packet as its BEGIN (spikes §2 pitfall 3).
 */
export function createPeerServer(
  socketPath: string,
  onPeer: (peer: PeerConnection) => void,
  options: PeerServerOptions = {},
): Promise<PeerServer> {
  const guid = options.guid ?? randomBytes(16).toString('hex');
  if (!/^[0-9a-f]{32}$/i.test(guid))
    return Promise.reject(new PeerError('bad-address', `guid '${guid}' is not 32 hex digits`));
  if (socketPath.startsWith('\0') || socketPath === '')
    return Promise.reject(
      new PeerError('bad-address', 'createPeerServer takes a socket file path'),
    );
  const report = (err: Error, peer: PeerConnection | undefined) => {
    try {
      options.onError?.(err, peer);
    } catch {
      // a failing reporter must not take the server down
    }
  };
  const peers = new Set<PeerConnection>();

  const server = createServer((socket: Socket) => {
    const sasl = new SaslServer(guid);
    const link = new PeerLink(socket, {
      opening: '',
      expectsNul: true,
      onLine: (line) => sasl.onLine(line),
    });
    const peer = createPeerConnection(link, {
      guid: () => guid,
      claimedUid: () => sasl.claimedUid,
    });
    peers.add(peer);
    peer.onError((err) => report(err, peer));
    // A client that connects and never authenticates must not hold a socket forever.
    const authTimer = setTimeout(() => {
      report(new PeerError('timeout', 'client did not authenticate in time'), peer);
      peer.close();
    }, options.authTimeoutMs ?? 30_000);
    peer.bus.once('connect', () => clearTimeout(authTimer));
    void peer.closed.then(() => {
      clearTimeout(authTimer);
      peers.delete(peer);
    });
    try {
      onPeer(peer);
    } catch (err) {
      report(err instanceof Error ? err : new Error(String(err)), peer);
      peer.close();
    }
  });
  server.on('error', (err) => report(err, undefined));

  return new Promise((resolve, reject) => {
    try {
      removeStaleSocket(socketPath);
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      try {
        chmodSync(socketPath, options.mode ?? 0o666);
      } catch (err) {
        server.close();
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      resolve({
        address: unixPathAddress(socketPath),
        socketPath,
        guid,
        peers,
        close: () => closeServer(server, peers, socketPath),
      });
    });
  });
}

/** A socket file left by a previous run would make listen() fail with EADDRINUSE. */
function removeStaleSocket(socketPath: string): void {
  let isSocket: boolean;
  try {
    isSocket = lstatSync(socketPath).isSocket();
  } catch {
    return; // nothing there
  }
  if (!isSocket) throw new Error(`${socketPath} exists and is not a socket; not removing it`);
  unlinkSync(socketPath);
}

function closeServer(
  server: ReturnType<typeof createServer>,
  peers: Set<PeerConnection>,
  socketPath: string,
): Promise<void> {
  return new Promise((resolve) => {
    // server.close() waits for open connections: close those first.
    for (const peer of peers) peer.close();
    peers.clear();
    server.close(() => resolve());
    try {
      unlinkSync(socketPath);
    } catch {
      // already gone (net.Server usually removes it itself)
    }
  });
}
