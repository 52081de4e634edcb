import * as dbus from 'dbus-next';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PeerConnection } from '../../../daemon-bridge/dbus/p2p/index.ts';
import { MessageDecoder, encodeMessage } from '../../../daemon-bridge/dbus/p2p/wire.ts';
import {
  DOWNLOAD_PROGRESS_SIGNATURE,
  DownloadProgressBatch,
  DownloadProgressWire,
} from '../../../sandbox/daemon/transaction/download-progress-wire.ts';
import type { DownloadProgressArgs } from '../../../sandbox/daemon/transaction/transaction-output.ts';

const IFACE = 'org.projectatomic.rpmostree1.Transaction';
const u32 = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const u64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
const args: fc.Arbitrary<DownloadProgressArgs> = fc.tuple(
  fc.tuple(u64, u64),
  fc.tuple(u32, u32),
  fc.tuple(u32, u32, u32),
  fc.tuple(u32, u32, u32, u64),
  fc.tuple(u32, u32),
  fc.tuple(u64, u64),
);

/** What dbus-next itself sends for the signal. */
function marshalled(values: DownloadProgressArgs, serial: number): Buffer {
  const msg = dbus.Message.newSignal('/', IFACE, 'DownloadProgress', DOWNLOAD_PROGRESS_SIGNATURE, [
    ...values,
  ]);
  msg.serial = serial;
  return encodeMessage(msg);
}

/** A peer that records what it is sent and numbers from `serial`. */
function fakePeer(serial: number) {
  const sent: Buffer[] = [];
  let next = serial;
  const peer = {
    isClosed: false,
    bus: { newSerial: () => next++ },
    sendEncoded: (bytes: Buffer) => sent.push(bytes),
  } as unknown as PeerConnection;
  return { peer, sent };
}

describe('DownloadProgressWire', () => {
  it('encodes exactly the bytes dbus-next marshals, whatever the values', () => {
    const wire = new DownloadProgressWire(IFACE);
    fc.assert(
      fc.property(
        args,
        u32.filter((s) => s > 0),
        (values, serial) => {
          const { peer } = fakePeer(serial);
          const bytes = DownloadProgressWire.withSerials([wire.encode(values)], peer);
          expect(bytes.equals(marshalled(values, serial))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes the first of a burst at once, the rest as one chunk per peer, each peer numbering its own', async () => {
    const a = fakePeer(10);
    const b = fakePeer(500);
    const batch = new DownloadProgressBatch(IFACE, () => [a.peer, b.peer]);
    const values = (n: number): DownloadProgressArgs => [
      [1n, 2n],
      [0, 0],
      [0, n, 0],
      [0, 0, 0, 0n],
      [n, 3],
      [BigInt(n) * 1024n, 0n],
    ];
    for (let n = 1; n <= 3; n++) batch.push(values(n));
    expect([a.sent.length, b.sent.length]).toEqual([1, 1]);
    await Promise.resolve();
    for (const { sent, first } of [
      { sent: a.sent, first: 10 },
      { sent: b.sent, first: 500 },
    ]) {
      expect(sent).toHaveLength(2);
      const decoded = new MessageDecoder().push(Buffer.concat(sent));
      expect(decoded.map((m): unknown[] => [m.serial, m.member, m.body[4]])).toEqual([
        [first, 'DownloadProgress', [1, 3]],
        [first + 1, 'DownloadProgress', [2, 3]],
        [first + 2, 'DownloadProgress', [3, 3]],
      ]);
    }
    // A lone signal in a later tick goes out at once again.
    batch.push(values(4));
    expect(a.sent).toHaveLength(3);
  });

  it('flushes on demand, so a signal sent next cannot overtake the batch', () => {
    const a = fakePeer(1);
    const batch = new DownloadProgressBatch(IFACE, () => [a.peer]);
    const one: DownloadProgressArgs = [
      [1n, 2n],
      [0, 0],
      [0, 1, 0],
      [0, 0, 0, 0n],
      [1, 1],
      [0n, 0n],
    ];
    batch.push(one);
    batch.push(one);
    expect(a.sent).toHaveLength(1);
    batch.flush();
    expect(a.sent).toHaveLength(2);
    batch.flush();
    expect(a.sent).toHaveLength(2);
  });
});
