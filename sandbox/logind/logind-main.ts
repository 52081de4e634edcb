/**
 * The sandbox's stand-in for systemd-logind: on the sandbox's private bus it
 * owns org.freedesktop.login1 and answers Manager.Reboot by rebooting the
 * sandbox machine (sandbox/sysroot/sandbox-reboot.ts) — so the app reboots
 * a sandbox exactly as it reboots a real system. D-Bus activated by the bus
 * (see launch.ts); exits when its bus goes away.
 *
 *   node --import tsx sandbox/logind/logind-main.ts --dir DIR
 */
import * as dbus from 'dbus-next';
import { connectBus, onBusClosed, systemBusAddress } from '../../daemon-bridge/dbus/connect-bus.ts';
import { rebootSandbox } from '../sysroot/sandbox-reboot.ts';
import { sandboxLayout } from '../sysroot/layout.ts';

export const LOGIN1_NAME = 'org.freedesktop.login1';
const LOGIN1_PATH = '/org/freedesktop/login1';

const log = (line: string) => process.stderr.write(`logind[sandbox ${process.pid}]: ${line}\n`);

/** `org.freedesktop.login1.Manager`, the two members the app uses. */
class Manager extends dbus.interface.Interface {
  constructor(private readonly dir: string) {
    super('org.freedesktop.login1.Manager');
  }

  /** Like logind: "yes" — polkit is not modelled here. */
  CanReboot(): string {
    return 'yes';
  }

  async Reboot(interactive: boolean): Promise<void> {
    log(`Reboot(interactive=${interactive})`);
    const boot = await rebootSandbox(sandboxLayout(this.dir));
    log(`booted ${boot.deployment}`);
  }
}
Manager.configureMembers({
  methods: {
    CanReboot: { inSignature: '', outSignature: 's' },
    Reboot: { inSignature: 'b', outSignature: '' },
  },
});

async function main(): Promise<void> {
  const dirIndex = process.argv.indexOf('--dir');
  const dir = dirIndex > 0 ? process.argv[dirIndex + 1] : undefined;
  if (!dir) throw new Error('--dir is required');
  const bus = await connectBus(systemBusAddress());
  onBusClosed(bus, () => process.exit(0));
  bus.export(LOGIN1_PATH, new Manager(dir));
  await bus.requestName(LOGIN1_NAME, 4 /* DO_NOT_QUEUE */);
  log(`serving ${LOGIN1_NAME} for ${dir}`);
}

main().catch((err: unknown) => {
  log(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
