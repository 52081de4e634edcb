/**
 * runTransaction / attachTransaction against the Node demo server
 * (createPeerServer) running in a separate process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';
import {
  TransactionVanishedError,
  attachTransaction,
  runTransaction,
} from '../../daemon-bridge/rpm-ostree/transaction/index.ts';
import type { TransactionEvent } from '../../daemon-bridge/rpm-ostree/transaction/index.ts';
import { tempDir } from '../support/temp-dir.ts';
import { startNodeServer } from './p2p-processes.ts';
import type { ServerProcess } from './p2p-processes.ts';
import { DEMO, FAIL_EVENTS, OK_EVENTS } from './p2p-txn-steps.ts';

const profile = RPM_OSTREE;
const INFO = { title: DEMO.title, initiator: DEMO.initiator };

/** Collects events; `until` resolves when the first event of a kind arrives. */
function recorder() {
  const events: TransactionEvent[] = [];
  const waiters: [TransactionEvent['kind'], () => void][] = [];
  return {
    events,
    onEvent: (e: TransactionEvent) => {
      events.push(e);
      for (const [kind, wake] of waiters) if (kind === e.kind) wake();
    },
    until: (kind: TransactionEvent['kind']) =>
      new Promise<void>((resolve) => {
        if (events.some((e) => e.kind === kind)) resolve();
        else waiters.push([kind, resolve]);
      }),
  };
}

describe('transactions against a Node peer server process', () => {
  const dir = tempDir('p2p-node');
  let server: ServerProcess;
  const address = (name: string) => server.addresses[name] ?? '';

  beforeAll(async () => {
    server = await startNodeServer(dir.path, {
      ok: 'ok',
      fail: 'fail',
      cancel: 'cancel',
      early: 'cancel',
      detach: 'cancel',
      throwing: 'ok',
    });
  });
  afterAll(async () => {
    await server?.proc.stop();
    dir.remove();
  });

  it('runs to Finished with every event typed, then a late Start joins (false + re-emitted Finished)', async () => {
    const first = recorder();
    const infos: unknown[] = [];
    const outcome = await runTransaction(address('ok'), {
      profile,
      onEvent: first.onEvent,
      onInfo: (info) => infos.push(info),
    });
    expect({ outcome, infos, events: first.events }).toEqual({
      outcome: {
        ...INFO,
        success: true,
        message: '',
        started: true,
        cancelRequested: false,
        protocolErrors: [],
      },
      infos: [INFO],
      events: OK_EVENTS,
    });

    const late = recorder();
    const joined = await runTransaction(address('ok'), { profile, onEvent: late.onEvent });
    expect({ started: joined.started, success: joined.success, events: late.events }).toEqual({
      started: false,
      success: true,
      events: [{ kind: 'finished', success: true, message: '' }],
    });

    const attached = await attachTransaction(address('ok'), {
      profile,
      join: true,
      onEvent: () => undefined,
    });
    expect([attached.started, attached.success]).toEqual([false, true]);
    await expect
      .poll(() => server.calls('ok'))
      .toEqual(['Start:true', 'Start:false', 'Start:false']);
  });

  it('resolves (not rejects) a failed transaction with the daemon’s message', async () => {
    const rec = recorder();
    const outcome = await runTransaction(address('fail'), { profile, onEvent: rec.onEvent });
    expect([outcome.success, outcome.message, outcome.started]).toEqual([
      false,
      DEMO.failure,
      true,
    ]);
    expect(rec.events).toEqual(FAIL_EVENTS);
  });

  it('abort calls Cancel and keeps waiting for Finished; an observer sees the same end', async () => {
    const observer = recorder();
    const runner = recorder();
    const controller = new AbortController();
    const run = runTransaction(address('cancel'), {
      profile,
      onEvent: runner.onEvent,
      signal: controller.signal,
    });
    await runner.until('percent-progress');
    const watch = attachTransaction(address('cancel'), { profile, onEvent: observer.onEvent });
    await observer.until('percent-progress');
    controller.abort();
    const [outcome, watched] = await Promise.all([run, watch]);
    expect([outcome.success, outcome.message, outcome.cancelRequested]).toEqual([
      false,
      DEMO.cancelled,
      true,
    ]);
    expect([watched.started, watched.success, watched.message]).toEqual([
      false,
      false,
      DEMO.cancelled,
    ]);
    expect(runner.events.at(-1)).toEqual({
      kind: 'finished',
      success: false,
      message: DEMO.cancelled,
    });
    expect(observer.events.at(-1)).toEqual(runner.events.at(-1));
    await expect.poll(() => server.calls('cancel')).toEqual(['Start:true', 'Cancel']);
  });

  it('an already-aborted signal still starts (never leaves it unstarted), then cancels', async () => {
    const outcome = await runTransaction(address('early'), {
      profile,
      onEvent: () => undefined,
      signal: AbortSignal.abort(),
    });
    expect([outcome.started, outcome.success, outcome.cancelRequested]).toEqual([
      true,
      false,
      true,
    ]);
    await expect.poll(() => server.calls('early')).toEqual(['Start:true', 'Cancel']);
  });

  it('aborting an observer detaches without cancelling anything', async () => {
    const runner = recorder();
    const controller = new AbortController();
    const stopRunner = new AbortController();
    const run = runTransaction(address('detach'), {
      profile,
      onEvent: runner.onEvent,
      signal: stopRunner.signal,
    });
    const observer = recorder();
    const watch = attachTransaction(address('detach'), {
      profile,
      onEvent: observer.onEvent,
      signal: controller.signal,
    });
    await observer.until('percent-progress');
    controller.abort(new Error('user closed the window'));
    await expect(watch).rejects.toThrow('user closed the window');
    const seen = runner.events.length;
    await new Promise((r) => setTimeout(r, 60));
    expect(runner.events.length).toBeGreaterThan(seen); // still running
    await expect.poll(() => server.calls('detach')).toEqual(['Start:true']);
    stopRunner.abort();
    expect((await run).message).toBe(DEMO.cancelled);
  });

  it('an onEvent that throws does not abandon the transaction; its error comes after Finished', async () => {
    const seen: string[] = [];
    const onEvent = (e: TransactionEvent) => {
      seen.push(e.kind);
      if (e.kind === 'task-begin') throw new Error('listener bug');
    };
    const err: unknown = await runTransaction(address('throwing'), { profile, onEvent }).catch(
      (e: unknown) => e,
    );
    expect([(err as Error).message, seen.length, seen.at(-1)]).toEqual([
      'listener bug',
      OK_EVENTS.length,
      'finished',
    ]);
  });
});

describe('a peer server killed mid-transaction', () => {
  const dir = tempDir('p2p-kill');
  afterAll(() => dir.remove());

  it('rejects runner and observer promptly with TransactionVanishedError', async () => {
    const server = await startNodeServer(dir.path, { hang: 'hang' });
    try {
      const runner = recorder();
      const run = runTransaction(server.addresses.hang ?? '', { profile, onEvent: runner.onEvent });
      await runner.until('task-begin');
      const watch = attachTransaction(server.addresses.hang ?? '', {
        profile,
        onEvent: () => undefined,
      });
      await new Promise((r) => setTimeout(r, 50));
      const killedAt = Date.now();
      process.kill(-(server.proc.child.pid ?? 0), 'SIGKILL');
      const [ran, watched] = await Promise.allSettled([run, watch]);
      expect(Date.now() - killedAt).toBeLessThan(2_000);
      expect(ran.status === 'rejected' && ran.reason).toBeInstanceOf(TransactionVanishedError);
      expect(watched.status === 'rejected' && watched.reason).toBeInstanceOf(
        TransactionVanishedError,
      );
      expect(String((ran as PromiseRejectedResult).reason)).toMatch(
        /vanished mid-transaction.*upgrade \(download only\)/,
      );
      expect((ran as PromiseRejectedResult).reason).toMatchObject({
        errorName: 'org.freedesktop.DBus.Error.Disconnected',
        title: DEMO.title,
      });
    } finally {
      await server.proc.stop();
    }
  });
});
