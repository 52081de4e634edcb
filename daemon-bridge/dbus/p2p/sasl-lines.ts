/**
 * The line layer of the D-Bus SASL exchange. Both sides of a peer connection
 * read it from the socket's 'data' events, so the bytes that follow the last
 * line (GLib sends `BEGIN\r\n` and its first message in one write) are handed
 * on as they are, never pushed back into the stream (spikes §2 pitfall 2).
 */

/** What one side does after reading a line. */
export type SaslStep =
  | { readonly kind: 'reply'; readonly line: string }
  /** Authenticated; `reply` (if any) is sent before the message stream starts. */
  | { readonly kind: 'done'; readonly guid: string; readonly reply?: string }
  | { readonly kind: 'fail'; readonly reason: string };

/** No SASL line is anywhere near this long; a peer sending one is not D-Bus. */
const MAX_LINE_BYTES = 16 * 1024;

/** Splits incoming bytes into CRLF lines and keeps whatever follows them. */
export class SaslLineReader {
  private buffered: Buffer = Buffer.alloc(0);

  /** `leadingNul`: the server side, where the client's first byte must be NUL. */
  constructor(private leadingNul: boolean) {}

  /** Adds bytes received from the peer. */
  push(chunk: Buffer): void {
    if (this.leadingNul && chunk.length > 0) {
      if (chunk[0] !== 0) throw new Error('the client did not start with a NUL byte');
      this.leadingNul = false;
      chunk = chunk.subarray(1);
    }
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
  }

  /**
   * The next complete line (without CR LF), or undefined. One at a time:
   * after BEGIN the rest is binary and may well contain 0x0a bytes.
   */
  next(): string | undefined {
    const nl = this.buffered.indexOf(0x0a);
    if (nl === -1) {
      if (this.buffered.length > MAX_LINE_BYTES)
        throw new Error(`SASL line longer than ${MAX_LINE_BYTES} bytes`);
      return undefined;
    }
    const line = this.buffered.subarray(0, nl).toString('latin1').replace(/\r$/, '');
    this.buffered = this.buffered.subarray(nl + 1);
    return line;
  }

  /** Bytes after the last line taken: the start of the message stream. */
  rest(): Buffer {
    const rest = this.buffered;
    this.buffered = Buffer.alloc(0);
    return rest;
  }
}

/** Hex of the decimal uid, as SASL EXTERNAL sends it (`0` → `30`). */
export function encodeUid(uid: number): string {
  return Buffer.from(String(uid), 'ascii').toString('hex');
}

/** The uid in an EXTERNAL response, or undefined when it is not hex-encoded decimal. */
export function decodeUid(hex: string): number | undefined {
  if (!/^([0-9a-fA-F]{2})+$/.test(hex)) return undefined;
  const text = Buffer.from(hex, 'hex').toString('latin1');
  return /^\d{1,10}$/.test(text) ? Number(text) : undefined;
}
