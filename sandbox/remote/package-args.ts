import { latestPackage } from '../packages/universe.ts';
import type { PackageSpec } from '../seed/packages.ts';

/** The demo's package called `name` (newest in its repositories), if any. */
export function knownPackage(name: string): PackageSpec | undefined {
  return latestPackage(name);
}

/** The executables and other files of the demo's package of that name. */
function knownFiles(known: PackageSpec | undefined): Partial<PackageSpec> {
  return {
    ...(known?.bins ? { bins: known.bins } : {}),
    ...(known?.files ? { files: known.files } : {}),
  };
}

/**
 * Parses `NAME-[EPOCH:]VERSION-RELEASE[.ARCH]` (e.g. `firefox-147.0-1.fc43`)
 * into a package; summary and executables come from the demo's package of
 * that name when there is one, the arch from `previous` or that package
 * (default x86_64).
 */
export function parsePackageArg(arg: string, previous?: PackageSpec): PackageSpec {
  const m = /^(.+)-(?:(\d+):)?([^-:]+)-([^-]+)$/.exec(arg);
  if (!m) throw new Error(`Invalid package '${arg}': expected NAME-VERSION-RELEASE`);
  const [, name, epoch, version, rel] = m as unknown as [
    string,
    string,
    string | undefined,
    string,
    string,
  ];
  const known = previous ?? knownPackage(name);
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

/** The package list rows of `rpmostree.rpmdb.pkglist` back as packages (summaries from the demo's). */
export function packagesFromPkglist(rows: readonly (readonly string[])[]): PackageSpec[] {
  return rows.map(([name = '', epoch = '0', version = '', release = '', arch = '']) => {
    const known = knownPackage(name);
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
