/**
 * `npm start`: picks the daemon (the system's, or the sandbox when there is
 * none or --sandbox asks for it), then opens the Electron window when an
 * Electron runtime is installed, otherwise serves the same UI in web mode.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { RunMode } from '../daemon-bridge/contract/domain.ts';
import { systemBusAddress } from '../daemon-bridge/dbus/connect-bus.ts';
import type { DaemonKind } from '../daemon-bridge/contract/capabilities.ts';
import {
  chooseDaemon as chooseDaemonKind,
  daemonBusNames,
  surveyDaemons,
} from '../daemon-bridge/detect.ts';
import { userDataDir } from '../daemon-bridge/launch/data-dir.ts';
import { HELP_TEXT, parseLaunchOptions } from '../daemon-bridge/launch/options.ts';
import type { LaunchOptions } from '../daemon-bridge/launch/options.ts';
import { stderrLogger } from '../daemon-bridge/logger.ts';
import { startSandbox } from '../sandbox/launch.ts';

const root = join(import.meta.dirname, '..');
const log = stderrLogger('[ostree-update-manager]');

interface Daemon {
  readonly mode: RunMode;
  readonly busAddress: string;
  /** Which daemon the app talks to. */
  readonly kind: DaemonKind;
  stop(): Promise<void>;
}

/**
 * The system's daemon when one is on the bus (the configured one with
 * --daemon), else the sandbox playing --sandbox-profile. A configured daemon
 * that is missing is still the one used, so the app says it is absent
 * rather than quietly talking to another.
 */
async function chooseDaemon(options: LaunchOptions): Promise<Daemon> {
  const address = systemBusAddress();
  let reason: 'requested' | 'no-daemon' = 'requested';
  if (!options.sandbox) {
    const survey = await surveyDaemons(address);
    const found = survey.kind === 'bus' ? survey.found : [];
    const kind = chooseDaemonKind(found, options.daemon) ?? options.daemon;
    if (kind) {
      log.info(`Using ${kind} (${daemonBusNames[kind]}) on the system bus.`);
      return { mode: { kind: 'system' }, busAddress: address, kind, stop: async () => {} };
    }
    log.info(
      survey.kind === 'no-bus'
        ? `No system bus at ${address} (${survey.message}); using the sandbox.`
        : 'No update daemon on the system bus; using the sandbox.',
    );
    reason = 'no-daemon';
  }
  const profile = options.sandboxProfile;
  const dir =
    options.sandboxDir ??
    join(userDataDir(), profile === 'rpm-ostree' ? 'sandbox' : `sandbox-${profile}`);
  const sandbox = await startSandbox({ dir, profile });
  return {
    mode: { kind: 'sandbox', dir, reason },
    busAddress: sandbox.address,
    kind: profile,
    stop: () => sandbox.stop(),
  };
}

/** The Electron binary's path, or null when none is installed (e.g. installed with ELECTRON_SKIP_BINARY_DOWNLOAD). */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * Web mode runs like the window does: the app (bridge + web server) is its
 * own process, the bundled dist-electron/web.cjs under plain Node, handed the
 * bus, mode and daemon the same way; this process only holds the sandbox.
 * Resolves with its exit code once it has exited; `stop` stops it.
 */
function runWeb(options: LaunchOptions, daemon: Daemon, stop: Promise<void>): Promise<number> {
  const args = [
    // A small young generation: the bridge idles between short bursts, and the
    // default semi-spaces (up to 16 MB) stay resident after the first large
    // state (idle RSS about 72 MB instead of 97). The price is more frequent
    // scavenges: about 20 points more CPU under the bench's 20,000 signals/s.
    '--max-semi-space-size=1',
    join(root, 'dist-electron', 'web.cjs'),
    '--web',
    '--port',
    String(options.port),
  ];
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: appEnv(daemon) });
  // A signal sent to this process alone (not its group) must stop the app too.
  void stop.then(() => child.kill('SIGTERM'));
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 0)));
}

/** What the app process gets from this launcher (electron/launch-env.ts reads it). */
function appEnv(daemon: Daemon): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DBUS_SYSTEM_BUS_ADDRESS: daemon.busAddress,
    OSTREE_UM_MODE: JSON.stringify(daemon.mode),
    OSTREE_UM_DAEMON: daemon.kind,
  };
}

function runElectron(binary: string, daemon: Daemon, tray: boolean): Promise<number> {
  const args = [join(root, 'dist-electron', 'main.cjs'), ...(tray ? ['--tray'] : [])];
  const child = spawn(binary, args, { stdio: 'inherit', env: appEnv(daemon) });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 0)));
}

/**
 * Resolves on the first SIGINT or SIGTERM. Listening from the very start
 * means a signal during start-up ends in an orderly stop too; `on`, not
 * `once`: a second signal during shutdown (tsx relays the one the process
 * group already got) must not kill us half way.
 */
function stopRequested(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
  });
}

async function main(): Promise<number> {
  const stop = stopRequested();
  const parsed = parseLaunchOptions(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n\n${HELP_TEXT}`);
    return 2;
  }
  const { options } = parsed;
  if (options.help) {
    process.stdout.write(HELP_TEXT);
    return 0;
  }
  if (
    !existsSync(join(root, 'dist', 'renderer', 'index.html')) ||
    !existsSync(join(root, 'dist-electron', 'web.cjs'))
  ) {
    process.stderr.write(
      'The UI is not built yet: run `npm run build` (npm start does it for you).\n',
    );
    return 1;
  }
  const daemon = await chooseDaemon(options);
  const binary = options.web ? null : electronBinary();
  if (binary) {
    const code = await runElectron(binary, daemon, options.tray);
    await daemon.stop();
    return code;
  }
  if (!options.web)
    log.info(
      'No Electron runtime is installed (npm was run with ELECTRON_SKIP_BINARY_DOWNLOAD, or its download failed); serving the UI in web mode instead.',
    );
  const code = await runWeb(options, daemon, stop);
  await daemon.stop();
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
