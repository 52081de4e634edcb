import { join } from 'node:path';
import type { RunMode } from '../contract/domain.ts';
import type { JournalSource } from './journal-probe.ts';

/** Where the health probes look, on a real system and in a sandbox. */
export interface HealthPaths {
  readonly boot: string;
  readonly sysroot: string;
  /** The running boot's id. */
  readonly bootIdFile: string;
  readonly journal: JournalSource;
}

/**
 * A real system: /boot, /sysroot, the kernel's boot id and the system
 * journal. A sandbox directory plays a whole machine (sandbox/sysroot/
 * layout.ts): its `sysroot/boot` and `sysroot`, `run/boot_id` (written at
 * each sandbox boot) and the journal files in `journal/` that the sandbox's
 * boots and reboots write (sandbox/journal/).
 */
export function healthPaths(mode: RunMode): HealthPaths {
  if (mode.kind === 'system')
    return {
      boot: '/boot',
      sysroot: '/sysroot',
      bootIdFile: '/proc/sys/kernel/random/boot_id',
      journal: { kind: 'system' },
    };
  return {
    boot: join(mode.dir, 'sysroot', 'boot'),
    sysroot: join(mode.dir, 'sysroot'),
    bootIdFile: join(mode.dir, 'run', 'boot_id'),
    journal: { kind: 'directory', path: join(mode.dir, 'journal') },
  };
}
