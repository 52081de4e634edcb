/**
 * The demo machine's software: a few dozen Fedora 43 Silverblue packages
 * (plausible NEVRAs) in two composes two weeks apart, plus `htop` to layer.
 * Only names and versions matter; each package gets a handful of small files.
 */
import { splitPackageVersion } from '../../daemon-bridge/rpm-ostree/profile.ts';
import { compareVersions, packageIdOf } from '../packages/naming.ts';

/** One RPM as rpm-ostree records it in `rpmostree.rpmdb.pkglist`. */
export interface PackageSpec {
  readonly name: string;
  readonly epoch: number;
  readonly version: string;
  readonly release: string;
  readonly arch: string;
  readonly summary: string;
  /** Executables it installs under /usr/bin. */
  readonly bins?: readonly string[];
  /** Other files it installs (absolute paths), e.g. shared libraries. */
  readonly files?: readonly string[];
}

/** One package as the data tables write it: name, `[epoch:]version-release`, arch, summary, bins. */
export type Row = readonly [
  name: string,
  evr: string,
  arch: string,
  summary: string,
  bins?: string,
];

/** A table row → a package (the version split as splitPackageVersion does). */
export function pkg([name, evr, arch, summary, bins]: Row): PackageSpec {
  return {
    name,
    ...splitPackageVersion(evr),
    arch,
    summary,
    ...(bins ? { bins: bins.split(' ') } : {}),
  };
}

const BASE_2026_01_01: readonly Row[] = [
  ['bash', '5.3.0-2.fc43', 'x86_64', 'The GNU Bourne Again shell', 'bash sh'],
  ['bluez', '5.84-2.fc43', 'x86_64', 'Bluetooth utilities', 'bluetoothctl'],
  ['coreutils', '9.7-6.fc43', 'x86_64', 'A set of basic GNU tools', 'ls cat cp mv'],
  ['curl', '8.15.0-4.fc43', 'x86_64', 'A utility for getting files from remote servers', 'curl'],
  ['dbus-broker', '37-2.fc43', 'x86_64', 'Linux D-Bus Message Broker', 'dbus-broker'],
  ['dnf5', '5.2.17.0-1.fc43', 'x86_64', 'Command-line package manager', 'dnf5'],
  ['dracut', '107-4.fc43', 'x86_64', 'Initramfs generator using udev', 'dracut'],
  ['fedora-release-common', '43-26', 'noarch', 'Fedora release files'],
  [
    'fedora-release-silverblue',
    '43-26',
    'noarch',
    'Base package for Fedora Silverblue-specific default configurations',
  ],
  ['fedora-repos', '43-2', 'noarch', 'Fedora package repositories'],
  ['firefox', '146.0.1-1.fc43', 'x86_64', 'Mozilla Firefox Web browser', 'firefox'],
  [
    'flatpak',
    '1.16.1-1.fc43',
    'x86_64',
    'Application deployment framework for desktop apps',
    'flatpak',
  ],
  ['fwupd', '2.0.16-1.fc43', 'x86_64', 'Firmware update daemon', 'fwupdmgr'],
  ['gdm', '1:49.2-1.fc43', 'x86_64', 'The GNOME Display Manager'],
  ['glibc', '2.42-4.fc43', 'x86_64', 'The GNU libc libraries'],
  ['glibc-common', '2.42-4.fc43', 'x86_64', 'Common binaries and locale data for glibc', 'ldd'],
  ['gnome-session', '49.2-1.fc43', 'x86_64', 'GNOME session manager', 'gnome-session'],
  [
    'gnome-shell',
    '49.2-1.fc43',
    'x86_64',
    'Window management and application launching for GNOME',
    'gnome-shell',
  ],
  ['gnome-tour', '49.0-1.fc43', 'x86_64', 'A guided tour and greeter for GNOME', 'gnome-tour'],
  ['kernel', '6.17.12-300.fc43', 'x86_64', 'The Linux kernel'],
  ['kernel-core', '6.17.12-300.fc43', 'x86_64', 'The Linux kernel'],
  ['kernel-modules', '6.17.12-300.fc43', 'x86_64', 'kernel modules to match the core kernel'],
  [
    'kernel-modules-core',
    '6.17.12-300.fc43',
    'x86_64',
    'Core kernel modules to match the core kernel',
  ],
  ['linux-firmware', '20251125-1.fc43', 'noarch', 'Firmware files used by the Linux kernel'],
  ['mesa-dri-drivers', '25.2.7-1.fc43', 'x86_64', 'Mesa-based DRI drivers'],
  ['mutter', '49.2-1.fc43', 'x86_64', 'Window and compositing manager based on Clutter', 'mutter'],
  ['nautilus', '49.2-1.fc43', 'x86_64', 'File manager for GNOME', 'nautilus'],
  [
    'NetworkManager',
    '1:1.54.3-1.fc43',
    'x86_64',
    'Network connection manager and user applications',
    'nmcli',
  ],
  [
    'openssh-clients',
    '10.0p1-6.fc43',
    'x86_64',
    'An open source SSH client applications',
    'ssh scp',
  ],
  ['openssh-server', '10.0p1-6.fc43', 'x86_64', 'An open source SSH server daemon'],
  [
    'openssl-libs',
    '1:3.5.4-1.fc43',
    'x86_64',
    'A general purpose cryptography library with TLS implementation',
  ],
  [
    'ostree',
    '2025.7-1.fc43',
    'x86_64',
    'Tool for managing bootable, immutable filesystem trees',
    'ostree',
  ],
  ['ostree-libs', '2025.7-1.fc43', 'x86_64', 'Development headers for ostree'],
  ['pipewire', '1.4.9-1.fc43', 'x86_64', 'Media Sharing Server', 'pipewire'],
  ['podman', '5:5.7.1-1.fc43', 'x86_64', 'Manage Pods, Containers and Container Images', 'podman'],
  ['polkit', '126-6.fc43', 'x86_64', 'An authorization framework', 'pkexec pkcheck'],
  ['rpm', '6.0.0-1.fc43', 'x86_64', 'The RPM package management system', 'rpm'],
  ['rpm-ostree', '2025.12-1.fc43', 'x86_64', 'Hybrid image/package system', 'rpm-ostree'],
  ['setup', '2.15.0-26.fc43', 'noarch', 'A set of system configuration and setup files'],
  [
    'shadow-utils',
    '2:4.18.0-3.fc43',
    'x86_64',
    'Utilities for managing accounts and shadow password files',
    'useradd passwd',
  ],
  [
    'sudo',
    '1.9.17-5.p2.fc43',
    'x86_64',
    'Allows restricted root access for specified users',
    'sudo',
  ],
  ['systemd', '258.2-1.fc43', 'x86_64', 'System and Service Manager', 'systemctl journalctl'],
  ['systemd-libs', '258.2-1.fc43', 'x86_64', 'systemd libraries'],
  [
    'toolbox',
    '0.3-1.fc43',
    'x86_64',
    'Tool for interactive command line environments on Linux',
    'toolbox',
  ],
  ['tzdata', '2025b-3.fc43', 'noarch', 'Timezone data'],
  ['vim-minimal', '2:9.1.1882-1.fc43', 'x86_64', 'A minimal version of the VIM editor', 'vi'],
  ['zram-generator', '1.2.1-4.fc43', 'x86_64', 'Systemd unit generator for zram swap devices'],
];

/** What the 2026-01-15 compose changed: upgrades (same name), one addition, one removal. */
const UPDATES_2026_01_15: readonly Row[] = [
  ['bootc', '1.11.0-1.fc43', 'x86_64', 'Bootable container system', 'bootc'],
  ['firefox', '147.0-1.fc43', 'x86_64', 'Mozilla Firefox Web browser', 'firefox'],
  [
    'gnome-shell',
    '49.3-1.fc43',
    'x86_64',
    'Window management and application launching for GNOME',
    'gnome-shell',
  ],
  ['kernel', '6.18.4-200.fc43', 'x86_64', 'The Linux kernel'],
  ['kernel-core', '6.18.4-200.fc43', 'x86_64', 'The Linux kernel'],
  ['kernel-modules', '6.18.4-200.fc43', 'x86_64', 'kernel modules to match the core kernel'],
  [
    'kernel-modules-core',
    '6.18.4-200.fc43',
    'x86_64',
    'Core kernel modules to match the core kernel',
  ],
  ['linux-firmware', '20260110-1.fc43', 'noarch', 'Firmware files used by the Linux kernel'],
  ['mesa-dri-drivers', '25.3.3-1.fc43', 'x86_64', 'Mesa-based DRI drivers'],
  ['mutter', '49.3-1.fc43', 'x86_64', 'Window and compositing manager based on Clutter', 'mutter'],
  ['systemd', '258.3-1.fc43', 'x86_64', 'System and Service Manager', 'systemctl journalctl'],
  ['systemd-libs', '258.3-1.fc43', 'x86_64', 'systemd libraries'],
  ['tzdata', '2025c-1.fc43', 'noarch', 'Timezone data'],
];
const REMOVED_2026_01_15 = ['gnome-tour'];

/** The package layered on the booted deployment by the seed. */
export const HTOP: PackageSpec = pkg([
  'htop',
  '3.4.1-2.fc43',
  'x86_64',
  'Interactive process viewer',
  'htop',
]);

/** Packages of the 2026-01-01 compose (version 43.20260101.0), sorted by name. */
export const PACKAGES_2026_01_01: readonly PackageSpec[] = sortPackages(BASE_2026_01_01.map(pkg));

/** Packages of the 2026-01-15 compose (version 43.20260115.0). */
export const PACKAGES_2026_01_15: readonly PackageSpec[] = applyUpdates(
  PACKAGES_2026_01_01,
  UPDATES_2026_01_15.map(pkg),
  REMOVED_2026_01_15,
);

/** `base` with `updates` replacing or adding packages by name and `removed` dropped. */
export function applyUpdates(
  base: readonly PackageSpec[],
  updates: readonly PackageSpec[],
  removed: readonly string[] = [],
): readonly PackageSpec[] {
  const byName = new Map(base.map((p) => [p.name, p]));
  for (const name of removed) byName.delete(name);
  for (const p of updates) byName.set(p.name, p);
  return sortPackages([...byName.values()]);
}

/** rpm-ostree sorts the pkglist by name (then the rest of the NEVRA). */
export function sortPackages(list: readonly PackageSpec[]): PackageSpec[] {
  return [...list].sort((a, b) => (nevra(a) < nevra(b) ? -1 : nevra(a) > nevra(b) ? 1 : 0));
}

/**
 * The package's identity: `name-[epoch:]version-release.arch` as rpm prints
 * it, or `name_version_arch` for a Debian package (see packages/naming.ts).
 */
export function nevra(p: PackageSpec): string {
  return packageIdOf(p);
}

/**
 * The kernel version (`uname -r`) a package list boots: Fedora's
 * `kernel-core` version, or the ABI a Debian kernel package carries in its
 * name (`linux-image-6.1.0-28-amd64` boots `6.1.0-28-amd64`; the newest of
 * them when several are installed).
 */
export function kernelRelease(list: readonly PackageSpec[]): string {
  const k = list.find((p) => p.name === 'kernel-core');
  if (k) return `${k.version}-${k.release}.${k.arch}`;
  const debian = list
    .filter((p) => /^linux-image-\d/.test(p.name))
    .sort((a, b) => compareVersions('deb', b, a));
  if (debian[0]) return debian[0].name.slice('linux-image-'.length);
  throw new Error('package list has no kernel (kernel-core or linux-image-<version>)');
}
