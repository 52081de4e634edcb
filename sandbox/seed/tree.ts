import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writePackageFiles } from '../packages/package-files.ts';
import { kernelRelease } from './packages.ts';
import type { PackageSpec } from './packages.ts';

/** Distribution facts that end up in the tree (os-release, repo files). */
export interface ComposeInfo {
  /** Compose version, e.g. `43.20260101.0`. */
  readonly version: string;
}

/**
 * Writes a small but plausible Fedora Silverblue root filesystem for
 * `packages` into `dir`: the /usr-merged layout with its top-level symlinks,
 * a kernel and initramfs under /usr/lib/modules (what `ostree admin deploy`
 * needs), os-release, default config in /usr/etc and a few files per package.
 */
export async function writeTree(
  dir: string,
  packages: readonly PackageSpec[],
  compose: ComposeInfo,
): Promise<void> {
  const file = async (path: string, content: string, mode = 0o644) => {
    const full = join(dir, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content, { mode });
  };
  const link = async (path: string, target: string) => {
    const full = join(dir, path);
    await mkdir(dirname(full), { recursive: true });
    await symlink(target, full);
  };

  for (const d of ['boot', 'dev', 'proc', 'run', 'sys', 'sysroot', 'tmp', 'var', 'usr/lib64'])
    await mkdir(join(dir, d), { recursive: true });
  const topLinks: Record<string, string> = {
    bin: 'usr/bin',
    sbin: 'usr/bin',
    lib: 'usr/lib',
    lib64: 'usr/lib64',
    ostree: 'sysroot/ostree',
    home: 'var/home',
    root: 'var/roothome',
    mnt: 'var/mnt',
    opt: 'var/opt',
    srv: 'var/srv',
    media: 'run/media',
  };
  for (const [name, target] of Object.entries(topLinks)) await link(name, target);
  await link('usr/sbin', 'bin');

  const kver = kernelRelease(packages);
  for (const p of packages) await writePackageFiles(dir, p);
  await file(`usr/lib/modules/${kver}/vmlinuz`, `Linux ${kver} (sandbox stand-in)\n`);
  await file(
    `usr/lib/modules/${kver}/initramfs.img`,
    `initramfs for ${kver}, compose ${compose.version}\n`,
  );
  await file(`usr/lib/modules/${kver}/modules.dep`, '');
  await file('usr/lib/os-release', osRelease(compose.version));
  await link('usr/etc/os-release', '../usr/lib/os-release');
  await file('usr/etc/hostname', 'fedora\n');
  await file('usr/etc/passwd', 'root:x:0:0:Super User:/root:/bin/bash\n');
  await file('usr/etc/group', 'root:x:0:\nwheel:x:10:\n');
  await file(
    'usr/etc/rpm-ostreed.conf',
    '[Daemon]\n#AutomaticUpdatePolicy=none\n#IdleExitTimeout=60\n',
  );
  await file(
    'usr/etc/yum.repos.d/fedora.repo',
    repoFile('fedora', 'Fedora $releasever - $basearch'),
  );
  await file(
    'usr/etc/yum.repos.d/fedora-updates.repo',
    repoFile('updates', 'Fedora $releasever - $basearch - Updates'),
  );
}

function osRelease(version: string): string {
  return [
    'NAME="Fedora Linux"',
    `VERSION="${version} (Silverblue)"`,
    'RELEASE_TYPE=stable',
    'ID=fedora',
    'VERSION_ID=43',
    'VERSION_CODENAME=""',
    'PLATFORM_ID="platform:f43"',
    `PRETTY_NAME="Fedora Linux ${version} (Silverblue)"`,
    'ANSI_COLOR="0;38;2;60;110;180"',
    'LOGO=fedora-logo-icon',
    'CPE_NAME="cpe:/o:fedoraproject:fedora:43"',
    'DEFAULT_HOSTNAME="fedora"',
    'HOME_URL="https://silverblue.fedoraproject.org"',
    'DOCUMENTATION_URL="https://docs.fedoraproject.org/en-US/fedora-silverblue/"',
    'SUPPORT_URL="https://ask.fedoraproject.org/"',
    'BUG_REPORT_URL="https://github.com/fedora-silverblue/issue-tracker/issues"',
    'REDHAT_BUGZILLA_PRODUCT="Fedora"',
    'REDHAT_BUGZILLA_PRODUCT_VERSION=43',
    'REDHAT_SUPPORT_PRODUCT="Fedora"',
    'REDHAT_SUPPORT_PRODUCT_VERSION=43',
    'SUPPORT_END=2026-12-02',
    'VARIANT="Silverblue"',
    'VARIANT_ID=silverblue',
    `OSTREE_VERSION='${version}'`,
    '',
  ].join('\n');
}

function repoFile(id: string, name: string): string {
  return [
    `[${id}]`,
    `name=${name}`,
    `metalink=https://mirrors.fedoraproject.org/metalink?repo=${id === 'fedora' ? 'fedora' : 'updates-released'}-f$releasever&arch=$basearch`,
    'enabled=1',
    'gpgcheck=1',
    'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-fedora-$releasever-$basearch',
    '',
  ].join('\n');
}
