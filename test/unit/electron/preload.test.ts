import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { UpdatesApi } from '../../../daemon-bridge/contract/api.ts';
import { commandNames, STATE_CHANNEL } from '../../../daemon-bridge/contract/commands.ts';
import { STATE_A } from '../web/web-kit.ts';

type Relay = (event: unknown, state: unknown) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(),
      send: vi.fn(),
      on: vi.fn((channel: string, l: (...a: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(l);
      }),
      removeListener: vi.fn((channel: string, l: (...a: unknown[]) => void) => {
        listeners.get(channel)?.delete(l);
      }),
    },
  };
});
vi.mock('electron', () => ({
  contextBridge: electron.contextBridge,
  ipcRenderer: electron.ipcRenderer,
}));

let api: UpdatesApi;
beforeAll(async () => {
  await import('../../../preload/index.ts');
  api = electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[1] as UpdatesApi;
});

describe('preload', () => {
  it('exposes one object, window.updates, with one function per command plus onState', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[0]).toBe('updates');
    expect(Object.keys(api).sort()).toEqual([...commandNames, 'onNavigate', 'onState'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('calls the command channel and unwraps the envelope', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: STATE_A });
    expect(await api.getState()).toEqual(STATE_A);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('updates:get-state');
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('turns a refused call into a failed Result for Result commands', async () => {
    const error = { kind: 'invalid-input', message: 'no' };
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error });
    expect(await api.refresh()).toEqual({ ok: false, error });
  });

  it('turns a refused call into a rejection for value commands', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({
      ok: false,
      error: { kind: 'not-authorized', message: 'The caller is not part of this app.' },
    });
    await expect(api.getState()).rejects.toThrow('The caller is not part of this app.');
  });

  it('relays state without the IPC event and unsubscribes', () => {
    const seen: unknown[] = [];
    const unsubscribe = api.onState((state) => seen.push(state));
    const relays = [...(electron.listeners.get(STATE_CHANNEL) ?? [])] as Relay[];
    expect(relays).toHaveLength(1);
    relays[0]?.({ sender: electron.ipcRenderer }, STATE_A);
    expect(seen).toEqual([STATE_A]);
    unsubscribe();
    expect(electron.listeners.get(STATE_CHANNEL)?.size).toBe(0);
  });
});
