import { describe, expect, it } from 'vitest';
import { reduceActivity, startActivity } from '../../../daemon-bridge/activity.ts';
import type { TransactionEvent } from '../../../daemon-bridge/rpm-ostree/transaction/events.ts';

const progress = (
  fetched: number,
  requested: number,
  bytes: number,
  speed: number,
): TransactionEvent => ({
  kind: 'download-progress',
  startTimeMicros: 0,
  elapsedSeconds: 3,
  outstandingFetches: 2,
  outstandingWrites: 0,
  scannedMetadata: 5,
  metadataFetched: 4,
  outstandingMetadataFetches: 0,
  totalDeltaParts: 0,
  fetchedDeltaParts: 0,
  totalDeltaSuperblocks: 0,
  totalDeltaPartSize: 0,
  contentFetched: fetched,
  contentRequested: requested,
  bytesTransferred: bytes,
  bytesPerSecond: speed,
});

describe('reduceActivity turns the real signal sequence into the panel', () => {
  it('an upgrade from start to finish', () => {
    const events: TransactionEvent[] = [
      { kind: 'message', text: 'Receiving metadata objects' },
      { kind: 'task-begin', text: 'Scanning metadata' },
      { kind: 'task-end', text: 'done' },
      progress(100, 400, 50_000, 10_000),
      { kind: 'progress-end' },
      { kind: 'task-begin', text: 'Writing objects' },
      { kind: 'percent-progress', text: 'Writing objects', percentage: 40 },
      { kind: 'finished', success: true, message: '' },
    ];
    let a = startActivity({
      title: 'upgrade',
      initiator: 'this app',
      owner: 'this-app',
      commandLine: 'rpm-ostree upgrade',
      now: 1,
    });
    const seen = events.map((e) => (a = reduceActivity(a, e, 9)));
    // While the pull runs: 500 bytes per object so far, 300 objects left, 10 kB/s → 15 s.
    expect(seen[3]!.download).toEqual({
      bytesTransferred: 50_000,
      bytesPerSecond: 10_000,
      fetched: 100,
      requested: 400,
      metadataFetched: 4,
      outstandingFetches: 2,
      elapsedSeconds: 3,
      etaSeconds: 15,
    });
    expect(a).toEqual({
      title: 'upgrade',
      initiator: 'this app',
      owner: 'this-app',
      commandLine: 'rpm-ostree upgrade',
      phase: 'succeeded',
      tasks: [
        { text: 'Scanning metadata', done: true },
        { text: 'Writing objects', done: true },
      ],
      percent: null,
      // ProgressEnd closed the download: no stale figures once the pull is over.
      download: null,
      messages: ['Receiving metadata objects'],
      error: null,
      startedAt: 1,
      endedAt: 9,
    });
  });

  it('a failure keeps the daemon’s own words; after Cancel it is "cancelled"', () => {
    const a = startActivity({
      title: 't',
      initiator: 'i',
      owner: 'this-app',
      commandLine: null,
      now: 0,
    });
    const failed = reduceActivity(
      a,
      { kind: 'finished', success: false, message: "[7] Couldn't connect to server" },
      5,
    );
    expect([failed.phase, failed.error]).toEqual(['failed', "[7] Couldn't connect to server"]);
    const cancelled = reduceActivity(
      a,
      { kind: 'finished', success: false, message: 'Operation was cancelled' },
      5,
      true,
    );
    expect(cancelled.phase).toBe('cancelled');
  });

  it('no ETA before anything was fetched or without a speed', () => {
    const a = startActivity({
      title: 't',
      initiator: 'i',
      owner: 'this-app',
      commandLine: null,
      now: 0,
    });
    expect(reduceActivity(a, progress(0, 400, 0, 0), 1).download?.etaSeconds).toBeNull();
    expect(reduceActivity(a, progress(10, 400, 100, 0), 1).download?.etaSeconds).toBeNull();
  });

  it('keeps at most 200 message lines, newest last', () => {
    let a = startActivity({
      title: 't',
      initiator: 'i',
      owner: 'this-app',
      commandLine: null,
      now: 0,
    });
    for (let i = 0; i < 250; i++) a = reduceActivity(a, { kind: 'message', text: `line ${i}` }, 1);
    expect([a.messages.length, a.messages[0], a.messages.at(-1)]).toEqual([
      200,
      'line 50',
      'line 249',
    ]);
  });
});
