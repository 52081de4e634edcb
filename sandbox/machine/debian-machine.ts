/**
 * The Debian 12 (bookworm) demo machine, served by the apt-ostree profile:
 * osname and remote `debian` (the OS object of the apt-ostree plan is
 * `/org/projectatomic/aptostree1/OS/debian`), ref
 * `debian/12/x86_64/desktop`, versions `12.<date>.<n>`, Debian package names,
 * versions and architectures, and `htop` layered.
 *
 * The package tuples the API carries (`(sstsss)`, pkglists `(sssss)`) are
 * RPM-shaped; a Debian version maps onto them as epoch, upstream version
 * and Debian revision: `1:9.2p1-2+deb12u3` → epoch 1, version `9.2p1`,
 * release `2+deb12u3`; a native version (`apt 2.6.1`) has release "". The
 * identity string is `name_version_arch` (profile.ts packageId).
 */
import { createUniverse } from '../packages/universe.ts';
import type { RpmmdRepo } from '../seed/compose.ts';
import { DEBIAN_2026_01_01, DEBIAN_2026_01_15, DEBIAN_HTOP } from './debian-packages.ts';
import { DEBIAN_EXTRA_PACKAGES } from './debian-universe-data.ts';
import { generatedAt } from './machine.ts';
import type { SandboxMachine } from './machine.ts';

const REF = 'debian/12/x86_64/desktop';

/** The apt archives a compose was built from, with their Release files' dates. */
const repos = (main: string, security: string): RpmmdRepo[] => [
  { id: 'debian', generated: generatedAt(main) },
  { id: 'debian-security', generated: generatedAt(security) },
];

function osRelease(version: string): string {
  return [
    'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"',
    'NAME="Debian GNU/Linux"',
    'VERSION_ID="12"',
    'VERSION="12 (bookworm)"',
    'VERSION_CODENAME=bookworm',
    'ID=debian',
    'HOME_URL="https://www.debian.org/"',
    'SUPPORT_URL="https://www.debian.org/support"',
    'BUG_REPORT_URL="https://bugs.debian.org/"',
    `OSTREE_VERSION='${version}'`,
    '',
  ].join('\n');
}

const SOURCES = [
  'Types: deb',
  'URIs: http://deb.debian.org/debian',
  'Suites: bookworm bookworm-updates',
  'Components: main',
  'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg',
  '',
  'Types: deb',
  'URIs: http://security.debian.org/debian-security',
  'Suites: bookworm-security',
  'Components: main',
  'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg',
  '',
].join('\n');

export const DEBIAN_MACHINE: SandboxMachine = {
  id: 'debian',
  title: 'Debian 12 (bookworm)',
  osname: 'debian',
  remote: 'debian',
  ref: REF,
  kargs: ['root=UUID=2f1d9c6e-7a4b-4c3d-8e5f-6a7b8c9d0e1f', 'rw', 'quiet', 'splash'],
  composes: [
    {
      ref: REF,
      version: '12.20260101.0',
      timestamp: '2026-01-01T05:12:09Z',
      packages: DEBIAN_2026_01_01,
      repos: repos('2025-11-15T09:40:31Z', '2025-12-31T21:03:12Z'),
    },
    {
      ref: REF,
      version: '12.20260115.0',
      timestamp: '2026-01-15T05:08:44Z',
      packages: DEBIAN_2026_01_15,
      repos: repos('2026-01-10T10:21:55Z', '2026-01-14T20:47:18Z'),
    },
  ],
  layer: {
    package: DEBIAN_HTOP,
    timestamp: '2026-01-16T09:12:44Z',
    repos: repos('2026-01-10T10:21:55Z', '2026-01-16T08:40:12Z'),
  },
  universe: createUniverse({
    repos: [
      { id: 'debian', description: 'Debian 12 (bookworm) - amd64', enabled: true },
      {
        id: 'debian-security',
        description: 'Debian 12 (bookworm) - amd64 - Security',
        enabled: true,
      },
    ],
    composes: [DEBIAN_2026_01_01, DEBIAN_2026_01_15],
    layered: DEBIAN_HTOP,
    layeredRepo: 'debian',
    extras: DEBIAN_EXTRA_PACKAGES,
  }),
  publishRepos: (timestamp) => [
    { id: 'debian', generated: generatedAt('2026-01-10T10:21:55Z') },
    { id: 'debian-security', generated: timestamp },
  ],
  releaseFiles: (version) => ({
    'usr/lib/os-release': osRelease(version),
    'usr/etc/hostname': 'debian\n',
    'usr/etc/apt-ostreed/apt-ostreed.conf':
      '[Daemon]\n#AutomaticUpdatePolicy=none\n#IdleExitTimeout=60\n',
    'usr/etc/apt/sources.list.d/debian.sources': SOURCES,
  }),
  cveUrl: (id) => `https://security-tracker.debian.org/tracker/${id}`,
};
