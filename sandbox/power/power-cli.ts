/**
 * Changes what the running power stand-ins report, from a terminal:
 *
 *   npx tsx sandbox/power/power-cli.ts --dir DIR --metered yes --on-battery true --battery 15
 *
 * It calls the sandbox-only org.ostree_update_manager.Sandbox.Power.Set on
 * the sandbox's bus (DIR/run/bus.sock, or --address ADDR). `powerCli(argv)`
 * is the same as a function, for a `sandbox power` subcommand.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeBus, connectBus } from '../../daemon-bridge/dbus/connect-bus.ts';
import { setPowerValues } from './launch-power.ts';
import { parsePowerFlags, POWER_FLAGS_HELP } from './power-values.ts';

const USAGE = `Usage: power-cli.ts (--dir DIR | --address ADDR) [flags]

Changes the values the sandbox's NetworkManager and UPower stand-ins report
(sandbox/power/power-main.ts must be running on that bus).

  --dir DIR             a running sandbox (its bus is DIR/run/bus.sock)
  --address ADDR        or the bus address
${POWER_FLAGS_HELP}`;

/** Runs the command line `argv` (without the program name); resolves with the exit code. */
export async function powerCli(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const parsed = parsePowerFlags(argv, ['--dir', '--address']);
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n\n${USAGE}`);
    return 2;
  }
  const dir = parsed.rest.get('--dir');
  const address =
    parsed.rest.get('--address') ??
    (dir !== undefined ? `unix:path=${join(dir, 'run', 'bus.sock')}` : undefined);
  if (!address) {
    process.stderr.write(`--dir or --address is required\n\n${USAGE}`);
    return 2;
  }
  const bus = await connectBus(address);
  try {
    await setPowerValues(bus, parsed.change);
  } finally {
    closeBus(bus);
  }
  return 0;
}

// Importing this module (for powerCli) must not run it.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  powerCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`power: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
