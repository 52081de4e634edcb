import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { channelOf, commandNames } from '../../../daemon-bridge/contract/commands.ts';
import { silentLogger } from '../../../daemon-bridge/logger.ts';
import { APP_SCHEME_PRIVILEGES } from '../../../electron/app-protocol.ts';
import { runMainProcess } from '../../../electron/lifecycle.ts';
import type { AppLike, MainDeps } from '../../../electron/lifecycle.ts';
import { fakeHandler, STATE_B } from '../web/web-kit.ts';
import { fakeIpcMain, FakeWindow, navEvent } from './electron-fakes.ts';

vi.mock('electron', () => {
  throw new Error('lifecycle.ts must get Electron injected');
});

function fakeApp(lock = true) {
  const app = Object.assign(new EventEmitter(), {
    order: [] as string[],
    requestSingleInstanceLock: vi.fn(() => lock),
    enableSandbox: vi.fn(() => void app.order.push('enableSandbox')),
    whenReady: vi.fn(() => {
      app.order.push('ready');
      return Promise.resolve();
    }),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  return app;
}

function setup(lock = true) {
  const app = fakeApp(lock);
  const handler = fakeHandler();
  const runtime = { handler, stop: vi.fn(() => Promise.resolve()) };
  const win = new FakeWindow({});
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => void app.order.push('registerScheme')),
    handle: vi.fn(),
  };
  const ipcMain = fakeIpcMain();
  const deps: MainDeps = {
    app: app as unknown as AppLike,
    protocol,
    ipcMain,
    rendererDir: '/app/dist/renderer',
    startRuntime: vi.fn(() => Promise.resolve(runtime)),
    openWindow: vi.fn(() => win as unknown as BrowserWindow),
    log: silentLogger,
  };
  return { app, handler, runtime, win, protocol, ipcMain, deps };
}

describe('runMainProcess', () => {
  it('gives way to a running instance without starting anything', async () => {
    const { app, deps } = setup(false);
    await runMainProcess(deps);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(deps.startRuntime).not.toHaveBeenCalled();
    expect(deps.openWindow).not.toHaveBeenCalled();
  });

  it('sets up sandbox and scheme before ready, then runtime, IPC, window', async () => {
    const { app, deps, protocol, ipcMain, handler, win } = setup();
    await runMainProcess(deps);
    expect(app.order).toEqual(['enableSandbox', 'registerScheme', 'ready']);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...ipcMain.handlers.keys()].sort()).toEqual(commandNames.map(channelOf).sort());
    expect(deps.openWindow).toHaveBeenCalledOnce();
    handler.emit(STATE_B);
    expect(win.webContents.send.mock.calls).toEqual([['updates:state', STATE_B]]);
  });

  it('stops the runtime before letting the app quit', async () => {
    const { app, deps, runtime } = setup();
    await runMainProcess(deps);
    const first = navEvent('');
    app.emit('will-quit', first);
    expect(first.defaultPrevented).toBe(true);
    expect(runtime.stop).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    const second = navEvent('');
    app.emit('will-quit', second);
    expect(second.defaultPrevented).toBe(false);
    expect(runtime.stop).toHaveBeenCalledOnce();
  });

  it('quits when the window is closed and focuses it for a second instance', async () => {
    const { app, deps, win } = setup();
    await runMainProcess(deps);
    win.minimized = true;
    app.emit('second-instance');
    expect([win.restore.mock.calls.length, win.focus.mock.calls.length]).toEqual([1, 1]);
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledOnce();
  });
});
