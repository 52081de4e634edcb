import { describe, expect, it } from 'vitest';
import { parseDownloadProgress } from '../../../daemon-bridge/rpm-ostree/transaction/parse-download-progress.ts';

describe('DownloadProgress((tt)(uu)(uuu)(uuut)(uu)(tt)) field mapping', () => {
  it('names every member by ostree progress key, BigInt → number', () => {
    // Every value is distinct, so a swapped or shifted field cannot pass.
    const body = [
      [86_400_000_000n, 12n],
      [3, 4],
      [50, 40, 5],
      [7, 6, 1, 9_007_199_254_740_991n],
      [700, 900],
      [4_294_967_296n, 65_536n],
    ];
    expect(parseDownloadProgress(body)).toEqual({
      kind: 'download-progress',
      startTimeMicros: 86_400_000_000,
      elapsedSeconds: 12,
      outstandingFetches: 3,
      outstandingWrites: 4,
      scannedMetadata: 50,
      metadataFetched: 40,
      outstandingMetadataFetches: 5,
      totalDeltaParts: 7,
      fetchedDeltaParts: 6,
      totalDeltaSuperblocks: 1,
      totalDeltaPartSize: Number.MAX_SAFE_INTEGER,
      contentFetched: 700,
      contentRequested: 900,
      bytesTransferred: 4_294_967_296,
      bytesPerSecond: 65_536,
    });
  });

  it('accepts plain numbers for t members (a setBigIntCompat(false)-style peer)', () => {
    const event = parseDownloadProgress([
      [1, 2],
      [0, 0],
      [0, 0, 0],
      [0, 0, 0, 3],
      [0, 0],
      [4, 5],
    ]);
    expect([event.startTimeMicros, event.totalDeltaPartSize, event.bytesPerSecond]).toEqual([
      1, 3, 5,
    ]);
  });

  it('refuses 2^53 and beyond instead of rounding', () => {
    expect(() =>
      parseDownloadProgress([
        [2n ** 53n, 0n],
        [0, 0],
        [0, 0, 0],
        [0, 0, 0, 0n],
        [0, 0],
        [0n, 0n],
      ]),
    ).toThrow(/DownloadProgress\[0\]\[0\].*beyond the range/);
  });
});
