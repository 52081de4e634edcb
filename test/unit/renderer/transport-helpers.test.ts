import { describe, expect, it } from 'vitest';
import { commandNames } from '../../../daemon-bridge/contract/commands.ts';
import { backoffDelay } from '../../../renderer/transport/backoff.ts';
import { chooseTransport } from '../../../renderer/transport/choose-transport.ts';
import { ipcTransport } from '../../../renderer/transport/ipc-transport.ts';
import type { LinkStatus } from '../../../renderer/transport/transport.ts';
import { webSocketUrl } from '../../../renderer/transport/web-url.ts';
import { createWebSocketTransport } from '../../../renderer/transport/ws-client.ts';
import { FakeUpdatesApi } from './fixtures.ts';

describe('backoffDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 50].map((n) =>
      backoffDelay(n, { baseMs: 500, maxMs: 15_000 }),
    );
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
  });
});

describe('webSocketUrl', () => {
  it('uses the page host and forwards the token', () => {
    expect(
      webSocketUrl({ protocol: 'http:', host: '127.0.0.1:8123', search: '?token=a%2Bb&x=1' }),
    ).toBe('ws://127.0.0.1:8123/ws?token=a%2Bb');
  });

  it('uses wss for https pages and an empty token when there is none', () => {
    expect(webSocketUrl({ protocol: 'https:', host: 'h', search: '' })).toBe('wss://h/ws?token=');
  });
});

describe('createWebSocketTransport', () => {
  it('offers a method for every contract command', () => {
    const transport = createWebSocketTransport({
      url: 'ws://127.0.0.1:1/ws',
      createSocket: () => ({
        onopen: null,
        onclose: null,
        onmessage: null,
        onerror: null,
        send: () => undefined,
        close: () => undefined,
      }),
    });
    for (const name of commandNames) expect(typeof transport.api[name], name).toBe('function');
    transport.dispose();
  });
});

describe('chooseTransport', () => {
  it('uses the preload API when the window has one', () => {
    const api = new FakeUpdatesApi();
    const transport = chooseTransport({ updates: api, location: {} as Location });
    expect(transport.api).toBe(api);
    const links: LinkStatus[] = [];
    transport.onLink((s) => links.push(s));
    expect(links).toEqual([{ kind: 'open' }]);
  });
});

describe('ipcTransport', () => {
  it('reports an open link at once and ignores reconnect', () => {
    const transport = ipcTransport(new FakeUpdatesApi());
    const links: LinkStatus[] = [];
    transport.onLink((s) => links.push(s));
    transport.reconnect();
    expect(links).toEqual([{ kind: 'open' }]);
  });
});
