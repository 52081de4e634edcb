import { describe, expect, it } from 'vitest';
import { followTransaction } from '../../../daemon-bridge/apt-layer/follow-transaction.ts';
import type { ProgressSignal } from '../../../daemon-bridge/apt-layer/progress-events.ts';
import { ProgressHub } from '../../../daemon-bridge/apt-layer/progress-hub.ts';
import type { TransactionEvent } from '../../../daemon-bridge/rpm-ostree/transaction/events.ts';
import { ParseError } from '../../../daemon-bridge/rpm-ostree/vardict.ts';

const sig = (progress: number, message: string, id = 'T'): ProgressSignal => ({
  id,
  progress,
  message,
});
const INFO = { title: 'install tmux', initiator: '' };

function follow(hub: ProgressHub, how: 'run' | 'attach', signal?: AbortSignal) {
  const events: TransactionEvent[] = [];
  let listening = 0;
  const outcome = followTransaction({
    hub,
    id: 'T',
    info: INFO,
    how,
    handlers: { onEvent: (e) => events.push(e), onInfo: () => undefined, signal },
    listening: () => listening++,
    warn: () => undefined,
  });
  return { events, outcome, listening: () => listening };
}

describe('following an apt-layer transaction', () => {
  it('resolves with the outcome at the terminal signal', async () => {
    const hub = new ProgressHub();
    const f = follow(hub, 'run');
    hub.push(sig(40, 'Writing the layer'));
    hub.pushError('T', new ParseError('TransactionProgress.progress', 'expected an integer'));
    hub.push(sig(-1, 'Packages not found: tmux'));
    const outcome = await f.outcome;
    expect({ ...outcome, protocolErrors: outcome.protocolErrors.map((e) => e.key) }).toEqual({
      ...INFO,
      success: false,
      message: 'Packages not found: tmux',
      started: true,
      cancelRequested: false,
      protocolErrors: ['TransactionProgress.progress'],
    });
    expect(f.events.map((e) => e.kind)).toEqual(['message', 'percent-progress', 'finished']);
    expect(f.listening()).toBe(1);
  });

  it('a transaction that had already ended is replayed and settles at once', async () => {
    const hub = new ProgressHub();
    hub.push(sig(50, 'Staging deployment'));
    hub.push(sig(100, 'done'));
    const f = follow(hub, 'run');
    await expect(f.outcome).resolves.toMatchObject({ success: true, message: '' });
    expect(f.listening()).toBe(0);
    expect(f.events.at(-1)).toEqual({ kind: 'finished', success: true, message: '' });
  });

  it('aborting an observed transaction detaches; aborting our own changes nothing', async () => {
    const hub = new ProgressHub();
    const detach = new AbortController();
    const observed = follow(hub, 'attach', detach.signal);
    detach.abort();
    await expect(observed.outcome).rejects.toThrow('Stopped following the transaction.');

    const cancel = new AbortController();
    const own = follow(new ProgressHub(), 'run', cancel.signal);
    cancel.abort();
    let settled = false;
    void own.outcome.finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false);
  });

  it('rejects when the hub loses the transaction', async () => {
    const hub = new ProgressHub();
    const f = follow(hub, 'run');
    hub.loseAll(() => new Error('gone'));
    await expect(f.outcome).rejects.toThrow('gone');
  });
});
