import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RPM_OSTREE } from '../daemon-bridge/rpm-ostree/profile.ts';
import { startPowerServices } from './power/launch-power.ts';
import type { PowerServices } from './power/launch-power.ts';
import type { PowerValues } from './power/power-values.ts';
import { startPrivateBus } from './private-bus.ts';
import type { HttpRemote } from './remote/http-remote.ts';
import { serveRemote } from './remote/remote-config.ts';
import { ensureSeeded } from './seed/seed-sandbox.ts';
import { bootSandbox, readBootRecord } from './sysroot/boot-record.ts';
import { sandboxLayout } from './sysroot/layout.ts';

const here = dirname(fileURLToPath(import.meta.url));
const DAEMON_MAIN = join(here, 'daemon-main.ts');

/**
 * The command line of the daemon process: Node with tsx's loader running
 * daemon-main.ts. Without --address it serves DBUS_SYSTEM_BUS_ADDRESS, which
 * is how the bus hands itself to a service it activates.
 */
export function daemonCommand(dir: string, idleExit?: number, linger?: number): string[] {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const argv = [process.execPath, '--import', tsx, DAEMON_MAIN, '--dir', dir];
  if (idleExit !== undefined) argv.push('--idle-exit', String(idleExit));
  if (linger !== undefined) argv.push('--transaction-linger', String(linger));
  return argv;
}

/** The command line of the sandbox's logind stand-in (sandbox/logind/logind-main.ts). */
export function logindCommand(dir: string): string[] {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return [process.execPath, '--import', tsx, join(here, 'logind', 'logind-main.ts'), '--dir', dir];
}

/** A running sandbox daemon process. */
export interface SandboxDaemonProcess {
  readonly pid: number;
  /** Its unique name on the bus. */
  readonly uniqueName: string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** SIGTERM (the daemon releases its name), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL: a crash, the name vanishes without ReleaseName. */
  kill(): void;
}

export interface SandboxDaemonOptions {
  /** A seeded sandbox directory. */
  readonly dir: string;
  /** The bus to serve on. */
  readonly address: string;
  /** Idle exit in seconds (0 = never; default: the directory's rpm-ostreed.conf, else never). */
  readonly idleExit?: number;
  /** Seconds a finished transaction waits for its peers (default 30). */
  readonly transactionLinger?: number;
  /** Where the daemon's log lines go (default: this process's stderr). */
  readonly log?: (line: string) => void;
  readonly timeoutMs?: number;
}

/**
 * Spawns `sandbox/daemon-main.ts` under Node with tsx's loader and resolves
 * once it owns org.projectatomic.rpmostree1 (it prints READY after
 * RequestName succeeded, and only after all its objects exist).
 */
export async function startSandboxDaemon(
  options: SandboxDaemonOptions,
): Promise<SandboxDaemonProcess> {
  const [node, ...args] = daemonCommand(options.dir, options.idleExit, options.transactionLinger);
  args.push('--address', options.address);
  const child = spawn(node!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const recent: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    recent.push(line);
    if (recent.length > 40) recent.shift();
    log(line);
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const uniqueName = await new Promise<string>((done, fail) => {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`sandbox daemon not ready within ${timeoutMs} ms:\n${recent.join('\n')}`));
    }, timeoutMs);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^READY \S+ (\S+)$/.exec(line);
      if (!m) return;
      clearTimeout(timer);
      done(m[1]!);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`sandbox daemon exited (${code}) before it was ready:\n${recent.join('\n')}`));
    });
  });

  return {
    pid: child.pid!,
    uniqueName,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    kill() {
      child.kill('SIGKILL');
    },
  };
}

/** A whole sandbox: private bus plus daemon over a demo machine. */
export interface RunningSandbox {
  /** Address of the private bus: use it as DBUS_SYSTEM_BUS_ADDRESS. */
  readonly address: string;
  readonly dir: string;
  readonly daemon: SandboxDaemonProcess;
  /** The upstream repo's HTTP server (the `fedora` remote's URL). */
  readonly remote: HttpRemote;
  /** The NetworkManager and UPower stand-ins (sandbox/power/), unless switched off. */
  readonly power: PowerServices | null;
  /** Stops the daemon, then the bus and the remote. */
  stop(): Promise<void>;
}

/** rpm-ostreed's default IdleExitTimeout (reference §2.2). */
export const DEFAULT_IDLE_EXIT_SECONDS = 60;

export interface StartSandboxOptions {
  readonly dir: string;
  /** Seconds without registered clients before the daemon exits; default 60 as rpm-ostreed. */
  readonly idleExit?: number;
  readonly log?: (line: string) => void;
  /** Delay (ms) before the HTTP remote answers each request: a slow mirror. */
  readonly slowRemoteMs?: number;
  /** Seconds a finished transaction waits for its peers before it is closed (default 30). */
  readonly transactionLinger?: number;
  /** The NetworkManager/UPower stand-ins' initial values; false: neither service runs. */
  readonly power?: Partial<PowerValues> | false;
}

/**
 * What `npm run sandbox` does, as a function: seeds `dir` on first use,
 * "powers the machine on" when it is not booted (boots the default
 * deployment), starts a private bus under `dir/run/` and the daemon on it.
 */
export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  const layout = sandboxLayout(options.dir);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const idleExit = options.idleExit ?? DEFAULT_IDLE_EXIT_SECONDS;
  await ensureSeeded(layout, log);
  if (!(await readBootRecord(layout))) {
    const boot = await bootSandbox(layout);
    log(`booted ${boot.deployment}`);
  }
  // The remote: the upstream archive repo over HTTP, so pulls report progress.
  const remote = await serveRemote(layout, options.slowRemoteMs ?? 0);
  log(`remote fedora: ${remote.url}`);
  // Like the real system bus: the daemon's name is activatable, so after an
  // idle exit the next call starts it again.
  const bus = await startPrivateBus(layout.runDir, {
    services: [
      {
        name: RPM_OSTREE.busName,
        exec: daemonCommand(layout.dir, idleExit, options.transactionLinger),
      },
      // logind's Reboot, so "reboot to apply" works on the sandbox as on a real system.
      { name: 'org.freedesktop.login1', exec: logindCommand(layout.dir) },
    ],
  });
  const daemonStarting = startSandboxDaemon({
    dir: layout.dir,
    address: bus.address,
    idleExit,
    log,
    ...(options.transactionLinger !== undefined
      ? { transactionLinger: options.transactionLinger }
      : {}),
  });
  const powerStarting =
    options.power === false
      ? Promise.resolve(null)
      : startPowerServices({ address: bus.address, values: options.power ?? {}, log });
  const [daemonResult, powerResult] = await Promise.allSettled([daemonStarting, powerStarting]);
  if (daemonResult.status === 'rejected' || powerResult.status === 'rejected') {
    if (daemonResult.status === 'fulfilled') await daemonResult.value.stop();
    if (powerResult.status === 'fulfilled') await powerResult.value?.stop();
    await bus.stop();
    await remote.close();
    throw daemonResult.status === 'rejected'
      ? daemonResult.reason
      : (powerResult as PromiseRejectedResult).reason;
  }
  const daemon: SandboxDaemonProcess = daemonResult.value;
  const power = powerResult.value;
  let stopping: Promise<void> | null = null;
  return {
    address: bus.address,
    dir: layout.dir,
    daemon,
    remote,
    power,
    stop() {
      stopping ??= daemon
        .stop()
        .finally(() => power?.stop())
        .finally(() => bus.stop())
        .finally(() => remote.close());
      return stopping;
    },
  };
}
