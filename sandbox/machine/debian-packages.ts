/**
 * The Debian demo machine's software: a Debian 12 (bookworm) GNOME desktop
 * image in two composes two weeks apart, plus `htop` to layer. Names,
 * versions and architectures are Debian's own (`bash 5.2.15-2+b7 amd64`,
 * epochs like `1:9.2p1-2+deb12u3`, native versions without a revision like
 * `apt 2.6.1`, `~` in backports-style versions), so diffs and dpkg's version
 * order look as on a real bookworm machine. Only names and versions matter;
 * each package gets a handful of small files.
 */
import { applyUpdates, pkg, sortPackages } from '../seed/packages.ts';
import type { PackageSpec, Row } from '../seed/packages.ts';

const KERNEL_OLD = '6.1.119-1';
const KERNEL_NEW = '6.1.123-1';
const GLIBC_OLD = '2.36-9+deb12u9';
const GLIBC_NEW = '2.36-9+deb12u10';
const SYSTEMD_OLD = '252.31-1~deb12u1';
const SYSTEMD_NEW = '252.33-1~deb12u1';
const OPENSSH = '1:9.2p1-2+deb12u3';
const OSTREE = '2022.7-2+deb12u1';

const BASE_2026_01_01: readonly Row[] = [
  ['apt', '2.6.1', 'amd64', 'commandline package manager', 'apt apt-get apt-cache'],
  ['apt-ostree', '0.1.0-1', 'amd64', 'Hybrid image/package system for Debian', 'apt-ostree'],
  ['base-files', '12.4+deb12u8', 'amd64', 'Debian base system miscellaneous files'],
  ['bash', '5.2.15-2+b7', 'amd64', 'GNU Bourne Again SHell', 'bash'],
  ['coreutils', '9.1-1', 'amd64', 'GNU core utilities', 'ls cat cp mv'],
  [
    'curl',
    '7.88.1-10+deb12u8',
    'amd64',
    'command line tool for transferring data with URL syntax',
    'curl',
  ],
  ['dash', '0.5.12-2', 'amd64', 'POSIX-compliant shell', 'dash sh'],
  [
    'dbus',
    '1.14.10-1~deb12u1',
    'amd64',
    'simple interprocess messaging system (system message bus)',
  ],
  ['dpkg', '1.21.22', 'amd64', 'Debian package management system', 'dpkg'],
  [
    'firefox-esr',
    '128.5.1esr-1~deb12u1',
    'amd64',
    'Mozilla Firefox web browser - Extended Support Release (ESR)',
    'firefox-esr',
  ],
  [
    'firmware-linux-free',
    '20200122-1',
    'all',
    'Binary firmware for various drivers in the Linux kernel',
  ],
  [
    'flatpak',
    '1.14.10-1~deb12u1',
    'amd64',
    'Application deployment framework for desktop apps',
    'flatpak',
  ],
  ['fwupd', '1.8.12-3', 'amd64', 'Firmware update daemon', 'fwupdmgr'],
  ['gdm3', '43.0-3', 'amd64', 'GNOME Display Manager'],
  [
    'gnome-session',
    '43.0-1+deb12u1',
    'all',
    'GNOME Session Manager - GNOME 3 session',
    'gnome-session',
  ],
  [
    'gnome-shell',
    '43.9-0+deb12u2',
    'amd64',
    'graphical shell for the GNOME desktop',
    'gnome-shell',
  ],
  ['gnome-tour', '43.0-2', 'amd64', 'guided tour and greeter for GNOME', 'gnome-tour'],
  [
    'initramfs-tools',
    '0.142+deb12u1',
    'all',
    'generic modular initramfs generator',
    'update-initramfs',
  ],
  ['libc-bin', GLIBC_OLD, 'amd64', 'GNU C Library: Binaries', 'ldd'],
  ['libc6', GLIBC_OLD, 'amd64', 'GNU C Library: Shared libraries'],
  [
    'libgl1-mesa-dri',
    '22.3.6-1+deb12u1',
    'amd64',
    'free implementation of the OpenGL API -- DRI modules',
  ],
  [
    'libncursesw6',
    '6.4-4',
    'amd64',
    'shared libraries for terminal handling (wide character support)',
  ],
  [
    'libostree-1-1',
    OSTREE,
    'amd64',
    'content-addressed filesystem for operating system binaries (library)',
  ],
  ['libssl3', '3.0.15-1~deb12u1', 'amd64', 'Secure Sockets Layer toolkit - shared libraries'],
  ['libsystemd0', SYSTEMD_OLD, 'amd64', 'systemd utility library'],
  ['linux-image-6.1.0-28-amd64', KERNEL_OLD, 'amd64', 'Linux 6.1 for 64-bit PCs (signed)'],
  ['linux-image-amd64', KERNEL_OLD, 'amd64', 'Linux for 64-bit PCs (meta-package)'],
  [
    'mutter',
    '43.8-0+deb12u1',
    'amd64',
    "Example window manager using GNOME's window manager library",
    'mutter',
  ],
  ['nautilus', '43.2-1', 'amd64', 'file manager and graphical shell for GNOME', 'nautilus'],
  [
    'network-manager',
    '1.42.4-1+deb12u1',
    'amd64',
    'network management framework (daemon and userspace tools)',
    'nmcli',
  ],
  [
    'openssh-client',
    OPENSSH,
    'amd64',
    'secure shell (SSH) client, for secure access to remote machines',
    'ssh scp',
  ],
  [
    'openssh-server',
    OPENSSH,
    'amd64',
    'secure shell (SSH) server, for secure access from remote machines',
  ],
  [
    'ostree',
    OSTREE,
    'amd64',
    'content-addressed filesystem for operating system binaries',
    'ostree',
  ],
  ['perl-base', '5.36.0-7+deb12u1', 'amd64', 'minimal Perl system'],
  [
    'pipewire',
    '0.3.65-3+deb12u1',
    'amd64',
    'audio and video processing engine multimedia server',
    'pipewire',
  ],
  ['pkexec', '122-3', 'amd64', 'run commands as another user with polkit authorization', 'pkexec'],
  ['podman', '4.3.1+ds1-8+deb12u1', 'amd64', 'tool to manage containers and pods', 'podman'],
  [
    'polkitd',
    '122-3',
    'amd64',
    'framework for managing administrative policies and privileges',
    'pkcheck',
  ],
  [
    'sudo',
    '1.9.13p3-1+deb12u1',
    'amd64',
    'Provide limited super user privileges to specific users',
    'sudo',
  ],
  ['systemd', SYSTEMD_OLD, 'amd64', 'system and service manager', 'systemctl journalctl'],
  ['tzdata', '2024a-0+deb12u1', 'all', 'time zone and daylight-saving time data'],
  ['vim-tiny', '2:9.0.1378-2', 'amd64', 'Vi IMproved - enhanced vi editor - compact version', 'vi'],
  ['zstd', '1.5.4+dfsg2-5', 'amd64', 'fast lossless compression algorithm -- CLI tool', 'zstd'],
];

/**
 * What the 2026-01-15 compose changed: point-release and security updates,
 * and a kernel ABI bump — Debian names the kernel package after its ABI, so
 * `linux-image-6.1.0-29-amd64` is added and `-28-` removed while the
 * `linux-image-amd64` meta-package is upgraded. `gnome-tour` is dropped.
 */
const UPDATES_2026_01_15: readonly Row[] = [
  ['base-files', '12.4+deb12u9', 'amd64', 'Debian base system miscellaneous files'],
  [
    'curl',
    '7.88.1-10+deb12u12',
    'amd64',
    'command line tool for transferring data with URL syntax',
    'curl',
  ],
  [
    'firefox-esr',
    '128.6.0esr-1~deb12u1',
    'amd64',
    'Mozilla Firefox web browser - Extended Support Release (ESR)',
    'firefox-esr',
  ],
  ['libc-bin', GLIBC_NEW, 'amd64', 'GNU C Library: Binaries', 'ldd'],
  ['libc6', GLIBC_NEW, 'amd64', 'GNU C Library: Shared libraries'],
  ['libsystemd0', SYSTEMD_NEW, 'amd64', 'systemd utility library'],
  ['linux-image-6.1.0-29-amd64', KERNEL_NEW, 'amd64', 'Linux 6.1 for 64-bit PCs (signed)'],
  ['linux-image-amd64', KERNEL_NEW, 'amd64', 'Linux for 64-bit PCs (meta-package)'],
  ['systemd', SYSTEMD_NEW, 'amd64', 'system and service manager', 'systemctl journalctl'],
  ['tzdata', '2024b-0+deb12u1', 'all', 'time zone and daylight-saving time data'],
];
const REMOVED_2026_01_15 = ['gnome-tour', 'linux-image-6.1.0-28-amd64'];

/** The package layered on the booted deployment by the seed. */
export const DEBIAN_HTOP: PackageSpec = pkg([
  'htop',
  '3.2.2-2',
  'amd64',
  'interactive processes viewer',
  'htop',
]);

/** Packages of the 2026-01-01 compose (version 12.20260101.0), sorted by name. */
export const DEBIAN_2026_01_01: readonly PackageSpec[] = sortPackages(BASE_2026_01_01.map(pkg));

/** Packages of the 2026-01-15 compose (version 12.20260115.0). */
export const DEBIAN_2026_01_15: readonly PackageSpec[] = applyUpdates(
  DEBIAN_2026_01_01,
  UPDATES_2026_01_15.map(pkg),
  REMOVED_2026_01_15,
);
