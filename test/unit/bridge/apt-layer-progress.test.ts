import { describe, expect, it } from 'vitest';
import {
  parseProgressSignal,
  progressEvents,
} from '../../../daemon-bridge/apt-layer/progress-events.ts';
import type { ProgressSignal } from '../../../daemon-bridge/apt-layer/progress-events.ts';
import { ProgressHub } from '../../../daemon-bridge/apt-layer/progress-hub.ts';
import { reduceActivity, startActivity } from '../../../daemon-bridge/activity.ts';
import type { TransactionEvent } from '../../../daemon-bridge/rpm-ostree/transaction/events.ts';
import { ParseError } from '../../../daemon-bridge/rpm-ostree/vardict.ts';
import { parseErrorOf } from '../../support/parse-error.ts';

const sig = (progress: number, message: string, id = 'T'): ProgressSignal => ({
  id,
  progress,
  message,
});

/** The events of a whole signal sequence, as the link hands them on. */
function eventsOf(signals: readonly ProgressSignal[]): TransactionEvent[] {
  let previous: string | null = null;
  const out: TransactionEvent[] = [];
  for (const s of signals) {
    out.push(...progressEvents(s, previous));
    previous = s.message;
  }
  return out;
}

describe('TransactionProgress', () => {
  it('parses (s id, i progress, s message)', () => {
    expect(parseProgressSignal(['T1', 40, 'Writing the layer'])).toEqual(
      sig(40, 'Writing the layer', 'T1'),
    );
    expect(parseProgressSignal(['T1', -1, 'boom'])).toEqual(sig(-1, 'boom', 'T1'));
  });

  it.each([
    ['too few arguments', ['T', 5], 'TransactionProgress'],
    ['an empty id', ['', 5, 'x'], 'TransactionProgress.id'],
    ['progress as text', ['T', '5', 'x'], 'TransactionProgress.progress'],
    ['progress above 100', ['T', 101, 'x'], 'TransactionProgress.progress'],
    ['progress -2', ['T', -2, 'x'], 'TransactionProgress.progress'],
    ['a fraction', ['T', 2.5, 'x'], 'TransactionProgress.progress'],
    ['message not a string', ['T', 5, null], 'TransactionProgress.message'],
  ])('%s → a ParseError naming %s', (_what, body, key) => {
    expect(parseErrorOf(() => parseProgressSignal(body)).key).toBe(key);
  });

  it('a successful transaction: steps as a bar and a log, then finished', () => {
    expect(
      eventsOf([
        sig(5, 'Reading the system'),
        sig(15, 'Resolving tmux'),
        sig(15, 'Resolving tmux'),
        sig(80, 'Staging deployment'),
        sig(100, 'done'),
      ]),
    ).toEqual([
      { kind: 'message', text: 'Reading the system' },
      { kind: 'percent-progress', text: 'Reading the system', percentage: 5 },
      { kind: 'message', text: 'Resolving tmux' },
      { kind: 'percent-progress', text: 'Resolving tmux', percentage: 15 },
      { kind: 'percent-progress', text: 'Resolving tmux', percentage: 15 },
      { kind: 'message', text: 'Staging deployment' },
      { kind: 'percent-progress', text: 'Staging deployment', percentage: 80 },
      { kind: 'progress-end' },
      { kind: 'finished', success: true, message: '' },
    ]);
  });

  it('a final line other than "done" is kept as a message', () => {
    expect(eventsOf([sig(100, 'No upgrade available.')])).toEqual([
      { kind: 'message', text: 'No upgrade available.' },
      { kind: 'progress-end' },
      { kind: 'finished', success: true, message: '' },
    ]);
  });

  it('a failure ends with the daemon’s error text', () => {
    expect(eventsOf([sig(15, 'Resolving nope'), sig(-1, 'Packages not found: nope')])).toEqual([
      { kind: 'message', text: 'Resolving nope' },
      { kind: 'percent-progress', text: 'Resolving nope', percentage: 15 },
      { kind: 'finished', success: false, message: 'Packages not found: nope' },
    ]);
    expect(eventsOf([sig(-1, '')])).toEqual([
      { kind: 'finished', success: false, message: 'The transaction failed.' },
    ]);
  });

  it('drives the activity panel like any transaction', () => {
    let a = startActivity({
      title: 'packages',
      initiator: 'this app',
      owner: 'this-app',
      commandLine: null,
      now: 0,
    });
    for (const e of eventsOf([sig(30, 'Resolving tmux')])) a = reduceActivity(a, e, 1);
    expect(a.percent).toEqual({ text: 'Resolving tmux', value: 30 });
    for (const e of eventsOf([sig(-1, 'Packages not found: tmux')])) a = reduceActivity(a, e, 2);
    expect(a).toMatchObject({ phase: 'failed', error: 'Packages not found: tmux', percent: null });
  });
});

describe('ProgressHub', () => {
  /** A follower that records what it is handed. */
  const followerOf = (id: string) => {
    const seen: ProgressSignal[] = [];
    const lost: string[] = [];
    const errors: string[] = [];
    return {
      seen,
      lost,
      errors,
      follower: {
        id,
        deliver: (s: ProgressSignal) => void seen.push(s),
        protocolError: (e: ParseError) => void errors.push(e.key),
        lost: (e: Error) => void lost.push(e.message),
      },
    };
  };

  it('replays what arrived before the follower, then streams the rest', () => {
    const hub = new ProgressHub();
    hub.push(sig(5, 'a', 'T'));
    hub.push(sig(9, 'other', 'U'));
    const f = followerOf('T');
    hub.follow(f.follower);
    hub.push(sig(50, 'b', 'T'));
    hub.pushError('T', new ParseError('TransactionProgress.progress', 'bad'));
    hub.push(sig(100, 'done', 'T'));
    hub.push(sig(100, 'done', 'T'));
    expect({ progress: f.seen.map((s) => s.progress), errors: f.errors }).toEqual({
      progress: [5, 50, 100],
      errors: ['TransactionProgress.progress'],
    });
    expect(hub.isFollowed('T')).toBe(false);
  });

  it('a transaction that ended before anyone followed it is replayed to its end at once', () => {
    const hub = new ProgressHub();
    hub.push(sig(5, 'a'));
    hub.push(sig(-1, 'failed'));
    const f = followerOf('T');
    hub.follow(f.follower);
    expect(f.seen.map((s) => s.progress)).toEqual([5, -1]);
    expect(hub.isFollowed('T')).toBe(false);
  });

  it('settles only followers registered before the Status read that no longer shows them', () => {
    const hub = new ProgressHub();
    const error = (id: string) => new ParseError('TransactionProgress', `lost ${id}`);
    const markBefore = hub.mark;
    const f = followerOf('A');
    hub.follow(f.follower);
    hub.settle(null, markBefore, error);
    expect(f.lost).toEqual([]);
    hub.settle('A', hub.mark, error);
    expect(f.lost).toEqual([]);
    hub.settle(null, hub.mark, error);
    expect(f.lost).toEqual(['Malformed daemon reply at TransactionProgress: lost A']);
  });

  it('keeps the signals of a bounded number of unfollowed transactions', () => {
    const hub = new ProgressHub();
    for (let i = 0; i < 40; i++) hub.push(sig(1, 'x', `T${i}`));
    const first = followerOf('T0');
    hub.follow(first.follower);
    const last = followerOf('T39');
    hub.follow(last.follower);
    expect([first.seen.length, last.seen.length]).toEqual([0, 1]);
  });
});
