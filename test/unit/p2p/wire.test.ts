import * as dbus from 'dbus-next';
import { describe, expect, it } from 'vitest';
import {
  MessageDecoder,
  WireError,
  decodeMessage,
  encodeMessage,
} from '../../../daemon-bridge/dbus/p2p/wire.ts';

const signal = () => {
  const msg = dbus.Message.newSignal(
    '/',
    'org.projectatomic.rpmostree1.Transaction',
    'DownloadProgress',
    '(tt)(uu)(uuu)(uuut)(uu)(tt)',
    [
      [1n, 2n],
      [3, 4],
      [5, 6, 7],
      [8, 9, 10, 11n],
      [12, 13],
      [14n, 15n],
    ],
  );
  msg.serial = 7;
  return msg;
};
const call = () =>
  new dbus.Message({ serial: 8, path: '/', interface: 'org.example.T', member: 'Start' });

const header = (m: dbus.Message) => ({
  type: m.type,
  serial: m.serial,
  path: m.path,
  interface: m.interface,
  member: m.member,
  signature: m.signature,
  body: m.body,
});

describe('wire framing', () => {
  it('round-trips a message with structs and 64-bit values, and one without a body', () => {
    const decoded = [signal(), call()].map((m) => header(decodeMessage(encodeMessage(m))));
    expect(decoded).toEqual([header(signal()), { ...header(call()), signature: '', body: [] }]);
  });

  it('does not change the message it encodes', () => {
    const msg = signal();
    encodeMessage(msg);
    expect(msg.body).toEqual(signal().body);
  });

  it('reassembles messages split anywhere and separates messages sharing a chunk', () => {
    const bytes = Buffer.concat([encodeMessage(signal()), encodeMessage(call())]);
    const decoder = new MessageDecoder();
    const members: string[] = [];
    for (let i = 0; i < bytes.length; i += 3)
      for (const m of decoder.push(bytes.subarray(i, i + 3))) members.push(m.member);
    expect(members).toEqual(['DownloadProgress', 'Start']);
    expect(new MessageDecoder().push(Buffer.concat([bytes, bytes])).map((m) => m.member)).toEqual([
      'DownloadProgress',
      'Start',
      'DownloadProgress',
      'Start',
    ]);
  });

  it('turns garbage into WireErrors instead of exceptions in socket handlers', () => {
    const bad = (bytes: Buffer) => () => new MessageDecoder().push(bytes);
    expect(bad(Buffer.from('GET / HTTP/1.1\r\n\r\n'))).toThrow(WireError);
    const huge = Buffer.from(encodeMessage(call()));
    huge.writeUInt32LE(0x7fff_ffff, 4);
    expect(bad(huge)).toThrow(/too large/);
    const corrupt = Buffer.from(encodeMessage(signal()));
    corrupt.writeUInt32LE(0xffff, 12); // header fields claim more than there is
    expect(bad(Buffer.concat([corrupt, Buffer.alloc(0x10000)]))).toThrow(WireError);
  });
});
