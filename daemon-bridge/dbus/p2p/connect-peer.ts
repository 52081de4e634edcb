import { createConnection } from 'node:net';
import { connectTarget } from './address.ts';
import { PeerError, toPeerError } from './errors.ts';
import { createPeerConnection } from './peer-connection.ts';
import type { PeerConnection } from './peer-connection.ts';
import { PeerLink, SaslFailure } from './peer-link.ts';
import { SaslClient } from './sasl-client.ts';
import { WireError } from './wire.ts';

export interface ConnectPeerOptions {
  /** Connect + authenticate must finish within this; default 10 s. */
  readonly timeoutMs?: number;
  /** The uid to claim in SASL EXTERNAL; default this process's uid. */
  readonly uid?: number;
}

/**
 * Opens a peer-to-peer D-Bus connection to a server such as rpm-ostree's
 * transaction socket: unix socket, SASL EXTERNAL, no Hello on the wire.
 * Resolves once authenticated; rejects with a PeerError (refused socket,
 * abstract address, auth failure, timeout, peer closing early) and never
 * leaves an unhandled rejection or an open socket behind.
 */
export function connectPeer(
  address: string,
  options: ConnectPeerOptions = {},
): Promise<PeerConnection> {
  let target: ReturnType<typeof connectTarget>;
  try {
    target = connectTarget(address);
  } catch (err) {
    return Promise.reject(toPeerError(err, 'bad-address'));
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  const uid = options.uid ?? process.getuid?.() ?? 0;

  return new Promise((resolve, reject) => {
    const sasl = new SaslClient(uid, target.guid);
    // Writes before 'connect' are queued by the socket: SASL can start now.
    const link = new PeerLink(createConnection(target.path), {
      opening: sasl.opening(),
      expectsNul: false,
      onLine: (line) => sasl.onLine(line),
    });
    const peer = createPeerConnection(link, {
      guid: () => link.guid ?? '',
      claimedUid: () => undefined,
    });
    let settled = false;
    const settle = (err: PeerError | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!err) return resolve(peer);
      peer.close();
      reject(err);
    };
    const timer = setTimeout(() => {
      settle(
        new PeerError('timeout', `No D-Bus peer answered at ${address} within ${timeoutMs} ms`),
      );
    }, timeoutMs);
    // MessageBus emits 'connect' when the (local) Hello reply arrives, which
    // is queued behind authentication: the connection is fully usable then.
    peer.bus.once('connect', () => settle(undefined));
    peer.onError((err) => settle(classify(err, address)));
    void peer.closed.then(({ error }) =>
      settle(
        error
          ? classify(error, address)
          : new PeerError('closed', `The D-Bus peer at ${address} closed the connection`),
      ),
    );
  });
}

function classify(err: Error, address: string): PeerError {
  if (err instanceof PeerError) return err;
  if (err instanceof SaslFailure)
    return new PeerError('auth-failed', `${address}: ${err.message}`, { cause: err });
  if (err instanceof WireError)
    return new PeerError('protocol', `${address}: ${err.message}`, { cause: err });
  const peerErr = toPeerError(err, 'closed');
  return new PeerError(peerErr.code, `Cannot connect to ${address}: ${err.message}`, {
    cause: err,
  });
}
