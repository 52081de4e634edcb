/**
 * Where the privileged helper acts. In production every path is fixed: the
 * `/` sysroot, the daemon's config file in /etc, the rpm-ostree daemon.
 *
 * The OSTREE_UM_HELPER_* variables override them, and only they do (no
 * command-line option, nothing from the protocol). That is safe because
 * pkexec clears the environment (it keeps only a short fixed list such as
 * LANG and TERM): an override can never reach a helper started through
 * pkexec, so a caller cannot point the root helper at another tree. Only
 * the sandbox sets them; it runs the helper directly, without pkexec and
 * without root, on a sysroot that belongs to the user anyway.
 */
import { isAbsolute, normalize } from 'node:path';
import type { DaemonFlavour } from '../contract/domain.ts';
import { PROFILES } from '../rpm-ostree/profile.ts';
import type { DaemonProfile } from '../rpm-ostree/profile.ts';

export const HELPER_ENV = {
  sysroot: 'OSTREE_UM_HELPER_SYSROOT',
  daemonConfig: 'OSTREE_UM_HELPER_DAEMON_CONFIG',
  flavour: 'OSTREE_UM_HELPER_FLAVOUR',
} as const;

/**
 * Each daemon's config file. rpm-ostreed reads /etc/rpm-ostreed.conf
 * (reference §2.2). For apt-ostree the path is taken from the apt-ostree
 * daemon plan (shared/reference/seeds/apt-ostree-daemon-plan.txt §5.3,
 * "/etc/apt-ostreed/apt-ostreed.conf", same `[Daemon]` keys); that is a
 * plan, not a released daemon, so it is an assumption to re-check.
 */
export const DAEMON_CONFIG_PATHS: Readonly<Record<DaemonFlavour, string>> = {
  'rpm-ostree': '/etc/rpm-ostreed.conf',
  'apt-ostree': '/etc/apt-ostreed/apt-ostreed.conf',
};

export interface HelperConfig {
  /** The ostree sysroot (`ostree admin --sysroot`). */
  readonly sysroot: string;
  /** The daemon's GKeyFile config (AutomaticUpdatePolicy lives in `[Daemon]`). */
  readonly daemonConfig: string;
  /** Bus name, object path and interface of the daemon to tell about config changes. */
  readonly profile: DaemonProfile;
  /** True when an override is in effect (logged, so a root helper with one stands out). */
  readonly overridden: boolean;
}

/** The configuration from `env`; throws on an override that is not an absolute path or a known flavour. */
export function helperConfig(env: NodeJS.ProcessEnv): HelperConfig {
  const flavourText = env[HELPER_ENV.flavour];
  let flavour: DaemonFlavour = 'rpm-ostree';
  if (flavourText !== undefined) {
    if (flavourText !== 'rpm-ostree' && flavourText !== 'apt-ostree')
      throw new Error(`${HELPER_ENV.flavour} must be rpm-ostree or apt-ostree`);
    flavour = flavourText;
  }
  const sysroot = pathFrom(env, HELPER_ENV.sysroot) ?? '/';
  const daemonConfig = pathFrom(env, HELPER_ENV.daemonConfig) ?? DAEMON_CONFIG_PATHS[flavour];
  return {
    sysroot,
    daemonConfig,
    profile: PROFILES[flavour],
    overridden: Object.values(HELPER_ENV).some((name) => env[name] !== undefined),
  };
}

function pathFrom(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  if (!isAbsolute(value) || value.includes('\0') || /[\n\r]/.test(value))
    throw new Error(`${name} must be an absolute path`);
  return normalize(value);
}
