import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MessageBus } from 'dbus-next';
import { callMethod } from '../../daemon-bridge/dbus/call.ts';
import { closeBus, connectBus } from '../../daemon-bridge/dbus/connect-bus.ts';
import { changeToVardict, POWER_CONTROL } from './power-values.ts';
import type { PowerChange, PowerValues } from './power-values.ts';
import { startServiceProcess } from '../service-process.ts';

const POWER_MAIN = join(dirname(fileURLToPath(import.meta.url)), 'power-main.ts');

/** The command line that starts the stand-ins (Node with tsx's loader) with these values. */
export function powerCommand(values: PowerChange = {}, address?: string): string[] {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const argv = [process.execPath, '--import', tsx, POWER_MAIN];
  if (address !== undefined) argv.push('--address', address);
  if (values.metered !== undefined) argv.push('--metered', values.metered);
  if (values.onBattery !== undefined) argv.push('--on-battery', String(values.onBattery));
  if (values.battery !== undefined) argv.push('--battery', String(values.battery ?? 'none'));
  if (values.networkManager !== undefined)
    argv.push('--networkmanager', values.networkManager ? 'on' : 'off');
  if (values.upower !== undefined) argv.push('--upower', values.upower ? 'on' : 'off');
  return argv;
}

/** `org.ostree_update_manager.Sandbox.Power.Set` on `bus`: changes the simulated values. */
export async function setPowerValues(bus: MessageBus, change: PowerChange): Promise<void> {
  await callMethod(bus, {
    destination: POWER_CONTROL.name,
    path: POWER_CONTROL.path,
    interface: POWER_CONTROL.interface,
    member: 'Set',
    signature: 'a{sv}',
    body: [changeToVardict(change)],
    timeoutMs: 10_000,
  });
}

/** The running stand-ins. */
export interface PowerServices {
  readonly pid: number;
  /** The process's unique name on the bus (the owner of both names). */
  readonly uniqueName: string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Changes values (and starts/stops either service) through the control interface. */
  set(change: PowerChange): Promise<void>;
  /** SIGTERM (the names are released), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface PowerServicesOptions {
  /** The bus to serve on (the sandbox's private bus). */
  readonly address: string;
  /** Initial values; the rest from DEFAULT_POWER_VALUES (a laptop on AC at 80 %, unmetered). */
  readonly values?: Partial<PowerValues>;
  /** Where the process's log lines go (default: this process's stderr). */
  readonly log?: (line: string) => void;
  readonly timeoutMs?: number;
}

/**
 * Spawns sandbox/power/power-main.ts and resolves once it owns its names
 * (it prints READY after RequestName succeeded).
 */
export async function startPowerServices(options: PowerServicesOptions): Promise<PowerServices> {
  const service = await startServiceProcess(powerCommand(options.values, options.address), {
    what: 'power stand-ins',
    ...(options.log ? { log: options.log } : {}),
    timeoutMs: options.timeoutMs ?? 30_000,
    graceMs: 5_000,
  });

  let control: Promise<MessageBus> | null = null;
  return {
    pid: service.pid,
    uniqueName: service.uniqueName,
    exited: service.exited,
    async set(change) {
      const connecting = (control ??= connectBus(options.address));
      let bus: MessageBus;
      try {
        bus = await connecting;
      } catch (err) {
        if (control === connecting) control = null;
        throw err;
      }
      await setPowerValues(bus, change);
    },
    async stop(graceMs?: number) {
      const connecting = control;
      control = null;
      const bus = connecting ? await connecting.catch(() => null) : null;
      if (bus) closeBus(bus);
      await service.stop(graceMs);
    },
  };
}
