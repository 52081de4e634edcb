/**
 * The web-mode app process, bundled to dist-electron/web.cjs and run with
 * plain Node by `npm start -- --web` (scripts/start.ts): the bridge and the
 * web server, nothing else. It is web mode's counterpart of
 * electron/main.ts and gets the same hand-over from the launcher: the bus in
 * DBUS_SYSTEM_BUS_ADDRESS, the run mode in OSTREE_UM_MODE, the daemon in
 * OSTREE_UM_DAEMON. The launcher keeps the daemon choice and the sandbox
 * (and their code) in its own process.
 *
 *   node dist-electron/web.cjs --web [--port N]
 */
import { join } from 'node:path';
import { systemBusAddress } from '../daemon-bridge/dbus/connect-bus.ts';
import { bundledHelperProgram } from '../daemon-bridge/helper/helper-launch.ts';
import { userDataDir } from '../daemon-bridge/launch/data-dir.ts';
import { HELP_TEXT, parseLaunchOptions } from '../daemon-bridge/launch/options.ts';
import { stderrLogger } from '../daemon-bridge/logger.ts';
import { createAppRuntime } from '../daemon-bridge/runtime.ts';
import { printWebUrl, startWebServer } from '../daemon-bridge/web/server.ts';
import { DAEMON_ENV, runModeFromEnv } from '../electron/launch-env.ts';
import { daemonKinds } from '../daemon-bridge/contract/capabilities.ts';

const log = stderrLogger('[ostree-update-manager]');
// web.cjs sits in dist-electron/ next to helper.cjs; the renderer is in dist/renderer/.
const here = __dirname;

async function main(): Promise<number> {
  // Listening from the start: a signal during start-up still ends in an orderly stop.
  const stop = new Promise<void>((resolve) => {
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
  });
  const parsed = parseLaunchOptions(process.argv.slice(2));
  if (!parsed.ok || !parsed.options.web) {
    process.stderr.write(
      `${parsed.ok ? 'web.cjs serves --web only' : parsed.message}\n\n${HELP_TEXT}`,
    );
    return 2;
  }
  const fromEnv = process.env[DAEMON_ENV];
  const runtime = await createAppRuntime({
    mode: runModeFromEnv(process.env),
    busAddress: systemBusAddress(),
    daemon: daemonKinds.find((k) => k === fromEnv) ?? 'rpm-ostree',
    log,
    // Web mode has no tray and no login autostart; the rest is the same as in the window.
    desktop: {
      dataDir: userDataDir(),
      helperProgram: bundledHelperProgram(join(here, 'helper.cjs')),
      autostart: null,
    },
  });
  const server = await startWebServer({
    handler: runtime.handler,
    rendererDir: join(here, '..', 'dist', 'renderer'),
    port: parsed.options.port,
    log,
  });
  printWebUrl(server);
  await stop;
  await server.close();
  await runtime.stop();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log.error(`cannot start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
