/**
 * The profile table: everything that differs between daemons speaking the
 * rpm-ostree D-Bus API. Shared with sandbox/ (ARCHITECTURE.md).
 */
import type { DaemonFlavour } from '../contract/domain.ts';

export interface DaemonProfile {
  readonly flavour: DaemonFlavour;
  readonly busName: string;
  /** Root object: ObjectManager lives here; Sysroot and OS objects below it. */
  readonly rootPath: string;
  readonly sysrootPath: string;
  /** Interface names are `<prefix>.Sysroot`, `<prefix>.OS`, `<prefix>.Transaction`. */
  readonly interfacePrefix: string;
}

export const RPM_OSTREE: DaemonProfile = {
  flavour: 'rpm-ostree',
  busName: 'org.projectatomic.rpmostree1',
  rootPath: '/org/projectatomic/rpmostree1',
  sysrootPath: '/org/projectatomic/rpmostree1/Sysroot',
  interfacePrefix: 'org.projectatomic.rpmostree1',
};

export const PROFILES: Readonly<Record<DaemonFlavour, DaemonProfile>> = {
  'rpm-ostree': RPM_OSTREE,
  'apt-ostree': {
    flavour: 'apt-ostree',
    busName: 'org.projectatomic.aptostree1',
    rootPath: '/org/projectatomic/aptostree1',
    sysrootPath: '/org/projectatomic/aptostree1/Sysroot',
    interfacePrefix: 'org.projectatomic.aptostree1',
  },
};

export const interfaces = (p: DaemonProfile) =>
  ({
    sysroot: `${p.interfacePrefix}.Sysroot`,
    os: `${p.interfacePrefix}.OS`,
    osExperimental: `${p.interfacePrefix}.OSExperimental`,
    transaction: `${p.interfacePrefix}.Transaction`,
  }) as const;

/**
 * Object path of an OS (stateroot) object, escaped as the daemon does
 * (rust/src/daemon.rs append_to_object_path): [A-Za-z0-9_] kept, '-' and '/'
 * become '_', any other byte becomes '_XX' with uppercase hex. Not reversible:
 * clients must take paths from the daemon, never un-escape them.
 */
export function osObjectPath(profile: DaemonProfile, osname: string): string {
  let out = '';
  for (const byte of Buffer.from(osname, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9_]/.test(c)) out += c;
    else if (c === '-' || c === '/') out += '_';
    else out += `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `${profile.rootPath}/${out}`;
}
