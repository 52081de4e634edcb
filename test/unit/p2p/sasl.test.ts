import { describe, expect, it } from 'vitest';
import { SaslClient } from '../../../daemon-bridge/dbus/p2p/sasl-client.ts';
import {
  SaslLineReader,
  decodeUid,
  encodeUid,
} from '../../../daemon-bridge/dbus/p2p/sasl-lines.ts';
import { SaslServer } from '../../../daemon-bridge/dbus/p2p/sasl-server.ts';

const GUID = 'a8ea2b1c3d4e5f60718293a4b5c6d7e8';

/** Feeds lines to one side and records its answers. */
function converse(side: { onLine(line: string): unknown }, lines: readonly string[]): unknown[] {
  return lines.map((line) => side.onLine(line));
}

describe('SaslServer (what a GDBusServer with default flags answers)', () => {
  it('follows the conversation GLib clients have (spikes §2d)', () => {
    const server = new SaslServer(GUID);
    expect(converse(server, ['AUTH', 'AUTH EXTERNAL 30', 'NEGOTIATE_UNIX_FD', 'BEGIN'])).toEqual([
      { kind: 'reply', line: 'REJECTED EXTERNAL' },
      { kind: 'reply', line: `OK ${GUID}` },
      { kind: 'reply', line: 'ERROR "Unix fd passing is not supported"' },
      { kind: 'done', guid: GUID },
    ]);
    expect(server.claimedUid).toBe(0);
  });

  it('asks for DATA when EXTERNAL comes without an initial response', () => {
    const server = new SaslServer(GUID);
    expect(converse(server, ['AUTH EXTERNAL', `DATA ${encodeUid(1001)}`, 'BEGIN'])).toEqual([
      { kind: 'reply', line: 'DATA' },
      { kind: 'reply', line: `OK ${GUID}` },
      { kind: 'done', guid: GUID },
    ]);
    expect(server.claimedUid).toBe(1001);
  });

  it('refuses other mechanisms, bad identities and an early BEGIN', () => {
    const server = new SaslServer(GUID);
    expect(
      converse(server, ['AUTH ANONYMOUS', 'AUTH DBUS_COOKIE_SHA1 30', 'AUTH EXTERNAL zz', 'HELLO']),
    ).toEqual([
      { kind: 'reply', line: 'REJECTED EXTERNAL' },
      { kind: 'reply', line: 'REJECTED EXTERNAL' },
      { kind: 'reply', line: 'REJECTED EXTERNAL' },
      { kind: 'reply', line: 'ERROR "Unknown command"' },
    ]);
    expect(server.onLine('BEGIN')).toEqual({
      kind: 'fail',
      reason: 'client sent BEGIN before authenticating',
    });
  });

  it('gives up on a client that never gets anywhere', () => {
    const server = new SaslServer(GUID);
    const answers = converse(server, Array<string>(40).fill('AUTH'));
    expect(answers.at(-1)).toEqual({ kind: 'fail', reason: 'too many SASL lines' });
  });
});

describe('SaslClient', () => {
  it('opens with NUL + AUTH EXTERNAL <hex uid> and answers OK with BEGIN', () => {
    const client = new SaslClient(1000);
    expect(client.opening()).toBe('\0AUTH EXTERNAL 31303030\r\n');
    expect(client.onLine(`OK ${GUID}`)).toEqual({ kind: 'done', guid: GUID, reply: 'BEGIN' });
  });

  it('fails on REJECTED, ERROR, a malformed guid, or a guid unlike the address', () => {
    const reasons = [
      new SaslClient(0).onLine('REJECTED DBUS_COOKIE_SHA1'),
      new SaslClient(0).onLine('ERROR "nope"'),
      new SaslClient(0).onLine('OK 1234'),
      new SaslClient(0, 'ffffffffffffffffffffffffffffffff').onLine(`OK ${GUID}`),
    ].map((step) => (step.kind === 'fail' ? step.reason : step.kind));
    expect(reasons).toEqual([
      'SASL authentication failed: the server rejected EXTERNAL (it offers: DBUS_COOKIE_SHA1)',
      'SASL authentication failed: the server answered ERROR "nope"',
      "SASL authentication failed: the server's guid '1234' is not 32 hex digits",
      `SASL authentication failed: the server's guid ${GUID} differs from the address (ffffffffffffffffffffffffffffffff)`,
    ]);
  });
});

describe('SaslLineReader', () => {
  it('splits CRLF lines across chunks and hands on the bytes after BEGIN', () => {
    const reader = new SaslLineReader(true);
    const lines = (chunk: string) => {
      reader.push(Buffer.from(chunk, 'latin1'));
      const out: string[] = [];
      while (out.at(-1) !== 'BEGIN') {
        const line = reader.next();
        if (line === undefined) break;
        out.push(line);
      }
      return out;
    };
    expect(lines('\0AUTH EXT')).toEqual([]);
    expect(lines('ERNAL 30\r\nBEG')).toEqual(['AUTH EXTERNAL 30']);
    // BEGIN and the first message in one write (spikes §2 pitfall 2); the
    // binary part has a 0x0a byte that must not be taken for a line end.
    expect(lines('IN\r\nl\x01\x00\x01\n\x00\x00\x00')).toEqual(['BEGIN']);
    expect(reader.rest()).toEqual(Buffer.from('l\x01\x00\x01\n\x00\x00\x00', 'latin1'));
  });

  it('insists on the leading NUL on the server side and bounds line length', () => {
    expect(() => new SaslLineReader(true).push(Buffer.from('AUTH\r\n'))).toThrow(/NUL/);
    const flood = new SaslLineReader(false);
    flood.push(Buffer.alloc(20_000, 0x41));
    expect(() => flood.next()).toThrow(/longer/);
  });

  it('encodes and decodes EXTERNAL identities', () => {
    expect([encodeUid(0), decodeUid('30'), decodeUid('31303031'), decodeUid('3x')]).toEqual([
      '30',
      0,
      1001,
      undefined,
    ]);
  });
});
