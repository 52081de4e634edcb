import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../daemon-bridge/contract/domain.ts';
import { createAppStore } from '../../../renderer/store/app-store.ts';
import type { ClipboardPort } from '../../../renderer/store/app-store.ts';
import { connectTransport } from '../../../renderer/store/connect-transport.ts';
import type { LinkStatus, Transport } from '../../../renderer/transport/transport.ts';
import { FakeUpdatesApi, readyState, typicalSystem } from './fixtures.ts';

function setup(clipboard: ClipboardPort = { writeText: () => Promise.resolve() }) {
  const api = new FakeUpdatesApi();
  const reconnect = vi.fn();
  const store = createAppStore({ api, reconnect, clipboard });
  return { api, reconnect, store };
}

describe('snapshot slice', () => {
  it('starts empty, then holds what stateReceived / stateRequested deliver', async () => {
    const { api, store } = setup();
    expect(store.getState().app).toBeNull();
    await store.getState().stateRequested();
    expect(store.getState().app).toBe(api.state);
    const next = readyState(typicalSystem({ readAt: 2 }));
    store.getState().stateReceived(next);
    expect(store.getState().app).toBe(next);
  });

  it('keeps the last snapshot when getState rejects', async () => {
    const { api, store } = setup();
    await store.getState().stateRequested();
    const before = store.getState().app;
    api.getState = () => Promise.reject(new Error('link lost'));
    await store.getState().stateRequested();
    expect(store.getState().app).toBe(before);
  });
});

describe('refresh slice', () => {
  it('goes running → idle on success', async () => {
    const { api, store } = setup();
    const pending = store.getState().refreshRequested();
    expect(store.getState().refresh).toEqual({ kind: 'running' });
    await pending;
    expect(store.getState().refresh).toEqual({ kind: 'idle' });
    expect(api.calls).toEqual(['refresh']);
  });

  it('keeps the failure until dismissed', async () => {
    const { api, store } = setup();
    const error = { kind: 'not-authorized', message: 'polkit said no' } as const;
    api.refreshAnswer = () => Promise.resolve<Result<null>>({ ok: false, error });
    await store.getState().refreshRequested();
    expect(store.getState().refresh).toEqual({ kind: 'failed', error });
    store.getState().refreshErrorDismissed();
    expect(store.getState().refresh).toEqual({ kind: 'idle' });
  });

  it('turns a rejection into a protocol failure', async () => {
    const { api, store } = setup();
    api.refreshAnswer = () => Promise.reject(new Error('boom'));
    await store.getState().refreshRequested();
    expect(store.getState().refresh).toEqual({
      kind: 'failed',
      error: { kind: 'protocol', message: 'boom' },
    });
  });

  it('ignores a second request while one runs', async () => {
    const { api, store } = setup();
    let finish: (r: Result<null>) => void = () => undefined;
    api.refreshAnswer = () => new Promise((resolve) => (finish = resolve));
    const first = store.getState().refreshRequested();
    await store.getState().refreshRequested();
    finish({ ok: true, value: null });
    await first;
    expect(api.calls).toEqual(['refresh']);
  });
});

describe('clipboard slice', () => {
  it('copies the full checksum and announces it, with a fresh id each time', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    const { store } = setup({ writeText });
    await expect(store.getState().checksumCopyRequested('abc123')).resolves.toBe(true);
    expect(writeText).toHaveBeenCalledWith('abc123');
    expect(store.getState().announcement).toEqual({ id: 1, message: 'copyAnnounce' });
    await store.getState().checksumCopyRequested('abc123');
    expect(store.getState().announcement).toEqual({ id: 2, message: 'copyAnnounce' });
  });

  it('announces a failed copy', async () => {
    const { store } = setup({ writeText: () => Promise.reject(new Error('denied')) });
    await expect(store.getState().checksumCopyRequested('x')).resolves.toBe(false);
    expect(store.getState().announcement?.message).toBe('copyFailed');
  });
});

describe('link slice and the inbound pipe', () => {
  function fakeTransport(api: FakeUpdatesApi, snapshotOnOpen = false) {
    const listeners = new Set<(s: LinkStatus) => void>();
    let status: LinkStatus = { kind: 'connecting' };
    const transport: Transport = {
      api,
      onState: (listener) => api.onState(listener),
      onLink(listener) {
        listeners.add(listener);
        listener(status);
        return () => listeners.delete(listener);
      },
      reconnect: () => undefined,
      snapshotOnOpen,
    };
    const setLink = (next: LinkStatus) => {
      status = next;
      for (const l of listeners) l(next);
    };
    return { transport, setLink, linkListeners: listeners };
  }

  it('feeds link changes and pushed states into the store and asks for state on open', async () => {
    const { api, store } = setup();
    const { transport, setLink, linkListeners } = fakeTransport(api);
    const stop = connectTransport(transport, store);
    expect(store.getState().link).toEqual({ kind: 'connecting' });
    expect(api.calls).toEqual([]);

    setLink({ kind: 'open' });
    await vi.waitFor(() => expect(store.getState().app).toBe(api.state));
    expect(api.calls).toEqual(['getState']);

    const pushed = readyState(typicalSystem({ readAt: 99 }));
    api.push(pushed);
    expect(store.getState().app).toBe(pushed);

    setLink({ kind: 'closed', attempt: 1, retryInMs: 500 });
    expect(store.getState().link).toEqual({ kind: 'closed', attempt: 1, retryInMs: 500 });

    stop();
    expect(api.listenerCount).toBe(0);
    expect(linkListeners.size).toBe(0);
  });

  it('does not ask again where the other side sends the snapshot on open (web mode)', async () => {
    const { api, store } = setup();
    const { transport, setLink } = fakeTransport(api, true);
    const stop = connectTransport(transport, store);
    setLink({ kind: 'open' });
    const pushed = readyState(typicalSystem({ readAt: 7 }));
    api.push(pushed);
    await Promise.resolve();
    expect(store.getState().app).toBe(pushed);
    expect(api.calls).toEqual([]);
    stop();
  });

  it('passes reconnectRequested to the transport', () => {
    const { store, reconnect } = setup();
    store.getState().reconnectRequested();
    expect(reconnect).toHaveBeenCalledTimes(1);
  });
});
