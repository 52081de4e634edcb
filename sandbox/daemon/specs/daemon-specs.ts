import { member } from '../../../daemon-bridge/rpm-ostree/profile.ts';
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

/** `record` with each key renamed as `profile` names that member (profile.ts member()). */
export function renameMembers<T>(
  profile: DaemonProfile,
  record: Readonly<Record<string, T>>,
): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [member(profile, k), v]));
}

/**
 * The specs are written with rpm-ostree's names (as in its interface file);
 * another profile gets its interface prefix and its renamed methods,
 * properties and signals — same arguments, types and annotations.
 */
function forProfile(profile: DaemonProfile, spec: InterfaceSpec): InterfaceSpec {
  return {
    name: spec.name,
    ...(spec.methods ? { methods: renameMembers(profile, spec.methods) } : {}),
    ...(spec.properties ? { properties: renameMembers(profile, spec.properties) } : {}),
    ...(spec.signals ? { signals: renameMembers(profile, spec.signals) } : {}),
  };
}

const cache = new Map<DaemonProfile, DaemonSpecs>();

/** Specs for `profile`, built once (each spec backs one generated dbus-next class). */
export function daemonSpecs(profile: DaemonProfile): DaemonSpecs {
  let specs = cache.get(profile);
  if (!specs) {
    const prefix = profile.interfacePrefix;
    specs = {
      sysroot: forProfile(profile, sysrootSpec(prefix)),
      os: forProfile(profile, osSpec(prefix)),
      osExperimental: forProfile(profile, osExperimentalSpec(prefix)),
      transaction: forProfile(profile, transactionSpec(prefix)),
    };
    cache.set(profile, specs);
  }
  return specs;
}
