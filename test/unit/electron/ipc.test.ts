import { hostileArgs, VALID_ARGS } from '../../support/hostile-args.ts';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { CommandHandler } from '../../../daemon-bridge/contract/api.ts';
import {
  channelOf,
  commandNames,
  STATE_CHANNEL,
} from '../../../daemon-bridge/contract/commands.ts';
import { silentLogger } from '../../../daemon-bridge/logger.ts';
import { forwardState, isTrustedSender, registerCommandIpc } from '../../../electron/ipc.ts';
import type { StateTarget } from '../../../electron/ipc.ts';
import { fakeHandler, STATE_A, STATE_B } from '../web/web-kit.ts';
import { FakeWebContents, fakeIpcMain, senderEvent } from './electron-fakes.ts';
import { reliabilityTally } from '../../support/reliability/ledger.ts';

const refused = reliabilityTally(
  'ipc-payloads',
  'IPC payloads that fail the contract schema, per channel',
);
afterAll(() => refused.flush());

vi.mock('electron', () => {
  throw new Error('ipc.ts must get ipcMain injected');
});

const OURS = senderEvent('app://bundle/index.html');

function setup(handler: CommandHandler = fakeHandler()) {
  const ipc = fakeIpcMain();
  const dispose = registerCommandIpc(ipc, handler, silentLogger);
  return { ipc, dispose };
}

describe('IPC sender check', () => {
  it.each([
    ['a file:// page', senderEvent('file:///home/u/index.html')],
    ['a web page', senderEvent('https://evil.example/')],
    ['another app:// host', senderEvent('app://evil/index.html')],
    ['a sub-frame of our page', senderEvent('app://bundle/index.html', false)],
    ['a destroyed frame', senderEvent(null)],
    ['devtools', senderEvent('devtools://devtools/bundled/index.html')],
  ])('refuses %s without calling the handler', async (_what, event) => {
    const handler = fakeHandler();
    const { ipc } = setup(handler);
    for (const name of commandNames)
      expect(await ipc.invoke(channelOf(name), event)).toEqual({
        ok: false,
        error: { kind: 'not-authorized', message: 'The caller is not part of this app.' },
      });
    expect(handler.calls).toEqual([]);
  });

  it('trusts the top frame of our bundle', () => {
    expect(isTrustedSender(OURS)).toBe(true);
    expect(isTrustedSender(senderEvent('app://bundle/assets/x.html'))).toBe(true);
  });
});

describe('IPC command channels', () => {
  it('registers exactly one handler per command, and removes them again', () => {
    const { ipc, dispose } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(commandNames.map(channelOf).sort());
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('passes a valid call to the handler and wraps its value', async () => {
    const handler = fakeHandler();
    const { ipc } = setup(handler);
    expect(await ipc.invoke('updates:get-state', OURS)).toEqual({ ok: true, value: STATE_A });
    expect(await ipc.invoke('updates:refresh', OURS)).toEqual({
      ok: true,
      value: { ok: true, value: null },
    });
    expect(handler.calls).toEqual([
      { name: 'getState', args: [] },
      { name: 'refresh', args: [] },
    ]);
  });

  const cyclic: unknown[] = [];
  cyclic.push(cyclic);
  for (const name of commandNames)
    it.each([...hostileArgs(name), ['an unserialisable cycle', [cyclic]] as const])(
      `${name}: rejects %s as invalid input`,
      async (_what, args) => {
        const handler = fakeHandler();
        const { ipc } = setup(handler);
        expect(await ipc.invoke(channelOf(name), OURS, ...args)).toMatchObject({
          ok: false,
          error: { kind: 'invalid-input' },
        });
        expect(handler.calls).toEqual([]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        refused.count();
      },
    );

  it.each(commandNames)('%s: a valid payload reaches the handler', async (name) => {
    const handler = fakeHandler();
    const { ipc } = setup(handler);
    expect(await ipc.invoke(channelOf(name), OURS, ...VALID_ARGS[name])).toMatchObject({
      ok: true,
    });
    expect(handler.calls).toEqual([{ name, args: VALID_ARGS[name] }]);
  });

  it('resolves a throwing handler to an error value instead of rejecting', async () => {
    const { ipc } = setup({
      handle: () => Promise.reject(new Error('bug')),
      subscribe: () => () => undefined,
    });
    expect(await ipc.invoke('updates:get-state', OURS)).toEqual({
      ok: false,
      error: { kind: 'protocol', message: 'bug' },
    });
  });
});

describe('forwardState', () => {
  it('pushes every snapshot on the state channel until the contents are destroyed', () => {
    const handler = fakeHandler();
    const contents = new FakeWebContents();
    forwardState(handler, contents as unknown as StateTarget);
    handler.emit(STATE_B);
    expect(contents.send.mock.calls).toEqual([[STATE_CHANNEL, STATE_B]]);
    contents.destroyed = true;
    handler.emit(STATE_A);
    contents.emit('destroyed');
    handler.emit(STATE_B);
    expect(contents.send).toHaveBeenCalledOnce();
    expect(handler.listenerCount()).toBe(0);
  });
});
