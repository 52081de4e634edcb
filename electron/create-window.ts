/**
 * The one window factory. Every window of the app comes from here, with
 * the options of window-options.ts and the guards of harden.ts.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, NativeTheme } from 'electron';
import type { Logger } from '../daemon-bridge/logger.ts';
import { ELECTRON_CSP } from '../daemon-bridge/web/csp.ts';
import { APP_INDEX_URL } from './app-protocol.ts';
import { guardWebContents, hardenSession } from './harden.ts';
import { BACKGROUND, mainWindowOptions } from './window-options.ts';

/** The Electron objects the factory needs, injected so it is tested without Electron. */
export interface WindowDeps {
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  readonly nativeTheme: Pick<NativeTheme, 'shouldUseDarkColors' | 'on' | 'off'>;
  readonly log: Logger;
}

/** Creates the main window, hardened, and starts loading the bundled renderer. */
export function createMainWindow(deps: WindowDeps, preloadPath: string): BrowserWindow {
  const win = new deps.BrowserWindow(
    mainWindowOptions({ preloadPath, dark: deps.nativeTheme.shouldUseDarkColors }),
  );
  hardenSession(win.webContents.session, ELECTRON_CSP);
  guardWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());

  // Keeps the frame behind the page in step when the desktop theme flips.
  const onTheme = () =>
    win.setBackgroundColor(
      deps.nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    );
  deps.nativeTheme.on('updated', onTheme);
  win.once('closed', () => deps.nativeTheme.off('updated', onTheme));

  win
    .loadURL(APP_INDEX_URL)
    .catch((err: unknown) => deps.log.error(`cannot load ${APP_INDEX_URL}: ${String(err)}`));
  return win;
}
