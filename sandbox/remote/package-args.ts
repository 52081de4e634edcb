import { splitPackageVersion } from '../../daemon-bridge/rpm-ostree/profile.ts';
import type { PackageUniverse } from '../packages/universe.ts';
import type { PackageSpec } from '../seed/packages.ts';

/** The executables and other files of the demo's package of that name. */
function knownFiles(known: PackageSpec | undefined): Partial<PackageSpec> {
  return {
    ...(known?.bins ? { bins: known.bins } : {}),
    ...(known?.files ? { files: known.files } : {}),
  };
}

/**
 * `NAME[:ARCH]=[EPOCH:]VERSION[-REVISION]`, apt's way of naming a version
 * (e.g. `openssh-client=1:9.2p1-2+deb12u4`), for the Debian machine.
 */
function parseDebianArg(
  universe: PackageUniverse,
  arg: string,
  previous?: PackageSpec,
): PackageSpec | null {
  const m = /^([a-z0-9][a-z0-9+.-]+)(?::([a-z0-9]+))?=(.+)$/.exec(arg);
  if (!m) return null;
  const [, name, arch, version] = m as unknown as [string, string, string | undefined, string];
  const known = previous ?? universe.latestPackage(name);
  return {
    name,
    ...splitPackageVersion(version),
    arch: arch ?? known?.arch ?? 'amd64',
    summary: known?.summary ?? `The ${name} package`,
    ...knownFiles(known),
  };
}

/**
 * Parses a package argument of `publish` into a package; summary and
 * executables come from the machine's package of that name when there is
 * one, the arch from `previous` or that package. Fedora:
 * `NAME-[EPOCH:]VERSION-RELEASE[.ARCH]` (e.g. `firefox-147.0-1.fc43`, default
 * arch x86_64); Debian: `NAME[:ARCH]=VERSION` (e.g. `bash=5.2.15-2+b8`,
 * default arch amd64).
 */
export function parsePackageArg(
  universe: PackageUniverse,
  arg: string,
  previous?: PackageSpec,
): PackageSpec {
  const debian = parseDebianArg(universe, arg, previous);
  if (debian) return debian;
  const m = /^(.+)-(?:(\d+):)?([^-:]+)-([^-]+)$/.exec(arg);
  if (!m)
    throw new Error(`Invalid package '${arg}': expected NAME-VERSION-RELEASE or NAME=VERSION`);
  const [, name, epoch, version, rel] = m as unknown as [
    string,
    string,
    string | undefined,
    string,
    string,
  ];
  const known = previous ?? universe.latestPackage(name);
  const archMatch = /^(.*)\.(x86_64|noarch|aarch64|i686)$/.exec(rel);
  return {
    name,
    epoch: epoch ? Number(epoch) : 0,
    version,
    release: archMatch ? archMatch[1]! : rel,
    arch: archMatch ? archMatch[2]! : (known?.arch ?? 'x86_64'),
    summary: known?.summary ?? `The ${name} package`,
    ...knownFiles(known),
  };
}

/** The package list rows of `rpmostree.rpmdb.pkglist` back as packages (summaries from the machine's). */
export function packagesFromPkglist(
  universe: PackageUniverse,
  rows: readonly (readonly string[])[],
): PackageSpec[] {
  return rows.map(([name = '', epoch = '0', version = '', release = '', arch = '']) => {
    const known = universe.latestPackage(name);
    return {
      name,
      epoch: Number(epoch) || 0,
      version,
      release,
      arch,
      summary: known?.summary ?? `The ${name} package`,
      ...knownFiles(known),
    };
  });
}
