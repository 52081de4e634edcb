import { homedir, release } from 'node:os';
import type { RunMode } from '../contract/domain.ts';
import type { Logger } from '../logger.ts';
import type { Clock } from '../manager.ts';
import { readDisk } from './disk-probe.ts';
import { healthPaths } from './health-paths.ts';
import { HealthMonitor } from './health-monitor.ts';
import type { HealthHost } from './health-monitor.ts';
import { readBootId, readFinalizeFromJournal } from './journal-probe.ts';
import type { StatusJson } from './status-json.ts';
import { readDaemonVersion } from './versions.ts';

export interface StartHealthOptions {
  readonly mode: RunMode;
  readonly host: HealthHost;
  readonly clock: Clock;
  readonly log: Logger;
  /** The daemon's command-line tool (`rpm-ostree`), asked for its version. */
  readonly cliTool: string;
  /** Reads the daemon now (status-json.ts); rejects when not connected. */
  readonly readStatus: () => Promise<StatusJson>;
}

/** The health monitor with the real probes for `mode`, started. */
export function startHealth(options: StartHealthOptions): HealthMonitor {
  const paths = healthPaths(options.mode);
  const monitor = new HealthMonitor({
    host: options.host,
    clock: options.clock,
    log: options.log,
    home: homedir(),
    runtime: {
      platform: process.platform,
      kernel: release(),
      arch: process.arch,
      node: process.versions.node,
      electron: process.versions.electron ?? null,
    },
    probes: {
      bootSpace: () => readDisk(paths.boot, true),
      sysrootSpace: () => readDisk(paths.sysroot),
      bootId: () => readBootId(paths.bootIdFile),
      finalize: (bootId) => readFinalizeFromJournal(paths.journal, bootId),
      daemonStatus: options.readStatus,
      daemonVersion: () => readDaemonVersion(options.mode, options.cliTool),
    },
  });
  monitor.start();
  return monitor;
}
