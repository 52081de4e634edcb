/**
 * How the main process starts the privileged helper: through pkexec on a
 * real system, directly (no pkexec, no root) in the sandbox.
 *
 * No `import.meta` here: this file ends up in the CJS main-process bundle.
 * The source-tree command (tsx) is in helper-source.ts.
 */
import { join } from 'node:path';
import type { DaemonFlavour, RunMode } from '../contract/domain.ts';
import { DAEMON_CONFIG_PATHS, HELPER_ENV } from './helper-config.ts';

/** A command line to spawn, with extra environment (merged over the app's). */
export interface HelperLaunch {
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Where the packages install the helper: a small wrapper that runs the
 * bundled dist-electron/helper.cjs. The polkit policy's
 * `org.freedesktop.policykit.exec.path` names this exact path.
 */
export const INSTALLED_HELPER_PATH =
  '/usr/libexec/ostree-update-manager/ostree-update-manager-helper';

/** The helper's polkit action (build/io.github.ostree_update_manager.helper.policy). */
export const HELPER_POLKIT_ACTION = 'io.github.ostree_update_manager.helper';

/**
 * `pkexec <helper>`: pkexec asks polkit (the desktop's agent shows the
 * password dialog) and runs the helper as root with a cleared environment.
 */
export function systemHelperLaunch(helperPath: string = INSTALLED_HELPER_PATH): HelperLaunch {
  return { command: 'pkexec', args: [helperPath] };
}

/** The helper program's argv for the built bundle: this Node (or Electron as Node) running helper.cjs. */
export function bundledHelperProgram(bundlePath: string): readonly string[] {
  return [process.execPath, bundlePath];
}

export interface SandboxHelperOptions {
  /** The sandbox directory (sandbox/sysroot/layout.ts): `<dir>/sysroot`, `<dir>/etc/rpm-ostreed.conf`. */
  readonly dir: string;
  /** The sandbox's private bus, where its daemon serves ReloadConfig. */
  readonly busAddress: string;
  /** argv of the helper program: helperSourceProgram() (tsx) or bundledHelperProgram(). */
  readonly program: readonly string[];
  readonly flavour?: DaemonFlavour;
}

/**
 * The helper run directly, pointed at the sandbox machine through the
 * OSTREE_UM_HELPER_* variables and at the sandbox bus.
 * ELECTRON_RUN_AS_NODE makes `process.execPath` behave as Node when the
 * caller is Electron's main process; plain Node ignores it.
 */
export function sandboxHelperLaunch(options: SandboxHelperOptions): HelperLaunch {
  const [command, ...args] = options.program;
  if (command === undefined) throw new Error('sandboxHelperLaunch: empty helper program');
  return {
    command,
    args,
    env: {
      ELECTRON_RUN_AS_NODE: '1',
      DBUS_SYSTEM_BUS_ADDRESS: options.busAddress,
      [HELPER_ENV.sysroot]: join(options.dir, 'sysroot'),
      // The sandbox directory plays the machine's root: its config sits where the daemon's does.
      [HELPER_ENV.daemonConfig]: join(
        options.dir,
        DAEMON_CONFIG_PATHS[options.flavour ?? 'rpm-ostree'],
      ),
      [HELPER_ENV.flavour]: options.flavour ?? 'rpm-ostree',
    },
  };
}

/** The launch for a run mode: pkexec on the system, the direct one (running `program`) in the sandbox. */
export function helperLaunchFor(
  mode: RunMode,
  busAddress: string,
  program: readonly string[],
  flavour: DaemonFlavour = 'rpm-ostree',
): HelperLaunch {
  switch (mode.kind) {
    case 'system':
      return systemHelperLaunch();
    case 'sandbox':
      return sandboxHelperLaunch({ dir: mode.dir, busAddress, program, flavour });
  }
}
