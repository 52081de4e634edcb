import type { DownloadProgress } from './events.ts';
import { readInt64, readTuple, readUint32 } from './wire-values.ts';

/**
 * `DownloadProgress((tt)(uu)(uuu)(uuut)(uu)(tt))` → named fields. The tuple
 * order is ostree's (reference §7.3): time, outstanding, metadata, delta,
 * content, transfer.
 */
export function parseDownloadProgress(body: readonly unknown[]): DownloadProgress {
  const at = (i: number) => `DownloadProgress[${i}]`;
  const u64 = (t: readonly unknown[], i: number, j: number) =>
    readInt64(t[j], `${at(i)}[${j}]`, false);
  const u32 = (t: readonly unknown[], i: number, j: number) => readUint32(t[j], `${at(i)}[${j}]`);

  const time = readTuple(body[0], 2, at(0));
  const outstanding = readTuple(body[1], 2, at(1));
  const metadata = readTuple(body[2], 3, at(2));
  const delta = readTuple(body[3], 4, at(3));
  const content = readTuple(body[4], 2, at(4));
  const transfer = readTuple(body[5], 2, at(5));
  return {
    kind: 'download-progress',
    startTimeMicros: u64(time, 0, 0),
    elapsedSeconds: u64(time, 0, 1),
    outstandingFetches: u32(outstanding, 1, 0),
    outstandingWrites: u32(outstanding, 1, 1),
    scannedMetadata: u32(metadata, 2, 0),
    metadataFetched: u32(metadata, 2, 1),
    outstandingMetadataFetches: u32(metadata, 2, 2),
    totalDeltaParts: u32(delta, 3, 0),
    fetchedDeltaParts: u32(delta, 3, 1),
    totalDeltaSuperblocks: u32(delta, 3, 2),
    totalDeltaPartSize: u64(delta, 3, 3),
    contentFetched: u32(content, 4, 0),
    contentRequested: u32(content, 4, 1),
    bytesTransferred: u64(transfer, 5, 0),
    bytesPerSecond: u64(transfer, 5, 1),
  };
}
