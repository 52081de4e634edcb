/**
 * The profile table: everything that differs between daemons speaking the
 * rpm-ostree D-Bus API, as data, so one client (and one sandbox) serves
 * them all. Shared with sandbox/ (ARCHITECTURE.md).
 *
 * apt-ostree's entries come from its daemon plan
 * (shared/reference/seeds/apt-ostree-daemon-plan.txt): bus name
 * `org.projectatomic.aptostree1`, the Sysroot/OS/Transaction interfaces under
 * that prefix, the Sysroot at `/org/projectatomic/aptostree1/Sysroot`, the OS
 * object at `/org/projectatomic/aptostree1/OS/debian` (note the `OS/`
 * segment), the property `HasCachedUpdateAptDiff`, and
 * `/etc/apt-ostreed/apt-ostreed.conf`. Where the plan is silent, the choices
 * are written next to the data below. It is a plan, not a released daemon:
 * re-check these against a real apt-ostreed.
 */
import type { DaemonFlavour } from '../contract/domain.ts';

/** How a daemon's distribution names and versions packages. */
export type PackageNaming = 'rpm' | 'deb';

export interface DaemonProfile {
  readonly flavour: DaemonFlavour;
  readonly busName: string;
  /** Root object: ObjectManager lives here; Sysroot and OS objects below it. */
  readonly rootPath: string;
  readonly sysrootPath: string;
  /** OS objects are `<osPathBase>/<escaped osname>` (see osObjectPath). */
  readonly osPathBase: string;
  /** Interface names are `<prefix>.Sysroot`, `<prefix>.OS`, `<prefix>.Transaction`. */
  readonly interfacePrefix: string;
  /**
   * Member and dictionary-key names that differ from rpm-ostree's, keyed by
   * rpm-ostree's name. Read through `member()`, never directly.
   */
  readonly renames: Readonly<Record<string, string>>;
  /** The daemon's GKeyFile config (`[Daemon] AutomaticUpdatePolicy=`, `IdleExitTimeout=`). */
  readonly configPath: string;
  /** The command-line tool users type (`rpm-ostree upgrade`, `apt-ostree upgrade`). */
  readonly cliName: string;
  /** The daemon's own D-Bus error domain (`<domain>.Failed`, …). */
  readonly errorDomain: string;
  readonly packageNaming: PackageNaming;
}

/**
 * rpm-ostree's names that carry "Rpm" (the interface file, reference §5):
 * the only members and dictionary keys another flavour may rename.
 */
export const RPM_NAMED_MEMBERS = [
  'GetDeploymentsRpmDiff',
  'GetCachedUpdateRpmDiff',
  'DownloadUpdateRpmDiff',
  'GetCachedDeployRpmDiff',
  'DownloadDeployRpmDiff',
  'GetCachedRebaseRpmDiff',
  'DownloadRebaseRpmDiff',
  'HasCachedUpdateRpmDiff',
  /** CachedUpdate's package diff (reference §8.4). */
  'rpm-diff',
] as const;

export type RpmNamedMember = (typeof RPM_NAMED_MEMBERS)[number];

export const RPM_OSTREE: DaemonProfile = {
  flavour: 'rpm-ostree',
  busName: 'org.projectatomic.rpmostree1',
  rootPath: '/org/projectatomic/rpmostree1',
  sysrootPath: '/org/projectatomic/rpmostree1/Sysroot',
  osPathBase: '/org/projectatomic/rpmostree1',
  interfacePrefix: 'org.projectatomic.rpmostree1',
  renames: {},
  configPath: '/etc/rpm-ostreed.conf',
  cliName: 'rpm-ostree',
  errorDomain: 'org.projectatomic.rpmostreed.Error',
  packageNaming: 'rpm',
};

/**
 * apt-ostree's renames. The plan names only `HasCachedUpdateAptDiff` (and
 * lists no diff methods at all); the methods follow the same Rpm → Apt rule,
 * and so does CachedUpdate's `rpm-diff` key (→ `apt-diff`), so that nothing
 * the daemon serves says "rpm". Everything else keeps rpm-ostree's name.
 */
const APT_RENAMES: Readonly<Record<RpmNamedMember, string>> = {
  GetDeploymentsRpmDiff: 'GetDeploymentsAptDiff',
  GetCachedUpdateRpmDiff: 'GetCachedUpdateAptDiff',
  DownloadUpdateRpmDiff: 'DownloadUpdateAptDiff',
  GetCachedDeployRpmDiff: 'GetCachedDeployAptDiff',
  DownloadDeployRpmDiff: 'DownloadDeployAptDiff',
  GetCachedRebaseRpmDiff: 'GetCachedRebaseAptDiff',
  DownloadRebaseRpmDiff: 'DownloadRebaseAptDiff',
  HasCachedUpdateRpmDiff: 'HasCachedUpdateAptDiff',
  'rpm-diff': 'apt-diff',
};

export const APT_OSTREE: DaemonProfile = {
  flavour: 'apt-ostree',
  busName: 'org.projectatomic.aptostree1',
  rootPath: '/org/projectatomic/aptostree1',
  sysrootPath: '/org/projectatomic/aptostree1/Sysroot',
  // The plan serves the OS at `/org/projectatomic/aptostree1/OS/debian`.
  osPathBase: '/org/projectatomic/aptostree1/OS',
  interfacePrefix: 'org.projectatomic.aptostree1',
  renames: APT_RENAMES,
  // The plan's §5.3 (same `[Daemon]` keys as rpm-ostreed.conf); helper/helper-config.ts agrees.
  configPath: '/etc/apt-ostreed/apt-ostreed.conf',
  cliName: 'apt-ostree',
  // Plan silent; its polkit actions are `org.projectatomic.aptostree.*`, so
  // the daemon's domain is taken to mirror rpm-ostreed's.
  errorDomain: 'org.projectatomic.aptostreed.Error',
  packageNaming: 'deb',
};

export const PROFILES: Readonly<Record<DaemonFlavour, DaemonProfile>> = {
  'rpm-ostree': RPM_OSTREE,
  'apt-ostree': APT_OSTREE,
};

/**
 * The name `profile`'s daemon uses for what rpm-ostree calls `name` (a
 * method, property or dictionary key): the one rename function every
 * caller goes through. Names nobody renames come back unchanged.
 */
export function member(profile: DaemonProfile, name: string): string {
  return Object.hasOwn(profile.renames, name) ? profile.renames[name]! : name;
}

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
 * clients must take paths from the daemon, never un-escape them. apt-ostree
 * is assumed to escape the same way (`debian` needs none).
 */
export function osObjectPath(profile: DaemonProfile, osname: string): string {
  let out = '';
  for (const byte of Buffer.from(osname, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9_]/.test(c)) out += c;
    else if (c === '-' || c === '/') out += '_';
    else out += `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `${profile.osPathBase}/${out}`;
}

/** A package's identity as the daemon's `(sstsss)` tuples and package lists carry it. */
export interface PackageParts {
  readonly name: string;
  readonly epoch: number | string;
  readonly version: string;
  /** RPM release; Debian revision ("" for a native package). */
  readonly release: string;
  readonly arch: string;
}

const epochPrefix = (epoch: number | string) =>
  epoch !== '' && epoch !== 0 && epoch !== '0' ? `${epoch}:` : '';

/**
 * The version as the distribution writes it (what diffs carry as `evr`):
 * RPM `[epoch:]version-release`, Debian `[epoch:]upstream[-revision]`.
 * Debian versions map onto the tuple as epoch, upstream version, revision:
 * `1:9.2p1-2+deb12u3` is epoch 1, version `9.2p1`, release `2+deb12u3`.
 */
export function packageVersion(
  naming: PackageNaming,
  p: Omit<PackageParts, 'name' | 'arch'>,
): string {
  const base = `${epochPrefix(p.epoch)}${p.version}`;
  return naming === 'deb' && p.release === '' ? base : `${base}-${p.release}`;
}

/**
 * A package's one-string identity (the tuple's first member, search
 * results' `nevra`): RPM's NEVRA `name-[epoch:]version-release.arch`, or
 * Debian's `name_version_arch` as dpkg-query's `${Package}_${Version}_${Architecture}`.
 */
export function packageId(naming: PackageNaming, p: PackageParts): string {
  return naming === 'deb'
    ? `${p.name}_${packageVersion(naming, p)}_${p.arch}`
    : `${p.name}-${packageVersion(naming, p)}.${p.arch}`;
}

/** How a user asks for one version of a package: `name-version` (rpm-ostree), `name=version` (apt). */
export function packageRequest(naming: PackageNaming, name: string, version: string): string {
  return naming === 'deb' ? `${name}=${version}` : `${name}-${version}`;
}

/**
 * `[epoch:]version[-release]` → its parts: the epoch before the first
 * colon, the release after the last hyphen. A Debian native version has no
 * hyphen and so no revision (release "").
 */
export function splitPackageVersion(text: string): {
  epoch: number;
  version: string;
  release: string;
} {
  const colon = text.indexOf(':');
  const epoch = colon < 0 ? 0 : Number(text.slice(0, colon));
  const rest = colon < 0 ? text : text.slice(colon + 1);
  const dash = rest.lastIndexOf('-');
  return dash < 0
    ? { epoch, version: rest, release: '' }
    : { epoch, version: rest.slice(0, dash), release: rest.slice(dash + 1) };
}
