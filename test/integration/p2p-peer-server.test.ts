/**
 * createPeerServer on real sockets: the SASL details GLib relies on, GDBus-like
 * answers to bus-driver calls, what never goes on the wire, socket file care.
 */
import * as dbus from 'dbus-next';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { callMethod, DBusCallError, LOCAL_DISCONNECTED } from '../../daemon-bridge/dbus/call.ts';
import { connectPeer, createPeerServer } from '../../daemon-bridge/dbus/p2p/index.ts';
import type { PeerConnection } from '../../daemon-bridge/dbus/p2p/index.ts';
import { MessageDecoder, encodeMessage } from '../../daemon-bridge/dbus/p2p/wire.ts';
import { tempDir } from '../support/temp-dir.ts';
import { PYTHON } from './p2p-processes.ts';

const dir = tempDir('p2p-server');
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const fn of cleanups.reverse()) await fn();
  dir.remove();
});

describe('createPeerServer', () => {
  const TITLE_IFACE = 'org.example.Txn';
  class Txn extends dbus.interface.Interface {
    get Title() {
      return 'demo';
    }
    Start() {
      setImmediate(() => this.Finished(true, ''));
      return true;
    }
    Stall() {
      return new Promise<never>(() => undefined);
    }
    Finished(ok: boolean, message: string) {
      return [ok, message];
    }
  }
  Txn.configureMembers({
    properties: { Title: { signature: 's', access: 'read' } },
    methods: { Start: { outSignature: 'b' }, Stall: {} },
    signals: { Finished: { signature: 'bs' } },
  });

  async function serve(name: string, onPeer: (peer: PeerConnection) => void = () => undefined) {
    const server = await createPeerServer(join(dir.path, name), (peer) => {
      peer.bus.export('/', new Txn(TITLE_IFACE));
      onPeer(peer);
    });
    cleanups.push(() => server.close());
    return server;
  }

  it('answers Hello and AddMatch like GDBus, and none are sent by a client', async () => {
    const received: string[] = [];
    const server = await serve('driver.sock', (peer) =>
      peer.bus.on('message', (m: dbus.Message) => {
        // Method calls only: the bus also reports its own (local) Hello reply.
        if ((m.type as number) === 1) received.push(m.member);
      }),
    );
    const peer = await connectPeer(server.address);
    cleanups.push(() => peer.close());
    // The high-level API works and its bus-driver calls stay local.
    const proxy = await peer.bus.getProxyObject('org.projectatomic.rpmostree1', '/');
    const iface = proxy.getInterface(TITLE_IFACE);
    const finished = new Promise((r) => iface.on('Finished', (...args: unknown[]) => r(args)));
    const start = iface.Start as (() => Promise<boolean>) | undefined;
    expect(await start?.call(iface)).toBe(true);
    expect(await finished).toEqual([true, '']);
    const asBusClient = (member: string) =>
      callMethod(peer.bus, {
        destination: '', // sent on the wire, unlike org.freedesktop.DBus calls
        path: '/org/freedesktop/DBus',
        interface: 'org.freedesktop.DBus',
        member,
        signature: member === 'AddMatch' ? 's' : '',
        body: member === 'AddMatch' ? ["type='signal'"] : [],
      }).catch((e: DBusCallError) => [e.errorName, e.text]);
    expect([await asBusClient('Hello'), await asBusClient('AddMatch')]).toEqual([
      [
        'org.freedesktop.DBus.Error.UnknownMethod',
        'Object does not exist at path “/org/freedesktop/DBus”',
      ],
      [
        'org.freedesktop.DBus.Error.UnknownMethod',
        'Object does not exist at path “/org/freedesktop/DBus”',
      ],
    ]);
    expect(received).toEqual(['Introspect', 'Start', 'Hello', 'AddMatch']);
  });

  it('handles GLib’s SASL lines and BEGIN pipelined with the first message', async () => {
    const uids: (number | undefined)[] = [];
    const server = await serve(
      'sasl.sock',
      (peer) => void peer.closed.then(() => uids.push(peer.claimedUid)),
    );
    const socket = createConnection(server.socketPath);
    const lines: string[] = [];
    const decoder = new MessageDecoder();
    const replies: dbus.Message[] = [];
    let text = '';
    const step = new Promise<void>((done) =>
      socket.on('data', (chunk: Buffer) => {
        if (lines.length < 3) {
          text += chunk.toString('latin1');
          const complete = text.split('\r\n');
          text = complete.pop() ?? '';
          lines.push(...complete);
          if (lines.length === 1) socket.write('AUTH EXTERNAL 31303030\r\n');
          if (lines.length === 2) socket.write('NEGOTIATE_UNIX_FD\r\n');
          if (lines.length === 3) {
            const get = new dbus.Message({
              serial: 1,
              path: '/',
              interface: 'org.freedesktop.DBus.Properties',
              member: 'Get',
              signature: 'ss',
              body: [TITLE_IFACE, 'Title'],
            });
            socket.write(Buffer.concat([Buffer.from('BEGIN\r\n'), encodeMessage(get)]));
          }
          return;
        }
        replies.push(...decoder.push(chunk));
        if (replies.length) done();
      }),
    );
    socket.write('\0AUTH\r\n');
    await step;
    socket.destroy();
    expect(lines).toEqual([
      'REJECTED EXTERNAL',
      `OK ${server.guid}`,
      'ERROR "Unix fd passing is not supported"',
    ]);
    expect(replies.map((m) => [m.replySerial, m.body])).toEqual([
      [1, [new dbus.Variant('s', 'demo')]],
    ]);
    await expect.poll(() => uids).toEqual([1000]);
  });

  it('replaces a stale socket, makes it 0666, and refuses to delete a regular file', async () => {
    const stale = join(dir.path, 'stale.sock');
    const made = spawnSync(PYTHON, [
      '-c',
      `import socket; socket.socket(socket.AF_UNIX).bind(${JSON.stringify(stale)})`,
    ]);
    expect(made.status).toBe(0);
    expect(statSync(stale).isSocket()).toBe(true);
    const server = await serve('stale.sock');
    expect(statSync(stale).mode & 0o777).toBe(0o666);
    const peer = await connectPeer(server.address);
    peer.close();

    const file = join(dir.path, 'not-a-socket');
    writeFileSync(file, 'keep me');
    await expect(createPeerServer(file, () => undefined)).rejects.toThrow(/not a socket/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('close() drops connected peers, fails their pending calls, and removes the socket', async () => {
    const server = await serve('closing.sock');
    const peer = await connectPeer(server.address);
    const pending = callMethod(peer.bus, {
      destination: '',
      path: '/',
      interface: TITLE_IFACE,
      member: 'Stall',
    }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 30));
    expect(server.peers.size).toBe(1);
    await server.close();
    expect(await peer.closed).toEqual({ by: 'peer' });
    const err = await pending;
    expect(err).toBeInstanceOf(DBusCallError);
    expect((err as DBusCallError).errorName).toBe(LOCAL_DISCONNECTED);
    expect(existsSync(server.socketPath)).toBe(false);
  });

  it('drops a client that never authenticates', async () => {
    const errors: string[] = [];
    const server = await createPeerServer(join(dir.path, 'silent.sock'), () => undefined, {
      authTimeoutMs: 100,
      onError: (err) => errors.push(err.message),
    });
    cleanups.push(() => server.close());
    const socket = createConnection(server.socketPath);
    await new Promise((r) => socket.once('close', r));
    expect(errors).toEqual(['client did not authenticate in time']);
    await expect.poll(() => server.peers.size).toBe(0);
  });
});
