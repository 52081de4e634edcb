/**
 * The sandbox's stand-ins for NetworkManager and UPower: on the sandbox's
 * private bus one process owns org.freedesktop.NetworkManager and
 * org.freedesktop.UPower and serves what the app reads of them (Metered;
 * OnBattery; the display device's Percentage and IsPresent), with the real
 * types and PropertiesChanged. Tests and people change the values through
 * the sandbox-only org.ostree_update_manager.Sandbox.Power.Set (README,
 * "Network and power").
 *
 *   node --import tsx sandbox/power/power-main.ts [--address ADDR] [flags]
 *
 * Prints `READY <unique name>` on stdout once the names are owned; logs go
 * to stderr. SIGINT/SIGTERM release the names and exit 0; so does losing
 * the bus.
 */
import {
  closeBus,
  connectBus,
  onBusClosed,
  systemBusAddress,
} from '../../daemon-bridge/dbus/connect-bus.ts';
import { describeValues, PowerService } from './power-service.ts';
import { DEFAULT_POWER_VALUES, parsePowerFlags, POWER_FLAGS_HELP } from './power-values.ts';

const USAGE = `Usage: power-main.ts [--address ADDR] [flags]

  --address ADDR        bus to serve on (default: $DBUS_SYSTEM_BUS_ADDRESS)
${POWER_FLAGS_HELP}`;

const log = (line: string) => process.stderr.write(`power[sandbox ${process.pid}]: ${line}\n`);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    process.stdout.write(USAGE);
    return;
  }
  const parsed = parsePowerFlags(argv, ['--address']);
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n\n${USAGE}`);
    process.exit(2);
  }
  const address = parsed.rest.get('--address') ?? systemBusAddress();
  const bus = await connectBus(address);
  let exiting = false;
  onBusClosed(bus, () => {
    if (exiting) return;
    log('lost the bus connection; exiting');
    process.exit(0);
  });
  const service = new PowerService(bus, { ...DEFAULT_POWER_VALUES, ...parsed.change }, log);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      exiting = true;
      void service.releaseAll().finally(() => {
        closeBus(bus);
        process.exit(0);
      });
    });
  await service.start();
  // dbus-next sets `name` (the unique name) after Hello; its typings omit it.
  const unique = (bus as unknown as { name?: string }).name ?? '';
  process.stdout.write(`READY ${unique}\n`);
  log(`serving on ${address}: ${describeValues(service.current)}`);
}

main().catch((err: unknown) => {
  log(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
