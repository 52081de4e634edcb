/**
 * App lifecycle of the main process, with every Electron object injected:
 * single-instance lock, sandbox and scheme setup before ready, the runtime,
 * IPC, the window, and an orderly stop of the runtime on quit.
 */
import type { App, BrowserWindow, Protocol } from 'electron';
import type { CommandHandler } from '../daemon-bridge/contract/api.ts';
import type { Logger } from '../daemon-bridge/logger.ts';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, rendererProtocolHandler } from './app-protocol.ts';
import { forwardState, registerCommandIpc } from './ipc.ts';
import type { IpcMainLike } from './ipc.ts';

/** What main.ts gets from daemon-bridge's `createAppRuntime`. */
export interface RuntimeLike {
  readonly handler: CommandHandler;
  stop(): Promise<void>;
}

export type AppLike = Pick<
  App,
  'requestSingleInstanceLock' | 'enableSandbox' | 'whenReady' | 'on' | 'quit' | 'exit'
>;

export interface MainDeps {
  readonly app: AppLike;
  readonly protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  readonly ipcMain: IpcMainLike;
  readonly rendererDir: string;
  readonly startRuntime: () => Promise<RuntimeLike>;
  readonly openWindow: () => BrowserWindow;
  readonly log: Logger;
}

/** Runs the main process. Resolves once the window is open (or the instance gave way). */
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
  let stopped = false;

  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (stopped || runtime === null) return;
    // Hold the quit until the bus connection and transactions are closed.
    event.preventDefault();
    const current = runtime;
    runtime = null;
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
  registerCommandIpc(deps.ipcMain, runtime.handler, log);
  win = deps.openWindow();
  forwardState(runtime.handler, win.webContents);
}
