import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { CommandHandler } from '../../../daemon-bridge/contract/api.ts';
import { channelOf, commandNames } from '../../../daemon-bridge/contract/commands.ts';
import type { AppScreen, NotificationRecord } from '../../../daemon-bridge/contract/desktop.ts';
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import { silentLogger } from '../../../daemon-bridge/logger.ts';
import { APP_SCHEME_PRIVILEGES } from '../../../electron/app-protocol.ts';
import { runMainProcess } from '../../../electron/lifecycle.ts';
import type { AppLike, MainDeps, TrayActions } from '../../../electron/lifecycle.ts';
import { fakeHandler, STATE_A, STATE_B } from '../web/web-kit.ts';
import { fakeIpcMain, FakeWindow, navEvent } from './electron-fakes.ts';

vi.mock('electron', () => {
  throw new Error('lifecycle.ts must get Electron injected');
});

/** A window that can be closed (destroyed, as Electron does by default) and reports loading. */
class TestWindow extends FakeWindow {
  destroyed = false;
  loading = true;
  constructor() {
    super({});
    Object.assign(this.webContents, { isLoading: () => this.loading });
  }
  override isDestroyed(): boolean {
    return this.destroyed;
  }
  /** The page finished loading. */
  load(): void {
    this.loading = false;
    this.webContents.emit('did-finish-load');
  }
  /** The user closed it: the renderer goes, then the window. */
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.webContents.emit('destroyed');
    this.emit('closed');
  }
}

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

function record(screen: AppScreen): NotificationRecord {
  return {
    key: `k:${screen}`,
    kind: 'staged',
    at: 0,
    version: '43.2',
    severity: null,
    securityAdvisories: 0,
    title: null,
    message: null,
    screen,
  };
}

interface SetupOptions {
  readonly lock?: boolean;
  readonly startInTray?: boolean;
  readonly trayFails?: boolean;
}

function setup({ lock = true, startInTray = false, trayFails = false }: SetupOptions = {}) {
  const app = fakeApp(lock);
  const handler = fakeHandler();
  const notify = new EventEmitter();
  const runtime = {
    handler,
    desktop: {
      onNotification(listener: (r: NotificationRecord) => void) {
        notify.on('record', listener);
        return () => void notify.off('record', listener);
      },
    },
    stop: vi.fn(() => Promise.resolve()),
  };
  const windows: TestWindow[] = [];
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => void app.order.push('registerScheme')),
    handle: vi.fn(),
  };
  const ipcMain = fakeIpcMain();
  const tray = {
    actions: null as TrayActions | null,
    handler: null as CommandHandler | null,
    update: vi.fn<(state: AppState) => void>(),
    destroy: vi.fn(),
  };
  const presented: NotificationRecord[] = [];
  let openScreen: ((screen: AppScreen) => void) | null = null;
  const deps: MainDeps = {
    app: app as unknown as AppLike,
    protocol,
    ipcMain,
    rendererDir: '/app/dist/renderer',
    startInTray,
    startRuntime: vi.fn(() => Promise.resolve(runtime)),
    openWindow: vi.fn(() => {
      const win = new TestWindow();
      windows.push(win);
      return win as unknown as BrowserWindow;
    }),
    createTray: vi.fn((h: CommandHandler, actions: TrayActions) => {
      if (trayFails) throw new Error('no StatusNotifierWatcher');
      tray.handler = h;
      tray.actions = actions;
      return tray;
    }),
    createNotifier: (open) => {
      openScreen = open;
      return { present: (r) => void presented.push(r) };
    },
    log: silentLogger,
  };
  /** The user clicks a notification that was presented. */
  const clickNotification = (r: NotificationRecord) => {
    if (!presented.includes(r) || !openScreen) throw new Error('not presented');
    openScreen(r.screen);
  };
  const open = () => {
    if (!tray.actions) throw new Error('no tray');
    tray.actions.open();
  };
  return {
    app,
    handler,
    runtime,
    notify,
    windows,
    protocol,
    ipcMain,
    tray,
    presented,
    deps,
    open,
    clickNotification,
  };
}

const navigations = (win: TestWindow | undefined) =>
  win?.webContents.send.mock.calls.filter(([channel]) => channel === 'updates:navigate') ?? [];

describe('runMainProcess', () => {
  it('gives way to a running instance without starting anything', async () => {
    const { app, deps } = setup({ lock: false });
    await runMainProcess(deps);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(deps.startRuntime).not.toHaveBeenCalled();
    expect(deps.openWindow).not.toHaveBeenCalled();
    expect(deps.createTray).not.toHaveBeenCalled();
  });

  it('sets up sandbox and scheme before ready, then runtime, IPC, tray, window', async () => {
    const { app, deps, protocol, ipcMain, handler, windows, tray } = setup();
    await runMainProcess(deps);
    expect(app.order).toEqual(['enableSandbox', 'registerScheme', 'ready']);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...ipcMain.handlers.keys()].sort()).toEqual(commandNames.map(channelOf).sort());
    expect(tray.handler).toBe(handler);
    expect(deps.openWindow).toHaveBeenCalledOnce();
    handler.emit(STATE_B);
    expect(windows[0]?.webContents.send.mock.calls).toEqual([['updates:state', STATE_B]]);
  });

  it('draws the tray from the current state, then from every new one', async () => {
    const { deps, handler, tray } = setup();
    await runMainProcess(deps);
    expect(tray.update.mock.calls).toEqual([[STATE_A]]);
    handler.emit(STATE_B);
    expect(tray.update.mock.calls).toEqual([[STATE_A], [STATE_B]]);
  });

  it('stops the runtime, the tray and the subscriptions before letting the app quit', async () => {
    const { app, deps, runtime, tray, handler, notify } = setup();
    await runMainProcess(deps);
    const first = navEvent('');
    app.emit('will-quit', first);
    expect(first.defaultPrevented).toBe(true);
    expect(runtime.stop).toHaveBeenCalledOnce();
    expect(tray.destroy).toHaveBeenCalledOnce();
    // Left: the open window's state forwarding, which ends with its renderer.
    expect(handler.listenerCount()).toBe(1);
    expect(notify.listenerCount('record')).toBe(0);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    const second = navEvent('');
    app.emit('will-quit', second);
    expect(second.defaultPrevented).toBe(false);
    expect(runtime.stop).toHaveBeenCalledOnce();
  });

  it('Quit in the tray quits the app', async () => {
    const { app, deps, tray } = setup();
    await runMainProcess(deps);
    tray.actions?.quit();
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('closing the window keeps the app in the tray; Open makes a new window', async () => {
    const { app, deps, windows, handler, open } = setup();
    await runMainProcess(deps);
    windows[0]?.close();
    app.emit('window-all-closed');
    expect(app.quit).not.toHaveBeenCalled();
    // The closed window's renderer no longer gets state; only the tray listens.
    expect(handler.listenerCount()).toBe(1);

    open();
    expect(windows).toHaveLength(2);
    handler.emit(STATE_B);
    expect(windows[1]?.webContents.send.mock.calls).toEqual([['updates:state', STATE_B]]);
    expect(windows[0]?.webContents.send).not.toHaveBeenCalled();
  });

  it('Open raises the window that is open instead of making another', async () => {
    const { deps, windows, open } = setup();
    await runMainProcess(deps);
    const win = windows[0]!;
    win.minimized = true;
    open();
    expect(windows).toHaveLength(1);
    expect([win.restore.mock.calls.length, win.show.mock.calls.length]).toEqual([1, 1]);
    expect(win.focus).toHaveBeenCalledOnce();
  });

  it('a second instance raises the window, or opens a new one when it was closed', async () => {
    const { app, deps, windows } = setup();
    await runMainProcess(deps);
    app.emit('second-instance');
    expect(windows[0]?.focus).toHaveBeenCalledOnce();
    windows[0]?.close();
    app.emit('second-instance');
    expect(windows).toHaveLength(2);
  });

  it('--tray starts without a window; a second instance or Open shows one', async () => {
    const { app, deps, windows, tray, open } = setup({ startInTray: true });
    await runMainProcess(deps);
    expect(deps.openWindow).not.toHaveBeenCalled();
    expect(tray.update).toHaveBeenCalledOnce();
    app.emit('second-instance');
    expect(windows).toHaveLength(1);
    windows[0]?.close();
    open();
    expect(windows).toHaveLength(2);
  });

  it('a second instance during start-up opens the window once the app is up, even with --tray', async () => {
    const { app, deps, windows } = setup({ startInTray: true });
    const started = runMainProcess(deps);
    app.emit('second-instance');
    expect(windows).toHaveLength(0);
    await started;
    expect(windows).toHaveLength(1);
  });

  it('without a tray icon the window opens even with --tray, and closing it quits', async () => {
    const { app, deps, windows } = setup({ startInTray: true, trayFails: true });
    await runMainProcess(deps);
    expect(windows).toHaveLength(1);
    windows[0]?.close();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('presents the notifications daemon-bridge raises', async () => {
    const { deps, notify, presented } = setup();
    await runMainProcess(deps);
    notify.emit('record', record('reboot'));
    expect(presented).toEqual([record('reboot')]);
  });

  it('a clicked notification opens a new window and sends its screen once the page loaded', async () => {
    const { deps, notify, presented, windows, clickNotification } = setup({ startInTray: true });
    await runMainProcess(deps);
    notify.emit('record', record('reboot'));
    clickNotification(presented[0]!);
    const win = windows[0];
    expect(windows).toHaveLength(1);
    expect(navigations(win)).toEqual([]);
    win?.load();
    expect(navigations(win)).toEqual([['updates:navigate', 'reboot']]);
  });

  it('a clicked notification raises an open window and sends its screen at once', async () => {
    const { deps, notify, presented, windows, clickNotification } = setup();
    await runMainProcess(deps);
    const win = windows[0]!;
    win.load();
    notify.emit('record', record('updates'));
    clickNotification(presented[0]!);
    expect(windows).toHaveLength(1);
    expect(win.focus).toHaveBeenCalledOnce();
    expect(navigations(win)).toEqual([['updates:navigate', 'updates']]);
  });

  it('a click while the open window still loads waits for the page', async () => {
    const { deps, notify, presented, windows, clickNotification } = setup();
    await runMainProcess(deps);
    const win = windows[0]!;
    notify.emit('record', record('packages'));
    clickNotification(presented[0]!);
    expect(navigations(win)).toEqual([]);
    win.load();
    expect(navigations(win)).toEqual([['updates:navigate', 'packages']]);
  });

  it('opens nothing once the app is quitting', async () => {
    const { app, deps, windows, open } = setup({ startInTray: true });
    await runMainProcess(deps);
    app.emit('will-quit', navEvent(''));
    open();
    app.emit('second-instance');
    expect(windows).toHaveLength(0);
  });
});
