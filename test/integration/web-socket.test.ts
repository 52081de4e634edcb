import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommandHandler } from '../../daemon-bridge/contract/api.ts';
import { MAX_PAYLOAD_BYTES } from '../../daemon-bridge/contract/commands.ts';
import { commandNames } from '../../daemon-bridge/contract/channels.ts';
import { hostileArgs } from '../support/hostile-args.ts';
import { silentLogger } from '../../daemon-bridge/logger.ts';
import { startWebServer } from '../../daemon-bridge/web/server.ts';
import type { WebServer } from '../../daemon-bridge/web/server.ts';
import { tempDir } from '../support/temp-dir.ts';
import { fakeHandler, openSocket, settle, STATE_A, STATE_B } from '../unit/web/web-kit.ts';
import type { FakeHandler, TestSocket } from '../unit/web/web-kit.ts';
import { reliabilityTally } from '../support/reliability/ledger.ts';

const refused = reliabilityTally(
  'web-mode',
  'WebSocket connections and frames refused (token, Origin, Host, schema, size)',
);
afterAll(() => refused.flush());

const TOKEN = 'c'.repeat(64);
const dir = tempDir('web-socket');
let handler: FakeHandler;
let server: WebServer;
const open: TestSocket[] = [];

beforeAll(async () => {
  handler = fakeHandler();
  server = await startWebServer({
    handler,
    rendererDir: dir.path,
    token: TOKEN,
    log: silentLogger,
  });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  handler.calls.length = 0;
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

const origin = () => `http://127.0.0.1:${server.port}`;
const wsUrl = (token = TOKEN, path = '/ws') =>
  `ws://127.0.0.1:${server.port}${path}?token=${token}`;

async function connect(): Promise<TestSocket> {
  const socket = await openSocket(wsUrl(), { origin: origin() });
  open.push(socket);
  return socket;
}

/** Connects, takes the initial state, sends one frame and returns the answer. */
async function answer(frame: string): Promise<unknown> {
  const socket = await connect();
  await socket.next();
  socket.send(frame);
  return socket.next();
}

describe('web-mode WebSocket: who may connect', () => {
  it.each([
    ['no token', () => `ws://127.0.0.1:${server.port}/ws`, origin],
    ['a wrong token', () => wsUrl('d'.repeat(64)), origin],
    ['an empty token', () => wsUrl(''), origin],
    ['a foreign Origin', () => wsUrl(), () => 'http://evil.example'],
    ['an Origin on another port', () => wsUrl(), () => 'http://127.0.0.1:1'],
    ['a null Origin', () => wsUrl(), () => 'null'],
  ])('refuses %s', async (_what, url, from) => {
    await expect(openSocket(url(), { origin: from() })).rejects.toThrow('refused: 403');
    refused.count();
  });

  it('refuses a missing Origin', async () => {
    await expect(openSocket(wsUrl())).rejects.toThrow('refused: 403');
  });

  it('refuses a foreign Host header', async () => {
    await expect(
      openSocket(wsUrl(), { origin: origin(), headers: { host: 'evil.example' } }),
    ).rejects.toThrow('refused: 403');
  });

  it('refuses other paths', async () => {
    await expect(openSocket(wsUrl(TOKEN, '/socket'), { origin: origin() })).rejects.toThrow(
      'refused: 404',
    );
  });

  it('accepts the localhost Origin', async () => {
    const socket = await openSocket(wsUrl(), { origin: `http://localhost:${server.port}` });
    open.push(socket);
    expect(await socket.next()).toEqual({ type: 'state', state: STATE_A });
  });
});

describe('web-mode WebSocket: protocol', () => {
  it('sends the state on connect and every new snapshot after', async () => {
    const socket = await connect();
    expect(await socket.next()).toEqual({ type: 'state', state: STATE_A });
    handler.emit(STATE_B);
    expect(await socket.next()).toEqual({ type: 'state', state: STATE_B });
    handler.emit(STATE_A);
    expect(await socket.next()).toEqual({ type: 'state', state: STATE_A });
  });

  it('drops a late initial state once a newer snapshot was pushed', async () => {
    const slow = fakeHandler();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // getState reads the state when called but answers only after the gate opens: stale by then.
    const handler: CommandHandler = {
      subscribe: (listener) => slow.subscribe(listener),
      async handle(name, args) {
        const answer = slow.handle(name, args);
        if (name === 'getState') await gate;
        return answer;
      },
    };
    const other = await startWebServer({
      handler,
      rendererDir: dir.path,
      token: TOKEN,
      log: silentLogger,
    });
    const socket = await openSocket(`ws://127.0.0.1:${other.port}/ws?token=${TOKEN}`, {
      origin: `http://127.0.0.1:${other.port}`,
    });
    await vi.waitFor(() => expect(slow.listenerCount()).toBe(1));
    slow.emit(STATE_B);
    release();
    expect(await socket.next()).toEqual({ type: 'state', state: STATE_B });
    await settle();
    expect(socket.queued).toEqual([]);
    await socket.close();
    await other.close();
  });

  it('unsubscribes when the socket closes', async () => {
    const before = handler.listenerCount();
    const socket = await connect();
    await socket.next();
    expect(handler.listenerCount()).toBe(before + 1);
    await socket.close();
    await settle();
    expect(handler.listenerCount()).toBe(before);
  });

  it('answers a good call with a reply', async () => {
    const reply = await answer(
      JSON.stringify({ type: 'call', id: 7, command: 'refresh', args: [] }),
    );
    expect(reply).toEqual({ type: 'reply', id: 7, value: { ok: true, value: null } });
    expect(handler.calls).toContainEqual({ name: 'refresh', args: [] });
  });

  const call = (command: string, args: unknown, extra = '') =>
    `{"type":"call","id":3,"command":${JSON.stringify(command)},"args":${JSON.stringify(args)}${extra}}`;

  it.each([
    ['an unknown command', call('reboot', [])],
    ['an extra argument to getState', call('getState', [1])],
    ['an extra argument to refresh', call('refresh', [{}])],
    ['a wrong-typed argument', call('refresh', ['now'])],
    ['a huge string', call('refresh', ['x'.repeat(MAX_PAYLOAD_BYTES - 200)])],
    ['a frame over the size limit', call('refresh', ['x'.repeat(MAX_PAYLOAD_BYTES + 10)])],
    [
      'a __proto__ key in the arguments',
      '{"type":"call","id":3,"command":"refresh","args":[{"__proto__":{"x":1}}]}',
    ],
    ['a __proto__ key on the message', call('refresh', [], ',"__proto__":{"admin":true}')],
    ['an extra key on the message', call('refresh', [], ',"extra":1')],
    ['args that are not a list', call('refresh', {})],
  ])('rejects %s without calling the handler', async (_what, frame) => {
    const reply = await answer(frame);
    expect(reply).toMatchObject({ type: 'rejected', id: 3, error: { kind: 'invalid-input' } });
    expect(handler.calls.filter((c) => c.name !== 'getState')).toEqual([]);
    refused.count();
  });

  for (const name of commandNames) {
    const cases = hostileArgs(name).filter(([, args]) => {
      try {
        JSON.stringify(args);
        return true;
      } catch {
        return false; // BigInt: a WebSocket frame cannot carry it
      }
    });
    it.each(cases)(`${name}: rejects %s without calling the handler`, async (_what, args) => {
      const reply = await answer(call(name, args));
      expect(reply).toMatchObject({ type: 'rejected', id: 3, error: { kind: 'invalid-input' } });
      expect(handler.calls.filter((c) => c.name !== 'getState')).toEqual([]);
      refused.count();
    });
  }

  it('names the size limit when a frame is over it', async () => {
    const reply = await answer(call('refresh', ['x'.repeat(MAX_PAYLOAD_BYTES + 10)]));
    expect(reply).toMatchObject({ type: 'rejected', id: 3, error: { kind: 'invalid-input' } });
    expect((reply as { error: { message: string } }).error.message).toContain('larger than');
  });

  it.each([
    ['malformed JSON', '{"type":"call",'],
    ['a non-object', '42'],
    ['a negative id', '{"type":"call","id":-1,"command":"refresh","args":[]}'],
    ['a string id', '{"type":"call","id":"1","command":"refresh","args":[]}'],
  ])('rejects %s with id null and keeps the connection', async (_what, frame) => {
    const socket = await connect();
    await socket.next();
    socket.send(frame);
    expect(await socket.next()).toMatchObject({
      type: 'rejected',
      id: null,
      error: { kind: 'invalid-input' },
    });
    socket.send(JSON.stringify({ type: 'call', id: 9, command: 'getState', args: [] }));
    expect(await socket.next()).toEqual({ type: 'reply', id: 9, value: STATE_A });
  });

  it('rejects binary frames', async () => {
    const socket = await connect();
    await socket.next();
    socket.ws.send(Buffer.from('{"type":"call","id":1,"command":"refresh","args":[]}'), {
      binary: true,
    });
    expect(await socket.next()).toMatchObject({ type: 'rejected', id: null });
  });

  it('closes the connection on a frame far beyond the limit (ws maxPayload)', async () => {
    const socket = await connect();
    await socket.next();
    const closed = new Promise<number>((resolve) =>
      socket.ws.once('close', (code) => resolve(code)),
    );
    socket.send(call('refresh', ['x'.repeat(4 * MAX_PAYLOAD_BYTES)]));
    expect(await closed).toBe(1009);
  });
});
