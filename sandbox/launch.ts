import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DaemonFlavour } from '../daemon-bridge/contract/domain.ts';
import { PROFILES } from '../daemon-bridge/rpm-ostree/profile.ts';
import { APT_LAYER_SANDBOX_DAEMON } from './apt-layer/launch-apt-layer.ts';
import { MACHINE_OF_FLAVOUR, machineOfDir } from './machine/machines.ts';
import type { SandboxMachine } from './machine/machine.ts';
import { startPowerServices } from './power/launch-power.ts';
import type { PowerServices } from './power/launch-power.ts';
import type { PowerValues } from './power/power-values.ts';
import { startPrivateBus } from './private-bus.ts';
import { journalPowerOn } from './journal/boot-journal.ts';
import { currentBoot } from './journal/sandbox-journal.ts';
import { setSandboxFaults } from './faults/faults.ts';
import type { SandboxFaults } from './faults/faults.ts';
import type { HttpRemote } from './remote/http-remote.ts';
import { serveRemote } from './remote/remote-config.ts';
import { ensureSeeded } from './seed/seed-sandbox.ts';
import { bootSandbox, readBootRecord } from './sysroot/boot-record.ts';
import { sandboxLayout } from './sysroot/layout.ts';
import type { SandboxLayout } from './sysroot/layout.ts';
import { startServiceProcess } from './service-process.ts';
import type { ServiceProcess } from './service-process.ts';

const here = dirname(fileURLToPath(import.meta.url));
const DAEMON_MAIN = join(here, 'daemon-main.ts');

/**
 * The command line of the daemon process: Node with tsx's loader running
 * daemon-main.ts. Without --address it serves DBUS_SYSTEM_BUS_ADDRESS, which
 * is how the bus hands itself to a service it activates.
 */
export function daemonCommand(
  dir: string,
  idleExit?: number,
  linger?: number,
  profile: DaemonFlavour = 'rpm-ostree',
  polkit = false,
): string[] {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const argv = [process.execPath, '--import', tsx, DAEMON_MAIN, '--dir', dir];
  if (profile !== 'rpm-ostree') argv.push('--profile', profile);
  if (idleExit !== undefined) argv.push('--idle-exit', String(idleExit));
  if (linger !== undefined) argv.push('--transaction-linger', String(linger));
  if (polkit) argv.push('--polkit');
  return argv;
}

/** The command line of the sandbox's logind stand-in (sandbox/logind/logind-main.ts). */
export function logindCommand(dir: string): string[] {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return [process.execPath, '--import', tsx, join(here, 'logind', 'logind-main.ts'), '--dir', dir];
}

/** A running sandbox daemon process. */
export type SandboxDaemonProcess = ServiceProcess;

export interface SandboxDaemonOptions {
  /** A seeded sandbox directory. */
  readonly dir: string;
  /** The bus to serve on. */
  readonly address: string;
  /** Idle exit in seconds (0 = never; default: the directory's daemon config, else never). */
  readonly idleExit?: number;
  /** Seconds a finished transaction waits for its peers (default 30). */
  readonly transactionLinger?: number;
  /** Which daemon to play (default rpm-ostree). */
  readonly profile?: DaemonFlavour;
  /** Ask polkit before guarded methods (daemon-main.ts --polkit); default: authorize everyone. */
  readonly polkit?: boolean;
  /** Where the daemon's log lines go (default: this process's stderr). */
  readonly log?: (line: string) => void;
  readonly timeoutMs?: number;
}

/**
 * Spawns `sandbox/daemon-main.ts` under Node with tsx's loader and resolves
 * once it owns the profile's bus name, e.g. org.projectatomic.rpmostree1 (it
 * prints READY after RequestName succeeded, and only after all its objects
 * exist).
 */
export function startSandboxDaemon(options: SandboxDaemonOptions): Promise<SandboxDaemonProcess> {
  const [node, ...args] = daemonCommand(
    options.dir,
    options.idleExit,
    options.transactionLinger,
    options.profile,
    options.polkit,
  );
  return startServiceProcess([node!, ...args, '--address', options.address], {
    what: 'sandbox daemon',
    ...(options.log ? { log: options.log } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
}

/** A whole sandbox: private bus plus daemon over a demo machine. */
export interface RunningSandbox {
  /** Address of the private bus: use it as DBUS_SYSTEM_BUS_ADDRESS. */
  readonly address: string;
  readonly dir: string;
  /** Which daemon serves it. */
  readonly profile: SandboxProfile;
  /** The machine it plays (Fedora, Debian). */
  readonly machine: SandboxMachine;
  readonly daemon: SandboxDaemonProcess;
  /** The upstream repo's HTTP server (the `fedora`/`debian` remote's URL). */
  readonly remote: HttpRemote;
  /** The NetworkManager and UPower stand-ins (sandbox/power/), unless switched off. */
  readonly power: PowerServices | null;
  /** Replaces the injected faults (sandbox/faults/); `{}` switches them all off. */
  setFaults(faults: SandboxFaults): void;
  /** Stops the daemon, then the bus and the remote. */
  stop(): Promise<void>;
}

/** rpm-ostreed's default IdleExitTimeout (reference §2.2). */
export const DEFAULT_IDLE_EXIT_SECONDS = 60;

/** The daemons a sandbox can run: the key of SANDBOX_DAEMONS. */
export type SandboxProfile = DaemonFlavour | 'apt-layer';

/** What one kind of sandbox daemon needs to run; see SANDBOX_DAEMONS. */
export interface SandboxDaemonKind {
  /** The well-known name it owns (and the bus can activate). */
  readonly busName: string;
  /** The machine it serves; a directory keeps the machine it was seeded with. */
  readonly machine: SandboxMachine;
  /** Where things live in the directory for this daemon (its config file). */
  layout(dir: string): SandboxLayout;
  /** Its command line for D-Bus activation (it then serves DBUS_SYSTEM_BUS_ADDRESS). */
  command(options: {
    readonly dir: string;
    readonly idleExit?: number;
    readonly transactionLinger?: number;
    readonly polkit?: boolean;
  }): string[];
  /** Starts it on `options.address`; resolves once it owns `busName`. */
  start(options: SandboxDaemonOptions): Promise<SandboxDaemonProcess>;
}

/** One daemon-main.ts profile as a SandboxDaemonKind. */
function profileDaemon(flavour: DaemonFlavour): SandboxDaemonKind {
  return {
    busName: PROFILES[flavour].busName,
    machine: MACHINE_OF_FLAVOUR[flavour],
    layout: (dir) => sandboxLayout(dir, flavour),
    command: (o) => daemonCommand(o.dir, o.idleExit, o.transactionLinger, flavour, o.polkit),
    start: (o) => startSandboxDaemon({ ...o, profile: flavour }),
  };
}

/**
 * How to start each daemon a sandbox can run. rpm-ostree serves the Fedora
 * machine, apt-ostree the Debian one, both from daemon-main.ts with
 * `--profile`. Another daemon plugs in with an entry here (its bus name,
 * machine, command line and start function) and a member of SandboxProfile.
 */
export const SANDBOX_DAEMONS: { readonly [P in SandboxProfile]: SandboxDaemonKind } = {
  'rpm-ostree': profileDaemon('rpm-ostree'),
  'apt-ostree': profileDaemon('apt-ostree'),
  // apt-layer's own API (sandbox/apt-layer/), on the Debian machine.
  'apt-layer': APT_LAYER_SANDBOX_DAEMON,
};

export interface StartSandboxOptions {
  readonly dir: string;
  /** Which daemon to run (default rpm-ostree, on a Fedora machine; apt-ostree: a Debian one). */
  readonly profile?: SandboxProfile;
  /** Seconds without registered clients before the daemon exits; default 60 as rpm-ostreed. */
  readonly idleExit?: number;
  readonly log?: (line: string) => void;
  /** Delay (ms) before the HTTP remote answers each request: a slow mirror. */
  readonly slowRemoteMs?: number;
  /** Seconds a finished transaction waits for its peers before it is closed (default 30). */
  readonly transactionLinger?: number;
  /** The NetworkManager/UPower stand-ins' initial values; false: neither service runs. */
  readonly power?: Partial<PowerValues> | false;
  /** Faults to inject from the start (sandbox/faults/faults.ts); default none. */
  readonly faults?: SandboxFaults;
  /**
   * The daemon asks polkit (org.freedesktop.PolicyKit1, which the caller runs
   * on this bus) before every method rpm-ostreed guards. Default off: every
   * caller is authorized. rpm-ostree only.
   */
  readonly polkit?: boolean;
}

/**
 * What `npm run sandbox` does, as a function: seeds `dir` with the
 * profile's machine on first use, "powers the machine on" when it is not
 * booted (boots the default deployment), starts a private bus under
 * `dir/run/` and the profile's daemon on it. A directory seeded for another
 * machine is refused (a Fedora sysroot is no Debian machine).
 */
export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  const profile = options.profile ?? 'rpm-ostree';
  const kind = SANDBOX_DAEMONS[profile];
  const { machine } = kind;
  const layout = kind.layout(options.dir);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const idleExit = options.idleExit ?? DEFAULT_IDLE_EXIT_SECONDS;
  if (options.polkit && profile !== 'rpm-ostree')
    throw new Error(`polkit authorization is only implemented for rpm-ostree, not ${profile}`);
  const existing = await machineOfDir(layout);
  if (existing && existing !== machine)
    throw new Error(
      `${layout.dir} holds a ${existing.title} machine; the ${profile} sandbox needs a ${machine.title} one (use another directory)`,
    );
  await ensureSeeded(layout, log, machine);
  if (!(await readBootRecord(layout))) {
    const boot = await bootSandbox(layout);
    log(`booted ${boot.deployment}`);
  }
  // The machine's journal knows the running boot (sandbox/journal/).
  if (!(await currentBoot(layout))) await journalPowerOn(layout, log);
  // A sandbox starts with the faults asked for, never with those of a previous run.
  await mkdir(layout.runDir, { recursive: true });
  setSandboxFaults(layout.dir, options.faults ?? {});
  // The remote: the upstream archive repo over HTTP, so pulls report progress.
  const remote = await serveRemote(layout, machine, options.slowRemoteMs ?? 0);
  log(`remote ${machine.remote}: ${remote.url}`);
  const run = {
    dir: layout.dir,
    idleExit,
    ...(options.transactionLinger !== undefined
      ? { transactionLinger: options.transactionLinger }
      : {}),
    ...(options.polkit ? { polkit: true } : {}),
  };
  // Like the real system bus: the daemon's name is activatable, so after an
  // idle exit the next call starts it again.
  const bus = await startPrivateBus(layout.runDir, {
    services: [
      { name: kind.busName, exec: kind.command(run) },
      // logind's Reboot, so "reboot to apply" works on the sandbox as on a real system.
      { name: 'org.freedesktop.login1', exec: logindCommand(layout.dir) },
    ],
  });
  const daemonStarting = kind.start({ ...run, address: bus.address, log });
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
    profile,
    machine,
    daemon,
    remote,
    power,
    setFaults: (faults) => setSandboxFaults(layout.dir, faults),
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
