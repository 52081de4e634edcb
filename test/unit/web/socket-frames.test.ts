import { describe, expect, it, vi } from 'vitest';
import type { CommandHandler } from '../../../daemon-bridge/contract/api.ts';
import { dispatchCommand, payloadSize } from '../../../daemon-bridge/dispatch.ts';
import { printWebUrl } from '../../../daemon-bridge/web/server.ts';
import { checkClientFrame } from '../../../daemon-bridge/web/socket-session.ts';
import { fakeHandler } from './web-kit.ts';

describe('client frames', () => {
  it('accepts a call envelope', () => {
    expect(checkClientFrame('{"type":"call","id":1,"command":"refresh","args":[]}')).toEqual({
      ok: true,
      type: 'call',
      id: 1,
      command: 'refresh',
      args: [],
    });
  });

  it('echoes a usable id when the rest is wrong', () => {
    expect(checkClientFrame('{"type":"cast","id":4,"command":"refresh","args":[]}')).toMatchObject({
      ok: false,
      id: 4,
    });
    expect(checkClientFrame('{"type":"call","id":1.5}')).toMatchObject({ ok: false, id: null });
    expect(checkClientFrame('null')).toMatchObject({ ok: false, id: null });
    expect(checkClientFrame('{')).toEqual({
      ok: false,
      id: null,
      error: { kind: 'invalid-input', message: 'Malformed JSON' },
    });
  });
});

describe('dispatchCommand', () => {
  it('calls the handler with validated arguments', async () => {
    const handler = fakeHandler();
    expect(await dispatchCommand(handler, 'refresh', [])).toEqual({
      ok: true,
      value: { ok: true, value: null },
    });
    expect(handler.calls).toEqual([{ name: 'refresh', args: [] }]);
  });

  it('turns a throwing handler into a protocol error value', async () => {
    const handler: CommandHandler = {
      handle: () => Promise.reject(new Error('boom')),
      subscribe: () => () => undefined,
    };
    expect(await dispatchCommand(handler, 'getState', [])).toEqual({
      ok: false,
      error: { kind: 'protocol', message: 'boom' },
    });
  });

  it('measures payloads and survives unserialisable ones', () => {
    expect(payloadSize(['é'])).toBe(6);
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(payloadSize(cyclic)).toBeNull();
    expect(payloadSize([1n])).toBeNull();
  });
});

describe('printWebUrl', () => {
  it('prints exactly one URL line with the token', () => {
    const write = vi.fn();
    printWebUrl({ port: 4321, token: 'f00d' }, write);
    expect(write.mock.calls).toEqual([['URL: http://127.0.0.1:4321/?token=f00d\n']]);
  });
});
