/**
 * Peer-to-peer D-Bus (no bus daemon) on dbus-next's MessageBus and
 * marshaller: the rpm-ostree transaction socket, client and server side.
 */
export {
  connectTarget,
  escapeDbusAddressValue,
  parseDbusAddress,
  unixPathAddress,
} from './address.ts';
export type { DbusAddressEntry } from './address.ts';
export { connectPeer } from './connect-peer.ts';
export type { ConnectPeerOptions } from './connect-peer.ts';
export { PeerError } from './errors.ts';
export type { PeerErrorCode } from './errors.ts';
export { closePeer } from './peer-connection.ts';
export type { PeerClosed, PeerConnection } from './peer-connection.ts';
export { createPeerServer } from './peer-server.ts';
export type { PeerServer, PeerServerOptions } from './peer-server.ts';
