import { join, resolve } from 'node:path';
import type { DaemonFlavour } from '../../daemon-bridge/contract/domain.ts';
import { PROFILES } from '../../daemon-bridge/rpm-ostree/profile.ts';

/**
 * Where things live inside a sandbox directory. The directory plays a whole
 * machine: `sysroot/` is its disk (an ostree sysroot), `run/` its /run
 * (kernel command line stand-in, boot record, bus socket), `etc/` its /etc
 * (the daemon's config file) and `upstream/` the distribution's ostree server.
 */
export interface SandboxLayout {
  readonly dir: string;
  /** The ostree sysroot (`ostree admin --sysroot`). */
  readonly sysroot: string;
  /** The sysroot's repository. */
  readonly repo: string;
  /** `ostree/deploy` inside the sysroot: libostree bumps its mtime on every change. */
  readonly deployDir: string;
  /** Stand-in for /run. */
  readonly runDir: string;
  /** Stand-in for /proc/cmdline of the running "boot". */
  readonly cmdline: string;
  /** Stand-in for /run/ostree-booted: what "ostree-prepare-root" recorded at boot. */
  readonly bootedRecord: string;
  /** Stand-in for /run/ostree/deployment-state (unlock flags). */
  readonly deploymentState: string;
  /**
   * Stand-in for the daemon's config file: `DIR/etc/rpm-ostreed.conf`, or
   * `DIR/etc/apt-ostreed/apt-ostreed.conf` (the profile's path under DIR).
   */
  readonly daemonConfig: string;
  /** Stand-in for /var/cache/<daemon> (the cached update). */
  readonly cacheDir: string;
  /** An archive repository serving as the remote the deployments track. */
  readonly upstreamRepo: string;
}

/** The layout of sandbox directory `dir` (made absolute) for the daemon `flavour`. */
export function sandboxLayout(dir: string, flavour: DaemonFlavour = 'rpm-ostree'): SandboxLayout {
  const root = resolve(dir);
  const sysroot = join(root, 'sysroot');
  const runDir = join(root, 'run');
  return {
    dir: root,
    sysroot,
    repo: join(sysroot, 'ostree', 'repo'),
    deployDir: join(sysroot, 'ostree', 'deploy'),
    runDir,
    cmdline: join(runDir, 'cmdline'),
    bootedRecord: join(runDir, 'ostree-booted.json'),
    deploymentState: join(runDir, 'ostree', 'deployment-state'),
    daemonConfig: join(root, PROFILES[flavour].configPath),
    cacheDir: join(root, 'cache', flavour),
    upstreamRepo: join(root, 'upstream', 'repo'),
  };
}
