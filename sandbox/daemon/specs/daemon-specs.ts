import type { DaemonProfile } from '../../../daemon-bridge/rpm-ostree/profile.ts';
import type { InterfaceSpec } from '../service/interface-spec.ts';
import { osExperimentalSpec, osSpec } from './os-spec.ts';
import { sysrootSpec } from './sysroot-spec.ts';
import { transactionSpec } from './transaction-spec.ts';

/** The daemon's own interfaces for one profile. */
export interface DaemonSpecs {
  readonly sysroot: InterfaceSpec;
  readonly os: InterfaceSpec;
  readonly osExperimental: InterfaceSpec;
  /** Served on the transaction peer socket. */
  readonly transaction: InterfaceSpec;
}

const cache = new Map<DaemonProfile, DaemonSpecs>();

/** Specs for `profile`, built once (each spec backs one generated dbus-next class). */
export function daemonSpecs(profile: DaemonProfile): DaemonSpecs {
  let specs = cache.get(profile);
  if (!specs) {
    specs = {
      sysroot: sysrootSpec(profile.interfacePrefix),
      os: osSpec(profile.interfacePrefix),
      osExperimental: osExperimentalSpec(profile.interfacePrefix),
      transaction: transactionSpec(profile.interfacePrefix),
    };
    cache.set(profile, specs);
  }
  return specs;
}
