import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../daemon-bridge/contract/domain.ts';
import type { ClientMessage, ServerMessage } from '../../../daemon-bridge/contract/web-protocol.ts';
import { TransportError } from '../../../renderer/transport/transport-error.ts';
import type { LinkStatus } from '../../../renderer/transport/transport.ts';
import { createWebSocketTransport } from '../../../renderer/transport/ws-client.ts';
import type {
  SocketLike,
  Timers,
  WebSocketTransport,
} from '../../../renderer/transport/ws-client.ts';
import { readyState } from './fixtures.ts';

/** A socket the test drives by hand: open it, feed it frames, close it. */
class FakeSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onerror: SocketLike['onerror'] = null;
  readonly sent: ClientMessage[] = [];
  closed = false;

  constructor(readonly url: string) {}

  send(data: string): void {
    this.sent.push(JSON.parse(data) as ClientMessage);
  }
  close(): void {
    this.closed = true;
  }
  open(): void {
    this.onopen?.(new Event('open'));
  }
  receive(message: ServerMessage | string): void {
    const data = typeof message === 'string' ? message : JSON.stringify(message);
    this.onmessage?.(new MessageEvent('message', { data }));
  }
  drop(): void {
    this.onerror?.(new Event('error'));
    this.onclose?.(new Event('close') as CloseEvent);
  }
}

/** Timers that run only when the test says so. */
class ManualTimers implements Timers {
  private queue: { callback: () => void; ms: number; handle: number }[] = [];
  private next = 1;
  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.next++;
    this.queue.push({ callback, ms, handle });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.handle !== handle);
  }
  get delays(): number[] {
    return this.queue.map((t) => t.ms);
  }
  runAll(): void {
    const due = this.queue;
    this.queue = [];
    for (const t of due) t.callback();
  }
}

const URL = 'ws://127.0.0.1:4000/ws?token=abc';
let transport: WebSocketTransport | null = null;

function setup() {
  const sockets: FakeSocket[] = [];
  const timers = new ManualTimers();
  const links: LinkStatus[] = [];
  transport = createWebSocketTransport({
    url: URL,
    timers,
    backoff: (attempt) => attempt * 100,
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
  });
  transport.onLink((status) => links.push(status));
  const current = (): FakeSocket => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error('no socket');
    return socket;
  };
  return { api: transport.api, transport, sockets, current, timers, links };
}

afterEach(() => {
  transport?.dispose();
  transport = null;
});

const denied: AppError = { kind: 'not-authorized', message: 'no' };

describe('createWebSocketTransport', () => {
  it('connects at once to the given URL and reports connecting → open', () => {
    const { sockets, current, links } = setup();
    expect(sockets.map((s) => s.url)).toEqual([URL]);
    current().open();
    expect(links).toEqual([{ kind: 'connecting' }, { kind: 'open' }]);
  });

  it('sends calls with increasing ids and resolves each with its own reply', async () => {
    const { api, current } = setup();
    current().open();
    const state = api.getState();
    const refresh = api.refresh();
    expect(current().sent).toEqual([
      { type: 'call', id: 1, command: 'getState', args: [] },
      { type: 'call', id: 2, command: 'refresh', args: [] },
    ]);
    const snapshot = readyState();
    current().receive({ type: 'reply', id: 2, value: { ok: true, value: null } });
    current().receive({ type: 'reply', id: 1, value: snapshot });
    await expect(state).resolves.toEqual(snapshot);
    await expect(refresh).resolves.toEqual({ ok: true, value: null });
  });

  it('turns "rejected" into a Result failure for Result commands and a rejection otherwise', async () => {
    const { api, current } = setup();
    current().open();
    const refresh = api.refresh();
    const state = api.getState();
    current().receive({ type: 'rejected', id: 1, error: denied });
    current().receive({ type: 'rejected', id: 2, error: denied });
    await expect(refresh).resolves.toEqual({ ok: false, error: denied });
    const rejection: unknown = await state.catch((err: unknown) => err);
    expect(rejection).toBeInstanceOf(TransportError);
    expect((rejection as TransportError).error).toEqual(denied);
  });

  it('hands pushed states to onState listeners until they unsubscribe', () => {
    const { api, current } = setup();
    current().open();
    const seen: unknown[] = [];
    const stop = api.onState((s) => seen.push(s));
    const snapshot = readyState();
    current().receive({ type: 'state', state: snapshot });
    stop();
    current().receive({ type: 'state', state: snapshot });
    expect(seen).toEqual([snapshot]);
  });

  it('drops frames it cannot parse, unknown ids and id-less rejections', async () => {
    const { api, current } = setup();
    current().open();
    const refresh = api.refresh();
    current().receive('not json');
    current().receive({ type: 'reply', id: 99, value: 1 });
    current().receive({ type: 'rejected', id: null, error: denied });
    current().receive({ type: 'reply', id: 1, value: { ok: true, value: null } });
    await expect(refresh).resolves.toEqual({ ok: true, value: null });
  });

  it('fails calls made while not connected instead of queueing them', async () => {
    const { api, current } = setup();
    await expect(api.refresh()).resolves.toMatchObject({
      ok: false,
      error: { kind: 'daemon-unavailable' },
    });
    await expect(api.getState()).rejects.toBeInstanceOf(TransportError);
    expect(current().sent).toEqual([]);
  });

  it('on close: fails pending calls, reports closed, and reconnects with growing backoff', async () => {
    const { api, sockets, current, timers, links } = setup();
    current().open();
    const refresh = api.refresh();
    const state = api.getState();
    current().drop();
    await expect(refresh).resolves.toMatchObject({
      ok: false,
      error: { kind: 'daemon-unavailable' },
    });
    await expect(state).rejects.toBeInstanceOf(TransportError);
    expect(links.at(-1)).toEqual({ kind: 'closed', attempt: 1, retryInMs: 100 });
    expect(timers.delays).toEqual([100]);

    timers.runAll();
    expect(sockets).toHaveLength(2);
    expect(links.at(-1)).toEqual({ kind: 'connecting' });
    current().drop();
    expect(links.at(-1)).toEqual({ kind: 'closed', attempt: 2, retryInMs: 200 });

    timers.runAll();
    current().open();
    expect(links.at(-1)).toEqual({ kind: 'open' });
    current().drop();
    expect(links.at(-1)).toEqual({ kind: 'closed', attempt: 1, retryInMs: 100 });
  });

  it('reconnects at once on request, cancelling the pending retry', () => {
    const { transport: t, sockets, current, timers } = setup();
    current().open();
    t.reconnect();
    expect(sockets).toHaveLength(1);
    current().drop();
    t.reconnect();
    expect(sockets).toHaveLength(2);
    expect(timers.delays).toEqual([]);
  });

  it('stops reconnecting once disposed', () => {
    const { transport: t, sockets, current, timers } = setup();
    current().open();
    t.dispose();
    expect(current().closed).toBe(true);
    current().drop();
    timers.runAll();
    expect(sockets).toHaveLength(1);
  });
});
