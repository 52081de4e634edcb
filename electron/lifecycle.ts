/**
 * App lifecycle of the main process, with every Electron object injected:
 * single-instance lock, sandbox and scheme setup before ready, the runtime,
 * IPC, the tray and notifications, the window, and an orderly stop of the
 * runtime on quit.
 *
 * The app lives in the tray: closing the window destroys it (and its
 * renderer) but not the app; Open (tray, notification, a second launch)
 * makes a new one. Only Quit ends the process.
 */
import type { App, BrowserWindow, Protocol } from 'electron';
import type { CommandHandler } from '../daemon-bridge/contract/api.ts';
import { NAVIGATE_CHANNEL } from '../daemon-bridge/contract/channels.ts';
import type { AppScreen, NotificationRecord } from '../daemon-bridge/contract/desktop.ts';
import type { Logger } from '../daemon-bridge/logger.ts';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, rendererProtocolHandler } from './app-protocol.ts';
import { forwardState, registerCommandIpc } from './ipc.ts';
import type { IpcMainLike } from './ipc.ts';
import type { NotificationPresenter } from './notifications.ts';
import type { TrayController } from './tray.ts';

/** What main.ts gets from daemon-bridge's `createAppRuntime`. */
export interface RuntimeLike {
  readonly handler: CommandHandler;
  /** Notifications daemon-bridge decided to raise (desktop/notification-policy.ts). */
  readonly desktop: {
    onNotification(listener: (record: NotificationRecord) => void): () => void;
  };
  stop(): Promise<void>;
}

export type AppLike = Pick<
  App,
  'requestSingleInstanceLock' | 'enableSandbox' | 'whenReady' | 'on' | 'quit' | 'exit'
>;

/** What the tray may ask of the lifecycle. */
export interface TrayActions {
  readonly open: () => void;
  readonly quit: () => void;
}

export interface MainDeps {
  readonly app: AppLike;
  readonly protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  readonly ipcMain: IpcMainLike;
  readonly rendererDir: string;
  /** Start in the tray without opening the window (--tray, the autostart entry). */
  readonly startInTray: boolean;
  readonly startRuntime: () => Promise<RuntimeLike>;
  readonly openWindow: () => BrowserWindow;
  readonly createTray: (handler: CommandHandler, actions: TrayActions) => TrayController;
  readonly createNotifier: (
    openScreen: (screen: AppScreen) => void,
  ) => Pick<NotificationPresenter, 'present'>;
  readonly log: Logger;
}

/** Runs the main process. Resolves once the app is up (or the instance gave way). */
export async function runMainProcess(deps: MainDeps): Promise<void> {
  const { app, log } = deps;
  if (!app.requestSingleInstanceLock()) {
    log.info('another instance is running; handing over to it');
    app.quit();
    return;
  }
  // Both must happen before 'ready'.
  app.enableSandbox();
  deps.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  let win: BrowserWindow | null = null;
  let runtime: RuntimeLike | null = null;
  let handler: CommandHandler | null = null;
  let tray: TrayController | null = null;
  const cleanups: (() => void)[] = [];
  let quitting = false;
  let stopped = false;
  // Asked for before the runtime was up: by default, or by a second instance.
  let wantWindow = !deps.startInTray;
  let pendingScreen: AppScreen | null = null;

  /** Shows the window, making a new one if it was closed, on `screen` if given. */
  const showWindow = (screen: AppScreen | null): void => {
    if (quitting) return;
    if (handler === null) {
      wantWindow = true;
      pendingScreen = screen ?? pendingScreen;
      return;
    }
    if (win === null || win.isDestroyed()) {
      const fresh = deps.openWindow();
      win = fresh;
      forwardState(handler, fresh.webContents);
      fresh.once('closed', () => {
        if (win === fresh) win = null;
      });
      // A new window's renderer cannot listen before its page has loaded.
      if (screen !== null) fresh.webContents.once('did-finish-load', () => navigate(fresh, screen));
      return;
    }
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
    if (screen === null) return;
    const shown = win;
    if (shown.webContents.isLoading())
      shown.webContents.once('did-finish-load', () => navigate(shown, screen));
    else navigate(shown, screen);
  };

  app.on('second-instance', () => showWindow(null));
  // The tray keeps the app alive; without one, closing the window must still quit.
  app.on('window-all-closed', () => {
    if (tray === null) app.quit();
  });
  app.on('will-quit', (event) => {
    quitting = true;
    if (stopped || runtime === null) return;
    // Hold the quit until the bus connection and transactions are closed.
    event.preventDefault();
    const current = runtime;
    runtime = null;
    for (const cleanup of cleanups.splice(0)) cleanup();
    tray?.destroy();
    tray = null;
    current
      .stop()
      .catch((err: unknown) => log.error(`stopping the runtime failed: ${String(err)}`))
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });

  await app.whenReady();
  deps.protocol.handle(APP_SCHEME, rendererProtocolHandler(deps.rendererDir));
  runtime = await deps.startRuntime();
  const started = runtime.handler;
  registerCommandIpc(deps.ipcMain, started, log);

  try {
    const current = deps.createTray(started, {
      open: () => showWindow(null),
      quit: () => app.quit(),
    });
    tray = current;
    let seen = false;
    cleanups.push(
      started.subscribe((state) => {
        seen = true;
        current.update(state);
      }),
    );
    const initial = await started.handle('getState', []);
    // A snapshot that arrived meanwhile is newer than this one.
    if (!seen) current.update(initial);
  } catch (err) {
    log.error(`cannot show the tray icon: ${String(err)}`);
  }

  const notifier = deps.createNotifier((screen) => showWindow(screen));
  cleanups.push(runtime.desktop.onNotification((record) => notifier.present(record)));

  handler = started;
  if (wantWindow || tray === null) showWindow(pendingScreen);
}

/** Asks the window's renderer to show `screen` (preload's `onNavigate`). */
function navigate(win: BrowserWindow, screen: AppScreen): void {
  if (!win.webContents.isDestroyed()) win.webContents.send(NAVIGATE_CHANNEL, screen);
}
