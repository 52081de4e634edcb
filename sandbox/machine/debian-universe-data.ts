/**
 * The installable extras of the Debian machine's repositories: packages a
 * user layers on a Debian desktop, with bookworm's versions and summaries
 * and just enough dependency data for the resolver to walk real-looking
 * chains (cowsay → perl → perl-base from the base, vim → vim-common and
 * vim-runtime, git → git-man, liberror-perl, less, openssh-client, …).
 * v4l2loopback-utils needs `v4l2loopback-modules`, which nothing here
 * provides (DKMS builds it on a real system): the depsolve failure.
 */
import type { UniverseRow } from '../packages/universe-data.ts';

const VIM = '2:9.0.1378-2';
const PERL = '5.36.0-7+deb12u1';
const GIT = '1:2.39.5-0+deb12u1';
const FUSE = '3.14.0-4';

const row = (
  name: string,
  evr: string,
  arch: string,
  summary: string,
  more: Partial<UniverseRow> = {},
): UniverseRow => ({ name, evr, arch, summary, repo: 'debian', ...more });

/** The extras, in no particular order (the repository view sorts them). */
export const DEBIAN_EXTRA_PACKAGES: readonly UniverseRow[] = [
  row('cowsay', '3.03+dfsg2-8', 'all', 'configurable talking cow', {
    bins: 'cowsay cowthink',
    requires: ['perl'],
  }),
  row('perl', PERL, 'amd64', "Larry Wall's Practical Extraction and Report Language", {
    repo: 'debian-security',
    bins: 'perl',
    requires: ['perl-base', 'libperl5.36'],
  }),
  row('libperl5.36', PERL, 'amd64', 'shared Perl library', {
    repo: 'debian-security',
    files: ['/usr/lib/x86_64-linux-gnu/libperl.so.5.36'],
  }),
  row('tmux', '3.3a-3', 'amd64', 'terminal multiplexer', {
    bins: 'tmux',
    requires: ['libevent-core-2.1-7'],
  }),
  // An upstream version with hyphens: upstream `2.1.12-stable`, revision 8.
  row(
    'libevent-core-2.1-7',
    '2.1.12-stable-8',
    'amd64',
    'Asynchronous event notification library (core)',
    {
      files: ['/usr/lib/x86_64-linux-gnu/libevent_core-2.1.so.7'],
    },
  ),
  row('zsh', '5.9-4+b5', 'amd64', 'shell with lots of features', {
    bins: 'zsh',
    requires: ['zsh-common'],
  }),
  row('zsh-common', '5.9-4', 'all', 'architecture independent files for Zsh'),
  row('fish', '3.6.0-3.1', 'amd64', 'friendly interactive shell', {
    bins: 'fish',
    requires: ['fish-common'],
  }),
  row(
    'fish-common',
    '3.6.0-3.1',
    'all',
    'friendly interactive shell (architecture-independent files)',
  ),
  row('vim', VIM, 'amd64', 'Vi IMproved - enhanced vi editor', {
    bins: 'vim',
    requires: ['vim-common', 'vim-runtime'],
  }),
  row('vim-common', VIM, 'all', 'Vi IMproved - Common files'),
  row('vim-runtime', VIM, 'all', 'Vi IMproved - Runtime files'),
  row('neovim', '0.7.2-7', 'amd64', 'heavily refactored vim fork', {
    bins: 'nvim',
    requires: ['neovim-runtime', 'libluajit-5.1-2'],
  }),
  row('neovim-runtime', '0.7.2-7', 'all', 'heavily refactored vim fork (runtime files)'),
  row(
    'libluajit-5.1-2',
    '2.1.0~beta3+git20220320+dfsg-4.1',
    'amd64',
    'Just in time compiler for Lua - library version',
    {
      files: ['/usr/lib/x86_64-linux-gnu/libluajit-5.1.so.2'],
    },
  ),
  row('git', GIT, 'amd64', 'fast, scalable, distributed revision control system', {
    repo: 'debian-security',
    bins: 'git',
    requires: ['git-man', 'liberror-perl', 'perl', 'less', 'openssh-client'],
  }),
  row('git-man', GIT, 'all', 'fast, scalable, distributed revision control system (manual pages)', {
    repo: 'debian-security',
  }),
  row(
    'liberror-perl',
    '0.17029-2',
    'all',
    'Perl module for error/exception handling in an OO-ish way',
    {
      requires: ['perl'],
    },
  ),
  row('less', '590-2.1~deb12u2', 'amd64', 'pager program similar to more', { bins: 'less' }),
  row('distrobox', '1.4.2.1-1', 'all', 'Use any Linux distribution inside your terminal', {
    bins: 'distrobox',
    requires: ['podman'],
  }),
  row(
    'gnome-tweaks',
    '42~beta-4',
    'all',
    'tool to adjust advanced configuration settings for GNOME',
    {
      bins: 'gnome-tweaks',
      requires: ['gnome-shell', 'python3-gi'],
    },
  ),
  row(
    'python3-gi',
    '3.42.2-3+b1',
    'amd64',
    'Python 3 bindings for gobject-introspection libraries',
    {
      requires: ['python3'],
    },
  ),
  row(
    'python3',
    '3.11.2-1+b1',
    'amd64',
    'interactive high-level object-oriented language (default python3 version)',
    {
      bins: 'python3',
      requires: ['libpython3.11'],
    },
  ),
  row(
    'libpython3.11',
    '3.11.2-6+deb12u5',
    'amd64',
    'Shared Python runtime library (version 3.11)',
    {
      repo: 'debian-security',
      files: ['/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0'],
    },
  ),
  row('nvtop', '3.0.1-1', 'amd64', 'Interactive NVIDIA/AMD/Intel GPU process monitor', {
    bins: 'nvtop',
  }),
  row(
    'wireguard-tools',
    '1.0.20210914-1+b1',
    'amd64',
    'fast, modern, secure kernel VPN tunnel (userland utilities)',
    {
      bins: 'wg wg-quick',
      requires: ['systemd'],
    },
  ),
  row('sshfs', '3.7.3-1.1', 'amd64', 'filesystem client based on SSH File Transfer Protocol', {
    bins: 'sshfs',
    requires: ['fuse3', 'openssh-client'],
  }),
  row('fuse3', FUSE, 'amd64', 'Filesystem in Userspace (3.x version)', {
    bins: 'fusermount3',
    requires: ['libfuse3-3'],
  }),
  row('libfuse3-3', FUSE, 'amd64', 'Filesystem in Userspace (library) (3.x version)', {
    files: ['/usr/lib/x86_64-linux-gnu/libfuse3.so.3'],
  }),
  row('v4l2loopback-utils', '0.12.7-2', 'all', 'utilities to control v4l2 loopback devices', {
    bins: 'v4l2loopback-ctl',
    requires: ['v4l2loopback-modules'],
  }),
];
