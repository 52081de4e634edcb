import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../daemon-bridge/logger.ts';
import { ELECTRON_CSP } from '../../../daemon-bridge/web/csp.ts';
import { APP_INDEX_URL } from '../../../electron/app-protocol.ts';
import { createMainWindow } from '../../../electron/create-window.ts';
import type { WindowDeps } from '../../../electron/create-window.ts';
import { BACKGROUND, mainWindowOptions } from '../../../electron/window-options.ts';
import { FakeWindow, navEvent } from './electron-fakes.ts';

vi.mock('electron', () => {
  throw new Error('the window factory must get Electron injected');
});

const theme = Object.assign(new EventEmitter(), { shouldUseDarkColors: true });

function open(): FakeWindow {
  FakeWindow.created = [];
  createMainWindow(
    {
      BrowserWindow: FakeWindow as unknown as new (
        o: BrowserWindowConstructorOptions,
      ) => BrowserWindow,
      nativeTheme: theme as unknown as WindowDeps['nativeTheme'],
      log: silentLogger,
    },
    '/app/preload.cjs',
  );
  const win = FakeWindow.created[0];
  if (!win) throw new Error('no window created');
  return win;
}

describe('createMainWindow', () => {
  let win: FakeWindow;
  beforeEach(() => {
    theme.shouldUseDarkColors = true;
    win = open();
  });

  it('uses the pinned options with the current theme and loads the bundle', () => {
    expect(win.options).toEqual(mainWindowOptions({ preloadPath: '/app/preload.cjs', dark: true }));
    expect(win.loadURL).toHaveBeenCalledWith(APP_INDEX_URL);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
  });

  it('denies window.open', () => {
    const handler = win.webContents.setWindowOpenHandler.mock.calls[0]?.[0] as () => unknown;
    expect(handler()).toEqual({ action: 'deny' });
  });

  it.each(['will-navigate', 'will-redirect'])('%s: blocks every URL outside the bundle', (name) => {
    const outcomes = [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other/index.html',
      'http://127.0.0.1:1/',
      'javascript:alert(1)',
      'not a url',
      APP_INDEX_URL,
      'app://bundle/other.html',
    ].map((url) => {
      const event = navEvent(url);
      win.webContents.emit(name, event);
      return event.defaultPrevented;
    });
    expect(outcomes).toEqual([true, true, true, true, true, true, false, false]);
  });

  it('blocks <webview>', () => {
    const event = navEvent('');
    win.webContents.emit('will-attach-webview', event);
    expect(event.defaultPrevented).toBe(true);
  });

  const cases: readonly (readonly [string, string, boolean])[] = [
    ['clipboard-sanitized-write', 'app://bundle/index.html', true],
    ['clipboard-sanitized-write', 'https://evil.example/', false],
    ['clipboard-read', 'app://bundle/index.html', false],
    ['media', 'app://bundle/index.html', false],
    ['notifications', 'app://bundle/index.html', false],
    ['geolocation', 'app://bundle/index.html', false],
    ['openExternal', 'app://bundle/index.html', false],
    ['unknown', 'app://bundle/index.html', false],
  ];

  // Chromium serialises a standard custom scheme's origin as scheme://host; Node's URL says "null".
  const chromiumOrigin = (url: string) => url.replace(/^([a-z]+:\/\/[^/]+).*$/, '$1');

  it('grants only clipboard writes, and only to our bundle', () => {
    const { session } = win.webContents;
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      ...a: unknown[]
    ) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      ...a: unknown[]
    ) => boolean;
    const outcomes = cases.map(([permission, url]) => {
      const callback = vi.fn();
      request({}, permission, callback, { requestingUrl: url });
      return [callback.mock.calls, check({}, permission, chromiumOrigin(url), {})];
    });
    expect(outcomes).toEqual(cases.map(([, , ok]) => [[[ok]], ok]));
  });

  it('denies every device', () => {
    const device = win.webContents.session.setDevicePermissionHandler.mock.calls[0]?.[0] as (
      ...a: unknown[]
    ) => boolean;
    expect(device({ deviceType: 'usb', origin: 'app://bundle' })).toBe(false);
  });

  it('sets the CSP on every response, replacing any other policy', () => {
    const listener = win.webContents.session.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      d: unknown,
      cb: (r: unknown) => void,
    ) => void;
    const callback = vi.fn();
    listener(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'X-A': ['1'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [ELECTRON_CSP] },
    });
  });

  it('follows theme changes until the window closes', () => {
    theme.shouldUseDarkColors = false;
    theme.emit('updated');
    expect(win.setBackgroundColor).toHaveBeenLastCalledWith(BACKGROUND.light);
    win.emit('closed');
    theme.emit('updated');
    expect(win.setBackgroundColor).toHaveBeenCalledOnce();
  });
});
