import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SandboxDaemonKind } from '../launch.ts';
import { DEBIAN_MACHINE } from '../machine/debian-machine.ts';
import { sandboxLayout } from '../sysroot/layout.ts';
import { APT_LAYER_BUS_NAME } from './apt-layer-api.ts';
import { startServiceProcess } from '../service-process.ts';
import type { ServiceProcess } from '../service-process.ts';

const APT_LAYER_MAIN = join(dirname(fileURLToPath(import.meta.url)), 'apt-layer-main.ts');

/**
 * The command line of the apt-layer daemon process (Node with tsx's loader
 * running apt-layer-main.ts). Without --address it serves
 * DBUS_SYSTEM_BUS_ADDRESS, which is how the bus hands itself to a service it
 * activates: use it as the `exec` of a private-bus.ts BusService.
 */
export function aptLayerCommand(dir: string): string[] {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return [process.execPath, '--import', tsx, APT_LAYER_MAIN, '--dir', dir];
}

/** A running apt-layer daemon process. */
export type AptLayerDaemonProcess = ServiceProcess;

export interface AptLayerDaemonOptions {
  /** A seeded, booted sandbox directory. */
  readonly dir: string;
  /** The bus to serve on. */
  readonly address: string;
  /** Where the daemon's log lines go (default: this process's stderr). */
  readonly log?: (line: string) => void;
  readonly timeoutMs?: number;
}

/** Spawns apt-layer-main.ts and resolves once it owns org.debian.aptostree1. */
export function startAptLayerDaemon(
  options: AptLayerDaemonOptions,
): Promise<AptLayerDaemonProcess> {
  return startServiceProcess([...aptLayerCommand(options.dir), '--address', options.address], {
    what: 'apt-layer daemon',
    ...(options.log ? { log: options.log } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
}

/**
 * The sandbox/launch.ts SANDBOX_DAEMONS entry for `--profile apt-layer`:
 * apt-layer serves the Debian machine, in a directory laid out like an
 * apt-ostree one (the same Debian machine can be served by either daemon).
 * It has no idle exit and no transaction linger: those options are ignored.
 */
export const APT_LAYER_SANDBOX_DAEMON: SandboxDaemonKind = {
  busName: APT_LAYER_BUS_NAME,
  machine: DEBIAN_MACHINE,
  layout: (dir) => sandboxLayout(dir, 'apt-ostree'),
  command: (o) => aptLayerCommand(o.dir),
  start: (o) => startAptLayerDaemon(o),
};
