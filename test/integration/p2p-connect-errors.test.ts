/**
 * connectPeer on real sockets: every way a connection can fail is a typed
 * rejection or event, never an unhandled rejection or a hang.
 */
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectPeer, PeerError } from '../../daemon-bridge/dbus/p2p/index.ts';
import { tempDir } from '../support/temp-dir.ts';

const GUID = '00112233445566778899aabbccddeeff';
const dir = tempDir('p2p-connect');
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const fn of cleanups.reverse()) await fn();
  dir.remove();
});

/** A raw unix-socket server scripted per test. */
async function rawServer(name: string, onSocket: (s: Socket) => void): Promise<string> {
  const path = join(dir.path, name);
  const server: Server = createServer(onSocket);
  await new Promise<void>((r) => server.listen(path, r));
  cleanups.push(() => new Promise((r) => server.close(r)));
  return `unix:path=${path}`;
}

async function connectError(address: string, timeoutMs = 5_000): Promise<PeerError> {
  const err: unknown = await connectPeer(address, { timeoutMs }).then(
    (peer) => (peer.close(), new Error('connected')),
    (e: unknown) => e,
  );
  if (!(err instanceof PeerError)) throw new Error(`expected a PeerError, got ${String(err)}`);
  return err;
}

describe('connectPeer failures are typed rejections', () => {
  it('no socket → refused; abstract address → abstract-socket', async () => {
    expect((await connectError(`unix:path=${join(dir.path, 'missing')}`)).code).toBe('refused');
    expect((await connectError('unix:abstract=/tmp/rpm-ostree/dbus-x')).code).toBe(
      'abstract-socket',
    );
  });

  it('a server that never answers → timeout, and the socket is closed', async () => {
    let closed!: Promise<void>;
    const address = await rawServer('mute', (s) => {
      s.resume(); // read (and ignore) the AUTH line, so the hang-up is seen
      closed = new Promise((r) => s.on('close', () => r()));
    });
    expect((await connectError(address, 200)).code).toBe('timeout');
    await closed;
  });

  it('REJECTED → auth-failed; a server hanging up → closed', async () => {
    const rejecting = await rawServer('rejecting', (s) =>
      s.once('data', () => s.write('REJECTED DBUS_COOKIE_SHA1\r\n')),
    );
    const hangingUp = await rawServer('hanging-up', (s) => s.destroy());
    const [auth, closed] = await Promise.all([connectError(rejecting), connectError(hangingUp)]);
    expect([auth.code, auth.message]).toEqual([
      'auth-failed',
      `${rejecting}: SASL authentication failed: the server rejected EXTERNAL (it offers: DBUS_COOKIE_SHA1)`,
    ]);
    expect(closed.code).toBe('closed');
  });

  it('garbage after BEGIN ends the connection with an error event, not a crash', async () => {
    const address = await rawServer('garbage', (s) => {
      s.on('data', (d: Buffer) => {
        if (d.includes('AUTH')) s.write(`OK ${GUID}\r\n`);
        if (d.includes('BEGIN')) setTimeout(() => s.write('HTTP/1.1 400 Bad Request\r\n\r\n'), 20);
      });
    });
    const peer = await connectPeer(address);
    const errors: string[] = [];
    peer.onError((e) => errors.push(e.name));
    const closed = await peer.closed;
    expect([closed.by, closed.error?.name, errors]).toEqual(['peer', 'WireError', ['WireError']]);
  });
});
