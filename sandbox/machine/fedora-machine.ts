/**
 * The Fedora Silverblue 43 demo machine (the rpm-ostree profile's): osname
 * and remote `fedora`, ref `fedora/43/x86_64/silverblue`, two composes two
 * weeks apart and `htop` layered. sandbox/README.md describes it.
 */
import { createUniverse } from '../packages/universe.ts';
import { EXTRA_PACKAGES } from '../packages/universe-data.ts';
import type { RpmmdRepo } from '../seed/compose.ts';
import { HTOP, PACKAGES_2026_01_01, PACKAGES_2026_01_15 } from '../seed/packages.ts';
import { generatedAt } from './machine.ts';
import type { SandboxMachine } from './machine.ts';

const REF = 'fedora/43/x86_64/silverblue';

const repos = (fedora: string, updates: string): RpmmdRepo[] => [
  { id: 'fedora', generated: generatedAt(fedora) },
  { id: 'updates', generated: generatedAt(updates) },
];

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

export const FEDORA_MACHINE: SandboxMachine = {
  id: 'fedora',
  title: 'Fedora Silverblue 43',
  osname: 'fedora',
  remote: 'fedora',
  ref: REF,
  kargs: [
    'root=UUID=6d8e1c4a-2f7b-4e8e-9a51-3c0f5d7b9e21',
    'rootflags=subvol=root',
    'rw',
    'rhgb',
    'quiet',
  ],
  composes: [
    {
      ref: REF,
      version: '43.20260101.0',
      timestamp: '2026-01-01T06:25:41Z',
      packages: PACKAGES_2026_01_01,
      repos: repos('2025-10-23T13:02:45Z', '2026-01-01T03:11:09Z'),
    },
    {
      ref: REF,
      version: '43.20260115.0',
      timestamp: '2026-01-15T06:31:07Z',
      packages: PACKAGES_2026_01_15,
      repos: repos('2025-10-23T13:02:45Z', '2026-01-15T02:48:51Z'),
    },
  ],
  layer: {
    package: HTOP,
    timestamp: '2026-01-16T09:12:44Z',
    repos: repos('2025-10-23T13:02:45Z', '2026-01-16T08:40:12Z'),
  },
  universe: createUniverse({
    repos: [
      { id: 'fedora', description: 'Fedora 43 - x86_64', enabled: true },
      { id: 'updates', description: 'Fedora 43 - x86_64 - Updates', enabled: true },
    ],
    composes: [PACKAGES_2026_01_01, PACKAGES_2026_01_15],
    layered: HTOP,
    layeredRepo: 'updates',
    extras: EXTRA_PACKAGES,
  }),
  publishRepos: (timestamp) => [
    { id: 'fedora', generated: 1761224565n },
    { id: 'updates', generated: timestamp },
  ],
  releaseFiles: (version) => ({
    'usr/lib/os-release': osRelease(version),
    'usr/etc/hostname': 'fedora\n',
    'usr/etc/rpm-ostreed.conf': '[Daemon]\n#AutomaticUpdatePolicy=none\n#IdleExitTimeout=60\n',
    'usr/etc/yum.repos.d/fedora.repo': repoFile('fedora', 'Fedora $releasever - $basearch'),
    'usr/etc/yum.repos.d/fedora-updates.repo': repoFile(
      'updates',
      'Fedora $releasever - $basearch - Updates',
    ),
  }),
  cveUrl: (id) => `https://bugzilla.redhat.com/show_bug.cgi?id=${id}`,
};
