/**
 * Electron entry point (bundled to dist-electron/main.cjs). Wiring only:
 * real Electron objects and the daemon-bridge runtime go into
 * runMainProcess; the logic lives in the modules it imports.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  Notification,
  protocol,
  Tray,
} from 'electron';
import { systemBusAddress } from '../daemon-bridge/dbus/connect-bus.ts';
import { stderrLogger } from '../daemon-bridge/logger.ts';
import { createAppRuntime } from '../daemon-bridge/runtime.ts';
import type { DaemonKind } from '../daemon-bridge/contract/capabilities.ts';
import { setAutostart } from '../daemon-bridge/desktop/autostart.ts';
import { chooseDaemon, surveyDaemons } from '../daemon-bridge/detect.ts';
import { bundledHelperProgram } from '../daemon-bridge/helper/helper-launch.ts';
import { userDataDir } from '../daemon-bridge/launch/data-dir.ts';
import { createMainWindow } from './create-window.ts';
import { desktopLaunch, runModeFromEnv } from './launch-env.ts';
import { runMainProcess } from './lifecycle.ts';
import type { RuntimeLike } from './lifecycle.ts';
import { createNotificationPresenter } from './notifications.ts';
import { createTrayController } from './tray.ts';
import { withDiagnosticsSaving } from './save-diagnostics.ts';

const log = stderrLogger('[ostree-update-manager]');
// main.cjs and preload.cjs sit side by side in dist-electron/, the renderer in
// dist/renderer/, the icons in assets/.
const here = __dirname;
const assetsDir = join(here, '..', 'assets');

/** What the autostart entry runs: the AppImage, the packaged binary, or `electron main.cjs` in development. */
const autostartProgram = {
  exec: process.env.APPIMAGE ?? process.execPath,
  args: process.defaultApp ? [join(here, 'main.cjs')] : [],
};

// A packaged app's argv is [app, ...flags]; `electron main.cjs` adds the script.
const launched = desktopLaunch(process.argv.slice(process.defaultApp ? 2 : 1), process.env);
if (launched.kind === 'exit') {
  (launched.code === 0 ? process.stdout : process.stderr).write(launched.text);
  app.exit(launched.code);
}
const launch = launched.kind === 'run' ? launched : { tray: false, daemon: null };

/** The daemon on the system bus (running before activatable); rpm-ostree when there is none, so the app says it is absent. */
async function detectedDaemon(busAddress: string): Promise<DaemonKind> {
  const survey = await surveyDaemons(busAddress);
  return (survey.kind === 'bus' ? chooseDaemon(survey.found, null) : null) ?? 'rpm-ostree';
}

runMainProcess({
  app,
  protocol,
  ipcMain,
  log,
  rendererDir: join(here, '..', 'dist', 'renderer'),
  startInTray: launch.tray,
  startRuntime: async (): Promise<RuntimeLike> => {
    const busAddress = systemBusAddress();
    const runtime = await createAppRuntime({
      mode: runModeFromEnv(process.env),
      busAddress,
      daemon: launch.daemon ?? (await detectedDaemon(busAddress)),
      log,
      desktop: {
        dataDir: userDataDir(),
        helperProgram: bundledHelperProgram(join(here, 'helper.cjs')),
        autostart: (enabled) => setAutostart(enabled, autostartProgram),
      },
    });
    const desktop = runtime.desktop;
    if (!desktop) throw new Error('the runtime was started without its desktop side');
    const handler = withDiagnosticsSaving(runtime.handler, {
      showSaveDialog: (options) => {
        const parent = BrowserWindow.getFocusedWindow();
        return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
      },
      writeFile: (path, content) => writeFile(path, content, { mode: 0o600 }),
      defaultDir: () => app.getPath('downloads'),
      log,
    });
    return { handler, desktop, stop: () => runtime.stop() };
  },
  openWindow: () =>
    createMainWindow({ BrowserWindow, nativeTheme, log }, join(here, 'preload.cjs')),
  createTray: (handler, actions) =>
    createTrayController({
      Tray,
      Menu,
      nativeImage,
      dialog,
      assetsDir,
      handler,
      log,
      open: actions.open,
      quit: actions.quit,
    }),
  createNotifier: (openScreen) =>
    createNotificationPresenter({
      Notification,
      iconPath: join(assetsDir, 'icons', '256x256.png'),
      openScreen,
      log,
    }),
}).catch((err: unknown) => {
  log.error(`cannot start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  app.exit(1);
});
