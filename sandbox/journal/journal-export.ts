/**
 * systemd's Journal Export Format (what `journalctl -o export` prints and
 * systemd-journal-remote reads): one entry is a run of `FIELD=value` lines
 * closed by an empty line; a value holding a newline is written binary-safe
 * as `FIELD\n`, its length as a little-endian 64-bit integer, the bytes and
 * `\n`. Fields named `__REALTIME_TIMESTAMP`, `__MONOTONIC_TIMESTAMP` and
 * `_BOOT_ID` set the entry's clocks and boot, as a real journal records them.
 */

/** One journal entry: the two clocks in microseconds, the boot, and its fields. */
export interface JournalRecord {
  readonly realtimeUs: bigint;
  readonly monotonicUs: bigint;
  /** 32 lowercase hex digits. */
  readonly bootId: string;
  readonly fields: Readonly<Record<string, string>>;
}

const FIELD_NAME = /^[A-Z0-9_]+$/;

function field(name: string, value: string): Buffer {
  if (!FIELD_NAME.test(name)) throw new Error(`not a journal field name: ${name}`);
  if (!value.includes('\n')) return Buffer.from(`${name}=${value}\n`, 'utf8');
  const data = Buffer.from(value, 'utf8');
  const size = Buffer.alloc(8);
  size.writeBigUInt64LE(BigInt(data.length));
  return Buffer.concat([Buffer.from(`${name}\n`), size, data, Buffer.from('\n')]);
}

/** The export-format bytes of `records`, in order. */
export function exportFormat(records: readonly JournalRecord[]): Buffer {
  const parts: Buffer[] = [];
  for (const r of records) {
    parts.push(
      field('__REALTIME_TIMESTAMP', r.realtimeUs.toString()),
      field('__MONOTONIC_TIMESTAMP', r.monotonicUs.toString()),
      field('_BOOT_ID', r.bootId),
    );
    for (const [name, value] of Object.entries(r.fields)) parts.push(field(name, value));
    parts.push(Buffer.from('\n'));
  }
  return Buffer.concat(parts);
}
