import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A running private dbus-daemon. */
export interface PrivateBus {
  /** The address dbus-daemon printed, e.g. `unix:path=/x/bus.sock,guid=…`. */
  readonly address: string;
  readonly pid: number;
  /** Terminates dbus-daemon and removes its socket. */
  stop(): Promise<void>;
}

export interface PrivateBusOptions {
  /** Bus configuration; default sandbox/bus/system-bus.conf (system-like, open to every user). */
  readonly configFile?: string;
  /** Milliseconds to wait for dbus-daemon to print its address. */
  readonly timeoutMs?: number;
  /**
   * Services the bus starts on demand (D-Bus activation), like the system
   * bus starts rpm-ostreed on the first message to its name. An activated
   * service finds the bus in DBUS_SYSTEM_BUS_ADDRESS.
   */
  readonly services?: readonly BusService[];
}

/** One activatable service: its well-known name and the command that starts it. */
export interface BusService {
  readonly name: string;
  readonly exec: readonly string[];
}

/** Quotes one argument for the Exec= line of a D-Bus .service file (shell-like rules). */
function quoteExecArg(arg: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  if (arg.includes("'")) throw new Error(`cannot quote ${arg} for a D-Bus service file`);
  return `'${arg}'`;
}

/**
 * Writes the service files and a configuration that includes `baseConfig`
 * and adds their directory, returning that configuration's path. The repo's
 * config stays the single source of the bus policy.
 */
async function activationConfig(
  runtimeDir: string,
  baseConfig: string,
  services: readonly BusService[],
): Promise<string> {
  const serviceDir = join(runtimeDir, 'services');
  await mkdir(serviceDir, { recursive: true });
  for (const service of services)
    await writeFile(
      join(serviceDir, `${service.name}.service`),
      `[D-BUS Service]\nName=${service.name}\nExec=${service.exec.map(quoteExecArg).join(' ')}\n`,
    );
  const config = join(runtimeDir, 'bus-with-activation.conf');
  await writeFile(
    config,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<!-- Written by sandbox/private-bus.ts: the sandbox bus plus activatable services. -->
<busconfig>
  <include>${baseConfig}</include>
  <servicedir>${serviceDir}</servicedir>
</busconfig>
`,
  );
  return config;
}

/** The system-like bus configuration shipped with the sandbox. */
export const SYSTEM_BUS_CONFIG = join(
  dirname(fileURLToPath(import.meta.url)),
  'bus',
  'system-bus.conf',
);

// sockaddr_un.sun_path is 108 bytes including the terminating NUL.
const MAX_SOCKET_PATH = 107;

/**
 * Starts dbus-daemon listening on `<runtimeDir>/bus.sock` (the `--address`
 * given here overrides the config's placeholder `<listen>`) and resolves with
 * the address it prints. Refuses to take over a socket another bus is
 * listening on; a stale socket file is removed.
 */
export async function startPrivateBus(
  runtimeDir: string,
  options: PrivateBusOptions = {},
): Promise<PrivateBus> {
  const socket = join(resolve(runtimeDir), 'bus.sock');
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH)
    throw new Error(
      `Bus socket path too long for a unix socket (${socket}); use a shorter directory`,
    );
  await mkdir(dirname(socket), { recursive: true });
  if (existsSync(socket)) {
    if (await isListening(socket)) throw new Error(`A bus is already listening on ${socket}`);
    await unlink(socket);
  }
  const baseConfig = options.configFile ?? SYSTEM_BUS_CONFIG;
  const configFile = options.services?.length
    ? await activationConfig(dirname(socket), baseConfig, options.services)
    : baseConfig;
  const child = spawn(
    'dbus-daemon',
    [
      `--config-file=${configFile}`,
      `--address=unix:path=${socket}`,
      '--nofork',
      '--nopidfile',
      '--print-address=3',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const address = await new Promise<string>((done, fail) => {
    let out = '';
    const timer = setTimeout(
      () =>
        finish(
          new Error(`dbus-daemon printed no address within ${options.timeoutMs ?? 10_000} ms`),
        ),
      options.timeoutMs ?? 10_000,
    );
    const finish = (err: Error | null, value = '') => {
      clearTimeout(timer);
      child.off('exit', onExit).off('error', onError);
      if (err) {
        child.kill('SIGKILL');
        fail(err);
      } else done(value);
    };
    const onExit = (code: number | null) =>
      finish(new Error(`dbus-daemon exited (${code}) before listening: ${stderr.join('').trim()}`));
    const onError = (err: Error) => finish(new Error(`cannot run dbus-daemon: ${err.message}`));
    child.once('exit', onExit).once('error', onError);
    const pipe = child.stdio[3] as NodeJS.ReadableStream;
    pipe.setEncoding('utf8');
    pipe.on('data', (chunk: string) => {
      out += chunk;
      const nl = out.indexOf('\n');
      if (nl >= 0) finish(null, out.slice(0, nl).trim());
    });
  });

  let stopping: Promise<void> | null = null;
  return {
    address,
    pid: child.pid!,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        }
        await unlink(socket).catch(() => undefined);
      })();
      return stopping;
    },
  };
}

function isListening(socket: string): Promise<boolean> {
  return new Promise((done) => {
    const s = connect(socket);
    s.once('connect', () => {
      s.destroy();
      done(true);
    });
    s.once('error', () => done(false));
  });
}
