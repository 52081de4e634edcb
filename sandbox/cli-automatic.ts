/**
 * `npm run sandbox -- automatic-update --dir DIR [--mode auto|check|stage] [--profile P]`:
 * what rpm-ostreed-automatic.service does on its timer
 * (`rpm-ostree upgrade --trigger-automatic-update-policy`), against a
 * running sandbox: OS.AutomaticUpdateTrigger on the booted OS, then Start on
 * the transaction's peer-to-peer socket until Finished. `auto` follows the
 * daemon's AutomaticUpdatePolicy; `check` and `stage` force a mode, as
 * `rpm-ostree automatic-update --check` / `… upgrade` would. Another client
 * than the app: the way to stage an update "behind the app's back". The
 * daemon is the one for the directory's machine (rpm-ostree on Fedora,
 * apt-ostree on Debian) unless --profile names it.
 */
import { resolve } from 'node:path';
import { Message, Variant } from 'dbus-next';
import type { MessageBus } from 'dbus-next';
import { callMethod } from '../daemon-bridge/dbus/call.ts';
import { closeBus, connectBus } from '../daemon-bridge/dbus/connect-bus.ts';
import { connectPeer } from '../daemon-bridge/dbus/p2p/index.ts';
import type { DaemonFlavour } from '../daemon-bridge/contract/domain.ts';
import { interfaces, PROFILES } from '../daemon-bridge/rpm-ostree/profile.ts';
import type { DaemonProfile } from '../daemon-bridge/rpm-ostree/profile.ts';
import { machineOfDir } from './machine/machines.ts';
import { sandboxLayout } from './sysroot/layout.ts';

const USAGE =
  'Usage: npm run sandbox -- automatic-update --dir DIR [--mode auto|check|stage] [--profile rpm-ostree|apt-ostree]\n';
const MODES = ['auto', 'check', 'stage'] as const;
type Mode = (typeof MODES)[number];

/** The bus a running sandbox in `dir` listens on (sandbox/launch.ts puts it in run/). */
export function sandboxBusAddress(dir: string): string {
  return `unix:path=${sandboxLayout(dir).runDir}/bus.sock`;
}

interface Args {
  readonly dir: string;
  readonly mode: Mode;
  readonly profile: DaemonFlavour | null;
}

function parse(argv: readonly string[]): Args | string {
  let dir: string | undefined;
  let mode: Mode = 'auto';
  let profile: DaemonFlavour | null = null;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--dir') dir = value();
    else if (flag === '--mode') {
      const v = value();
      if (!MODES.includes(v as Mode)) return `--mode must be one of ${MODES.join(', ')}\n${USAGE}`;
      mode = v as Mode;
    } else if (flag === '--profile') {
      const v = value();
      if (v !== 'rpm-ostree' && v !== 'apt-ostree')
        return `--profile must be rpm-ostree or apt-ostree\n${USAGE}`;
      profile = v;
    } else return `Unknown option ${flag}\n${USAGE}`;
  }
  return dir ? { dir: resolve(dir), mode, profile } : `--dir is required\n${USAGE}`;
}

/** The profile asked for, else the one that serves the directory's machine. */
async function profileFor(args: Args): Promise<DaemonProfile> {
  if (args.profile) return PROFILES[args.profile];
  const machine = await machineOfDir(sandboxLayout(args.dir));
  return PROFILES[machine?.id === 'debian' ? 'apt-ostree' : 'rpm-ostree'];
}

async function bootedOsPath(bus: MessageBus, profile: DaemonProfile): Promise<string> {
  const [value] = await callMethod(bus, {
    destination: profile.busName,
    path: profile.sysrootPath,
    interface: 'org.freedesktop.DBus.Properties',
    member: 'Get',
    signature: 'ss',
    body: [interfaces(profile).sysroot, 'Booted'],
  });
  const path = (value as Variant).value as unknown;
  if (typeof path !== 'string' || path === '/') throw new Error('the sandbox has no booted OS');
  return path;
}

/** Runs one automatic update; resolves with the exit status (0 = success or nothing to do). */
export async function automaticUpdateCommand(argv: readonly string[]): Promise<number> {
  const args = parse(argv);
  if (typeof args === 'string') {
    process.stderr.write(args);
    return 2;
  }
  const profile = await profileFor(args);
  const bus = await connectBus(sandboxBusAddress(args.dir));
  try {
    const osPath = await bootedOsPath(bus, profile);
    const options: Record<string, Variant> = {
      'initiating-command-line': new Variant(
        's',
        `${profile.cliName} upgrade --trigger-automatic-update-policy`,
      ),
    };
    if (args.mode !== 'auto') options.mode = new Variant('s', args.mode);
    const [enabled, address] = await callMethod(bus, {
      destination: profile.busName,
      path: osPath,
      interface: interfaces(profile).os,
      member: 'AutomaticUpdateTrigger',
      signature: 'a{sv}',
      body: [options],
    });
    if (enabled !== true || typeof address !== 'string' || address === '') {
      // rpm-ostree's own words for a policy of none.
      process.stderr.write('Automatic updates are not enabled; exiting...\n');
      return 0;
    }
    return await follow(address, profile);
  } finally {
    closeBus(bus);
  }
}

/** Start() on the transaction socket, printing Message signals, until Finished. */
async function follow(address: string, profile: DaemonProfile): Promise<number> {
  const peer = await connectPeer(address);
  const iface = interfaces(profile).transaction;
  try {
    const finished = new Promise<[boolean, string]>((done, fail) => {
      peer.bus.on('message', (msg: Message) => {
        if (msg.type !== 4 || msg.interface !== iface) return; // signals only
        if (msg.member === 'Message') process.stderr.write(`${String(msg.body[0])}\n`);
        if (msg.member === 'Finished') done([msg.body[0] === true, String(msg.body[1] ?? '')]);
      });
      void peer.closed.then(() => fail(new Error('the daemon closed the transaction early')));
    });
    await peer.bus.call(new Message({ path: '/', interface: iface, member: 'Start' }));
    const [success, message] = await finished;
    if (!success) {
      process.stderr.write(`error: ${message}\n`);
      return 1;
    }
    return 0;
  } finally {
    peer.close();
  }
}
