import { join, resolve } from 'node:path';

/**
 * Where things live inside a sandbox directory. The directory plays a whole
 * machine: `sysroot/` is its disk (an ostree sysroot), `run/` its /run
 * (kernel command line stand-in, boot record, bus socket), `etc/` its /etc
 * (rpm-ostreed.conf) and `upstream/` the distribution's ostree server.
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
  /** Stand-in for /etc/rpm-ostreed.conf. */
  readonly daemonConfig: string;
  /** An archive repository serving as the remote the deployments track. */
  readonly upstreamRepo: string;
}

/** The layout of sandbox directory `dir` (made absolute). */
export function sandboxLayout(dir: string): SandboxLayout {
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
    daemonConfig: join(root, 'etc', 'rpm-ostreed.conf'),
    upstreamRepo: join(root, 'upstream', 'repo'),
  };
}
