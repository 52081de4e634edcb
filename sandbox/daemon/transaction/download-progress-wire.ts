import * as dbus from 'dbus-next';
import { encodeMessage } from '../../../daemon-bridge/dbus/p2p/wire.ts';
import { fixedLayout, fixedValues } from '../../../daemon-bridge/dbus/p2p/fixed-body.ts';
import type { PeerConnection } from '../../../daemon-bridge/dbus/p2p/index.ts';
import type { DownloadProgressArgs } from './transaction-output.ts';

/** DownloadProgress's signature (reference §7.3): fixed-size, so every value has a fixed offset. */
export const DOWNLOAD_PROGRESS_SIGNATURE = '(tt)(uu)(uuu)(uuut)(uu)(tt)';

/** Where the 15 numbers sit, in argument order: the layout the bridge reads them with. */
const LAYOUT = fixedLayout(DOWNLOAD_PROGRESS_SIGNATURE)!;
const VALUES = fixedValues(LAYOUT);
const BODY_BYTES = LAYOUT.bytes;
/** Where the serial sits in the fixed header (little-endian, as dbus-next marshals). */
const SERIAL_OFFSET = 8;

/**
 * DownloadProgress signals encoded without dbus-next's marshaller, for the
 * bench's progress flood (SANDBOX_PROGRESS_FLOOD asks for 20,000 a second):
 * marshalling every signal for every peer costs tens of microseconds, mostly
 * allocation and GC, which held the daemon near 10,000 a second. One signal
 * marshalled by dbus-next is the template; each signal is a copy with its
 * numbers written at their offsets, made once and shared by every peer.
 */
export class DownloadProgressWire {
  private readonly template: Buffer;
  private readonly bodyStart: number;

  constructor(interfaceName: string) {
    const sample = dbus.Message.newSignal(
      '/',
      interfaceName,
      'DownloadProgress',
      DOWNLOAD_PROGRESS_SIGNATURE,
      [
        [0n, 0n],
        [0, 0],
        [0, 0, 0],
        [0, 0, 0, 0n],
        [0, 0],
        [0n, 0n],
      ],
    );
    sample.serial = 1;
    this.template = encodeMessage(sample);
    this.bodyStart = this.template.length - BODY_BYTES;
  }

  /** One signal's bytes, with serial 0: `withSerials` fills it in per peer. */
  encode(args: DownloadProgressArgs): Buffer {
    const numbers: readonly (number | bigint)[] = args.flat();
    const out = Buffer.from(this.template);
    const body = this.bodyStart;
    VALUES.forEach(({ type, offset }, i) => {
      const n = numbers[i]!;
      if (type === 't') out.writeBigUInt64LE(BigInt.asUintN(64, BigInt(n)), body + offset);
      else out.writeUInt32LE(Number(n) >>> 0, body + offset);
    });
    return out;
  }

  /** The signals in `messages` as one chunk, each with the next serial of `peer`'s connection. */
  static withSerials(messages: readonly Buffer[], peer: PeerConnection): Buffer {
    const out = Buffer.concat(messages);
    let offset = 0;
    for (const message of messages) {
      out.writeUInt32LE(peer.bus.newSerial(), offset + SERIAL_OFFSET);
      offset += message.length;
    }
    return out;
  }
}

/**
 * DownloadProgress signals on their way to every peer. The first of a burst
 * (signals emitted in one go, as the bench's flood does) is written at once,
 * as every other signal is; the rest of the burst waits for a microtask and
 * goes out as one chunk per peer instead of one socket write per signal per
 * peer. Any other signal flushes the batch first, so the order on the wire is
 * the order of emission.
 */
export class DownloadProgressBatch {
  private readonly wire: DownloadProgressWire;
  private pending: Buffer[] = [];
  private inBurst = false;

  constructor(
    interfaceName: string,
    private readonly peers: () => Iterable<PeerConnection>,
  ) {
    this.wire = new DownloadProgressWire(interfaceName);
  }

  push(args: DownloadProgressArgs): void {
    this.pending.push(this.wire.encode(args));
    if (this.inBurst) return;
    this.flush();
    this.inBurst = true;
    queueMicrotask(() => {
      this.inBurst = false;
      this.flush();
    });
  }

  /** Writes what is pending to every peer connected now. */
  flush(): void {
    if (this.pending.length === 0) return;
    const messages = this.pending;
    this.pending = [];
    for (const peer of this.peers())
      if (!peer.isClosed) peer.sendEncoded(DownloadProgressWire.withSerials(messages, peer));
  }
}
