/**
 * Electron entry point (bundled to dist-electron/main.cjs). Wiring only:
 * real Electron objects and the daemon-bridge runtime go into
 * runMainProcess; the logic lives in the modules it imports.
 */
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, nativeTheme, protocol } from 'electron';
import { systemBusAddress } from '../daemon-bridge/dbus/connect-bus.ts';
import { stderrLogger } from '../daemon-bridge/logger.ts';
import { createAppRuntime } from '../daemon-bridge/runtime.ts';
import { createMainWindow } from './create-window.ts';
import { runModeFromEnv } from './launch-env.ts';
import { runMainProcess } from './lifecycle.ts';

const log = stderrLogger('[ostree-update-manager]');
// main.cjs and preload.cjs sit side by side in dist-electron/, the renderer in dist/renderer/.
const here = __dirname;

runMainProcess({
  app,
  protocol,
  ipcMain,
  log,
  rendererDir: join(here, '..', 'dist', 'renderer'),
  startRuntime: () =>
    createAppRuntime({ mode: runModeFromEnv(process.env), busAddress: systemBusAddress(), log }),
  openWindow: () =>
    createMainWindow({ BrowserWindow, nativeTheme, log }, join(here, 'preload.cjs')),
}).catch((err: unknown) => {
  log.error(`cannot start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  app.exit(1);
});
