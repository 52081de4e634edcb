/**
 * Splits a byte stream into lines with a length cap, for both ends of the
 * helper pipe. readline would buffer an endless line without limit; this
 * drops everything up to the next newline once a line passes `maxBytes`
 * and reports it once, so one bad line costs one error reply, not memory.
 */
export type LineEvent =
  | { readonly kind: 'line'; readonly line: string }
  | { readonly kind: 'too-long'; readonly bytes: number };

export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  /** Bytes of the current line when it passed the cap and is being skipped. */
  private skipping: number | null = null;

  constructor(private readonly maxBytes: number) {}

  /** Feeds a chunk; returns the complete lines (and overlong-line notices) in it. */
  push(chunk: Buffer): LineEvent[] {
    const events: LineEvent[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const piece = chunk.subarray(start, nl < 0 ? chunk.length : nl);
      this.take(piece);
      if (nl < 0) break;
      events.push(this.finishLine());
      start = nl + 1;
    }
    return events;
  }

  /** At end of stream: a last line without newline, if any. */
  end(): LineEvent[] {
    if (this.skipping === null && this.size === 0) return [];
    return [this.finishLine()];
  }

  private take(piece: Buffer): void {
    if (piece.length === 0) return;
    if (this.skipping !== null) {
      this.skipping += piece.length;
      return;
    }
    if (this.size + piece.length > this.maxBytes) {
      this.skipping = this.size + piece.length;
      this.parts = [];
      this.size = 0;
      return;
    }
    this.parts.push(Buffer.from(piece));
    this.size += piece.length;
  }

  private finishLine(): LineEvent {
    if (this.skipping !== null) {
      const bytes = this.skipping;
      this.skipping = null;
      return { kind: 'too-long', bytes };
    }
    const line = Buffer.concat(this.parts, this.size).toString('utf8').replace(/\r$/, '');
    this.parts = [];
    this.size = 0;
    return { kind: 'line', line };
  }
}
