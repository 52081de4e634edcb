/**
 * The sandbox daemon process: rpm-ostreed's D-Bus API (or apt-ostreed's, by
 * profile) over the sandbox directory's ostree sysroot.
 *
 *   node --import tsx sandbox/daemon-main.ts --dir DIR [--profile rpm-ostree|apt-ostree]
 *     [--address ADDR] [--idle-exit SECONDS] [--polkit]
 *
 * Prints one line `READY <bus name> <unique name>` on stdout once the name is
 * owned; logs go to stderr. SIGINT/SIGTERM and idle exit release the name
 * and exit 0.
 */
import { closeBus, connectBus, onBusClosed } from '../daemon-bridge/dbus/connect-bus.ts';
import type { DaemonFlavour } from '../daemon-bridge/contract/domain.ts';
import { PROFILES } from '../daemon-bridge/rpm-ostree/profile.ts';
import { SandboxDaemon } from './daemon/sandbox-daemon.ts';
import { interfaces } from '../daemon-bridge/rpm-ostree/profile.ts';
import { installCallFaults } from './faults/daemon-faults.ts';
import { FAULT_HELP } from './faults/faults.ts';

const USAGE = `Usage: daemon-main.ts --dir DIR [--profile P] [--address ADDR] [--idle-exit SECONDS] [--polkit]

  --dir DIR             sandbox directory (already seeded with the profile's machine)
  --profile P           rpm-ostree (default; org.projectatomic.rpmostree1, a Fedora
                        machine) or apt-ostree (org.projectatomic.aptostree1, a Debian one)
  --address ADDR        bus to serve on (default: $DBUS_SYSTEM_BUS_ADDRESS)
  --idle-exit SECONDS   exit after SECONDS without registered clients (0 = never;
                        default: IdleExitTimeout from the profile's config file under
                        DIR, e.g. DIR/etc/rpm-ostreed.conf, else never)
  --polkit              ask polkit (org.freedesktop.PolicyKit1 on the same bus) before
                        every method rpm-ostreed guards, with its action ids; callers
                        with uid 0 pass without asking (rpm-ostree profile only).
                        Without it every caller is authorized.

Faults are read from DIR/run/sandbox-faults.json whenever they matter, by this
process and by every daemon the bus activates later; switch them with
\`npm run sandbox -- fault --dir DIR …\` or the sandbox's --fault flags.
${FAULT_HELP}
`;

interface Args {
  readonly dir: string;
  readonly profile: DaemonFlavour;
  readonly address: string;
  readonly idleExit: number | undefined;
  readonly linger: number | undefined;
  readonly polkit: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  let dir: string | undefined;
  let profile: DaemonFlavour = 'rpm-ostree';
  let address = process.env.DBUS_SYSTEM_BUS_ADDRESS || undefined;
  let idleExit: number | undefined;
  let linger: number | undefined;
  let polkit = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--dir':
        dir = value();
        break;
      case '--address':
        address = value();
        break;
      case '--profile': {
        const v = value();
        if (v !== 'rpm-ostree' && v !== 'apt-ostree')
          return `--profile needs rpm-ostree or apt-ostree, got ${v}`;
        profile = v;
        break;
      }
      case '--idle-exit': {
        const v = value();
        if (!v || !/^\d+$/.test(v)) return `--idle-exit needs a number of seconds, got ${v}`;
        idleExit = Number(v);
        break;
      }
      case '--transaction-linger': {
        const v = value();
        if (!v || !/^\d+$/.test(v)) return `--transaction-linger needs seconds, got ${v}`;
        linger = Number(v);
        break;
      }
      case '--polkit':
        if (inline !== undefined) return `--polkit takes no value`;
        polkit = true;
        break;
      case '--help':
        return '';
      default:
        return `Unknown option ${flag}`;
    }
  }
  if (!dir) return '--dir is required';
  if (!address) return 'No bus address: pass --address or set DBUS_SYSTEM_BUS_ADDRESS';
  if (polkit && profile !== 'rpm-ostree')
    return `--polkit is only implemented for the rpm-ostree profile, not ${profile}`;
  return { dir, profile, address, idleExit, linger, polkit };
}

let daemonName = 'rpm-ostreed';
const log = (line: string) =>
  process.stderr.write(`${daemonName}[sandbox ${process.pid}]: ${line}\n`);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(args ? `${args}\n\n${USAGE}` : USAGE);
    process.exit(args ? 2 : 0);
  }
  const profile = PROFILES[args.profile];
  daemonName = `${profile.cliName}d`;
  const bus = await connectBus(args.address);
  let exiting = false;
  const exit = (code: number) => {
    exiting = true;
    closeBus(bus);
    process.exit(code);
  };
  onBusClosed(bus, () => {
    if (exiting) return;
    log('lost the bus connection; exiting');
    process.exit(1);
  });
  // Before the daemon's own method handlers, so a fault sees each call first (sandbox/faults/).
  let vanish = (): void => exit(0);
  installCallFaults(bus, {
    dir: args.dir,
    daemonName,
    sysrootInterface: interfaces(profile).sysroot,
    sysrootPath: profile.sysrootPath,
    log,
    vanish: () => vanish(),
  });
  const daemon = await SandboxDaemon.create({
    bus,
    dir: args.dir,
    profile,
    idleExitSeconds: args.idleExit,
    ...(args.linger !== undefined ? { transactionLingerSeconds: args.linger } : {}),
    polkit: args.polkit,
    log,
    onIdleExit: () => exit(0),
  });
  vanish = () => void daemon.shutdown().then(() => exit(0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      log(`${signal}: releasing ${profile.busName} and exiting`);
      void daemon.shutdown().then(() => exit(0));
    });
  const unique = await daemon.start();
  process.stdout.write(`READY ${profile.busName} ${unique}\n`);
  log(
    `serving ${args.dir} on ${args.address} as ${unique}${args.polkit ? ' (polkit authorization)' : ''}`,
  );
}

main().catch((err: unknown) => {
  log(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
