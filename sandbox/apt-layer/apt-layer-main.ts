/**
 * The sandbox's apt-layer daemon process: org.debian.aptostree1 (Status,
 * Install, Uninstall, Upgrade, Rollback, TransactionProgress) over the
 * sandbox directory's ostree sysroot. See apt-layer-api.ts for the API and
 * the assumptions about what the seed leaves open.
 *
 *   node --import tsx sandbox/apt-layer/apt-layer-main.ts --dir DIR [--address ADDR]
 *
 * Prints `READY <unique name>` on stdout once the name is owned; logs go to
 * stderr. SIGINT/SIGTERM release the name and exit 0; losing the bus exits 1.
 */
import {
  closeBus,
  connectBus,
  onBusClosed,
  systemBusAddress,
} from '../../daemon-bridge/dbus/connect-bus.ts';
import { APT_LAYER_BUS_NAME } from './apt-layer-api.ts';
import { AptLayerDaemon } from './apt-layer-daemon.ts';

const USAGE = `Usage: apt-layer-main.ts --dir DIR [--address ADDR]

  --dir DIR        sandbox directory (already seeded and booted)
  --address ADDR   bus to serve on (default: $DBUS_SYSTEM_BUS_ADDRESS)
`;

function parseArgs(argv: readonly string[]): { dir: string; address: string } | string {
  let dir: string | undefined;
  let address: string | undefined;
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
      case '--help':
        return '';
      default:
        return `Unknown option ${flag}`;
    }
  }
  if (!dir) return '--dir is required';
  return { dir, address: address ?? systemBusAddress() };
}

const log = (line: string) => process.stderr.write(`apt-layer[sandbox ${process.pid}]: ${line}\n`);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(args ? `${args}\n\n${USAGE}` : USAGE);
    process.exit(args ? 2 : 0);
  }
  const bus = await connectBus(args.address);
  let exiting = false;
  onBusClosed(bus, () => {
    if (exiting) return;
    log('lost the bus connection; exiting');
    process.exit(1);
  });
  const daemon = new AptLayerDaemon({ bus, dir: args.dir, log });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      exiting = true;
      log(`${signal}: releasing ${APT_LAYER_BUS_NAME} and exiting`);
      void daemon.shutdown().finally(() => {
        closeBus(bus);
        process.exit(0);
      });
    });
  const unique = await daemon.start();
  process.stdout.write(`READY ${unique}\n`);
  log(`serving ${args.dir} on ${args.address} as ${unique}`);
}

main().catch((err: unknown) => {
  log(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
