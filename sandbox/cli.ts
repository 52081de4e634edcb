/**
 * `npm run sandbox -- --dir DIR [--profile apt-ostree]`: a demo Fedora
 * Silverblue machine served by the sandbox rpm-ostree daemon (or a Debian
 * one served as apt-ostree) on a private bus. Prints exactly one line on stdout,
 * `DBUS_SYSTEM_BUS_ADDRESS=<address>`, logs to stderr, and runs until
 * SIGINT/SIGTERM.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { automaticUpdateCommand } from './cli-automatic.ts';
import { faultCommand } from './cli-fault.ts';
import { FAULT_HELP, parseFaultSwitch } from './faults/faults.ts';
import type { SandboxFaults } from './faults/faults.ts';
import { publishCommand, rebootCommand } from './cli-publish.ts';
import { powerCli } from './power/power-cli.ts';
import { SANDBOX_DAEMONS, startSandbox } from './launch.ts';
import type { SandboxProfile } from './launch.ts';

export { startSandbox } from './launch.ts';

const PROFILE_NAMES = Object.keys(SANDBOX_DAEMONS) as SandboxProfile[];

const HELP = `Usage: npm run sandbox -- --dir DIR [--profile P] [--idle-exit SECONDS] [--slow-remote MS] [--polkit]
       npm run sandbox -- publish --dir DIR --version V [...]   (publish --help)
       npm run sandbox -- reboot --dir DIR [--finalize-fails[=MESSAGE]]
       npm run sandbox -- automatic-update --dir DIR [--mode auto|check|stage] [--profile P]
       npm run sandbox -- power --dir DIR [--metered …] [--on-battery …] [--battery …]
       npm run sandbox -- fault --dir DIR [--clear] [NAME[=VALUE] ...]   (fault --help)

Runs a private D-Bus system bus with a sandbox rpm-ostree daemon serving a
real ostree sysroot (a demo Fedora Silverblue machine) kept in DIR, or with
--profile apt-ostree an apt-ostree daemon (org.projectatomic.aptostree1)
serving a demo Debian 12 machine. The machine is created on first use; a
directory keeps its machine. Prints one line,
  DBUS_SYSTEM_BUS_ADDRESS=<address>
for clients to use, then runs until interrupted (Ctrl-C / SIGTERM).

Options:
  --dir DIR             the sandbox directory (created if missing; required)
  --profile P           the daemon to run: ${PROFILE_NAMES.join(', ')}
                        (default: rpm-ostree)
  --idle-exit SECONDS   the daemon exits after SECONDS without registered
                        clients or a transaction, as rpm-ostreed does
                        (default: 60; 0 = never). The bus starts it again
                        on the next call (D-Bus activation).
  --slow-remote MS      the HTTP remote waits MS before each answer (slow
                        pulls, e.g. to try cancelling one)
  --polkit              the daemon asks polkit before every method rpm-ostreed
                        guards, as rpm-ostreed does (rpm-ostree only). polkitd
                        is not started: run it on the printed bus yourself.
                        Without this flag every caller is authorized.
  --fault NAME[=VALUE]  inject a fault (repeatable; see below and the fault command)
  --help                show this help

${FAULT_HELP}
`;

interface CliArgs {
  readonly dir: string;
  readonly profile: SandboxProfile;
  readonly idleExit: number | undefined;
  readonly slowRemoteMs: number | undefined;
  readonly faults: SandboxFaults;
  readonly polkit: boolean;
}

function parse(
  argv: readonly string[],
): CliArgs | { readonly exit: number; readonly text: string } {
  let dir: string | undefined;
  let profile: SandboxProfile = 'rpm-ostree';
  let idleExit: number | undefined;
  let slowRemoteMs: number | undefined;
  let faults: SandboxFaults = {};
  let polkit = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--help' || flag === '-h') return { exit: 0, text: HELP };
    if (flag === '--dir') dir = value();
    else if (flag === '--profile') {
      const v = value();
      if (!PROFILE_NAMES.includes(v as SandboxProfile))
        return { exit: 2, text: `--profile needs one of ${PROFILE_NAMES.join(', ')}\n\n${HELP}` };
      profile = v as SandboxProfile;
    } else if (flag === '--idle-exit') {
      const v = value();
      if (!v || !/^\d+$/.test(v)) return { exit: 2, text: `--idle-exit needs seconds\n\n${HELP}` };
      idleExit = Number(v);
    } else if (flag === '--slow-remote') {
      const v = value();
      if (!v || !/^\d+$/.test(v))
        return { exit: 2, text: `--slow-remote needs milliseconds\n\n${HELP}` };
      slowRemoteMs = Number(v);
    } else if (flag === '--polkit' && inline === undefined) {
      polkit = true;
    } else if (flag === '--fault') {
      const next = parseFaultSwitch(value() ?? '', faults);
      if (typeof next === 'string') return { exit: 2, text: `--fault: ${next}\n\n${HELP}` };
      faults = next;
    } else return { exit: 2, text: `Unknown option ${flag}\n\n${HELP}` };
  }
  if (!dir) return { exit: 2, text: `--dir is required\n\n${HELP}` };
  if (polkit && profile !== 'rpm-ostree')
    return { exit: 2, text: `--polkit is only implemented for rpm-ostree\n\n${HELP}` };
  return { dir: resolve(dir), profile, idleExit, slowRemoteMs, polkit, faults };
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv[0] === 'publish') return publishCommand(argv.slice(1));
  if (argv[0] === 'reboot') return rebootCommand(argv.slice(1));
  if (argv[0] === 'automatic-update') return automaticUpdateCommand(argv.slice(1));
  if (argv[0] === 'power') return powerCli(argv.slice(1));
  if (argv[0] === 'fault') return faultCommand(argv.slice(1));
  const args = parse(argv);
  if ('exit' in args) {
    (args.exit === 0 ? process.stdout : process.stderr).write(args.text);
    return args.exit;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const sandbox = await startSandbox({
    dir: args.dir,
    profile: args.profile,
    log,
    ...(args.idleExit !== undefined ? { idleExit: args.idleExit } : {}),
    ...(args.slowRemoteMs !== undefined ? { slowRemoteMs: args.slowRemoteMs } : {}),
    ...(args.polkit ? { polkit: true } : {}),
    faults: args.faults,
  });
  process.stdout.write(`DBUS_SYSTEM_BUS_ADDRESS=${sandbox.address}\n`);
  const signal = await new Promise<NodeJS.Signals>((done) => {
    process.once('SIGINT', () => done('SIGINT'));
    process.once('SIGTERM', () => done('SIGTERM'));
  });
  log(`${signal}: stopping the sandbox`);
  await sandbox.stop();
  return 0;
}

// Importing this module (for startSandbox) must not start a sandbox.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`sandbox: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
