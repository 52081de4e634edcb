/**
 * The installable extras of the sandbox's rpm-md repositories: packages a
 * user layers on Silverblue, with their Fedora 43 NEVRAs and summaries and
 * just enough dependency data for the resolver to walk real-looking chains
 * (vim-enhanced → vim-common → vim-filesystem, cowsay → perl-interpreter →
 * perl-libs, git-core → openssh-clients from the base, …). One package,
 * v4l2loopback, needs a capability nothing provides (its kmod lives in
 * RPM Fusion), for the depsolve failure.
 */

/** One repository package before parsing. */
export interface UniverseRow {
  readonly name: string;
  /** `[epoch:]version-release` (Debian: `[epoch:]upstream[-revision]`). */
  readonly evr: string;
  readonly arch: string;
  readonly summary: string;
  /** The repository id (`fedora`/`updates` on Fedora, `debian`/`debian-security` on Debian). */
  readonly repo: string;
  /** Space-separated executables under /usr/bin (each is also a file provide). */
  readonly bins?: string;
  /** Capabilities it needs (package names, sonames, paths). */
  readonly requires?: readonly string[];
  /** Capabilities besides its name and its files. */
  readonly provides?: readonly string[];
  /** Other files it installs. */
  readonly files?: readonly string[];
}

const VIM = '2:9.1.1882-1.fc43';
const PERL = '4:5.42.0-419.fc43';
const FUSE = '3.16.2-6.fc43';
const GIT = '2.51.1-1.fc43';
const PYTHON = '3.14.0-2.fc43';

/** The extras, in no particular order (the repository view sorts them). */
export const EXTRA_PACKAGES: readonly UniverseRow[] = [
  {
    name: 'cowsay',
    evr: '3.8.4-1.fc43',
    arch: 'noarch',
    summary: 'Configurable speaking/thinking cow',
    repo: 'fedora',
    bins: 'cowsay cowthink',
    requires: ['perl-interpreter'],
  },
  {
    name: 'perl-interpreter',
    evr: PERL,
    arch: 'x86_64',
    summary: 'Standalone executable Perl interpreter',
    repo: 'updates',
    bins: 'perl',
    requires: ['perl-libs', 'libperl.so.5.42()(64bit)'],
  },
  {
    name: 'perl-libs',
    evr: PERL,
    arch: 'x86_64',
    summary: 'The libraries for the perl run-time',
    repo: 'updates',
    provides: ['libperl.so.5.42()(64bit)'],
    files: ['/usr/lib64/perl5/CORE/libperl.so'],
  },
  {
    name: 'tmux',
    evr: '3.5a-3.fc43',
    arch: 'x86_64',
    summary: 'A terminal multiplexer',
    repo: 'fedora',
    bins: 'tmux',
    requires: ['libevent_core-2.1.so.7()(64bit)'],
  },
  {
    name: 'tmux',
    evr: '3.5a-5.fc43',
    arch: 'x86_64',
    summary: 'A terminal multiplexer',
    repo: 'updates',
    bins: 'tmux',
    requires: ['libevent_core-2.1.so.7()(64bit)'],
  },
  {
    name: 'libevent',
    evr: '2.1.12-16.fc43',
    arch: 'x86_64',
    summary: 'Abstract asynchronous event notification library',
    repo: 'fedora',
    provides: ['libevent_core-2.1.so.7()(64bit)', 'libevent-2.1.so.7()(64bit)'],
    files: ['/usr/lib64/libevent_core-2.1.so.7', '/usr/lib64/libevent-2.1.so.7'],
  },
  {
    name: 'zsh',
    evr: '5.9-17.fc43',
    arch: 'x86_64',
    summary: 'Powerful interactive shell',
    repo: 'fedora',
    bins: 'zsh',
  },
  {
    name: 'fish',
    evr: '4.0.2-3.fc43',
    arch: 'x86_64',
    summary: 'Friendly interactive shell',
    repo: 'updates',
    bins: 'fish fish_indent fish_key_reader',
  },
  {
    name: 'vim-enhanced',
    evr: VIM,
    arch: 'x86_64',
    summary: 'A version of the VIM editor which includes recent enhancements',
    repo: 'updates',
    bins: 'vim vimdiff vimtutor',
    requires: ['vim-common'],
    provides: ['vim'],
  },
  {
    name: 'vim-common',
    evr: VIM,
    arch: 'x86_64',
    summary: 'The common files needed by any version of the VIM editor',
    repo: 'updates',
    bins: 'xxd',
    requires: ['vim-filesystem'],
    files: ['/usr/share/vim/vim91/defaults.vim'],
  },
  {
    name: 'vim-filesystem',
    evr: VIM,
    arch: 'noarch',
    summary: 'VIM filesystem layout',
    repo: 'updates',
    files: ['/usr/share/vim/vimfiles/.keep'],
  },
  {
    name: 'neovim',
    evr: '0.11.4-1.fc43',
    arch: 'x86_64',
    summary: 'Vim-fork focused on extensibility and agility',
    repo: 'updates',
    bins: 'nvim',
    requires: ['libluajit-5.1.so.2()(64bit)', 'libvterm.so.0()(64bit)'],
  },
  {
    name: 'luajit',
    evr: '2.1.1753364724-1.fc43',
    arch: 'x86_64',
    summary: 'Just-In-Time Compiler for Lua',
    repo: 'updates',
    bins: 'luajit',
    provides: ['libluajit-5.1.so.2()(64bit)'],
    files: ['/usr/lib64/libluajit-5.1.so.2'],
  },
  {
    name: 'libvterm',
    evr: '0.3.3-6.fc43',
    arch: 'x86_64',
    summary: 'An abstract library implementation of a VT220/xterm/ECMA-48 terminal emulator',
    repo: 'fedora',
    provides: ['libvterm.so.0()(64bit)'],
    files: ['/usr/lib64/libvterm.so.0'],
  },
  {
    name: 'git',
    evr: GIT,
    arch: 'x86_64',
    summary: 'Fast Version Control System',
    repo: 'updates',
    requires: ['git-core', 'perl-interpreter'],
  },
  {
    name: 'git-core',
    evr: GIT,
    arch: 'x86_64',
    summary: 'Core package of git with minimal functionality',
    repo: 'updates',
    bins: 'git',
    requires: ['less', 'openssh-clients'],
  },
  {
    name: 'less',
    evr: '679-2.fc43',
    arch: 'x86_64',
    summary: 'A text file browser similar to more, but better',
    repo: 'fedora',
    bins: 'less lesskey',
  },
  {
    name: 'distrobox',
    evr: '1.8.1.2-3.fc43',
    arch: 'noarch',
    summary: 'Another tool for containerized command line environments on Linux',
    repo: 'updates',
    bins: 'distrobox distrobox-create distrobox-enter',
    requires: ['podman'],
  },
  {
    name: 'gnome-tweaks',
    evr: '49.0-1.fc43',
    arch: 'noarch',
    summary: 'Customize advanced GNOME options',
    repo: 'updates',
    bins: 'gnome-tweaks',
    requires: ['gnome-shell', 'python3-gobject'],
  },
  {
    name: 'python3-gobject',
    evr: '3.54.5-1.fc43',
    arch: 'x86_64',
    summary: 'Python bindings for GObject Introspection',
    repo: 'updates',
    requires: ['python3'],
    files: ['/usr/lib64/python3.14/site-packages/gi/__init__.py'],
  },
  {
    name: 'python3',
    evr: PYTHON,
    arch: 'x86_64',
    summary: 'Python 3.14 interpreter',
    repo: 'updates',
    bins: 'python3 python3.14',
    requires: ['python3-libs'],
  },
  {
    name: 'python3-libs',
    evr: PYTHON,
    arch: 'x86_64',
    summary: 'Python runtime libraries',
    repo: 'updates',
    provides: ['libpython3.14.so.1.0()(64bit)'],
    files: ['/usr/lib64/libpython3.14.so.1.0'],
  },
  {
    name: 'nvtop',
    evr: '3.2.0-4.fc43',
    arch: 'x86_64',
    summary: 'GPU process monitoring for AMD, Intel and NVIDIA',
    repo: 'fedora',
    bins: 'nvtop',
  },
  {
    name: 'wireguard-tools',
    evr: '1.0.20250521-2.fc43',
    arch: 'x86_64',
    summary: 'Fast, modern, secure VPN tunnel',
    repo: 'fedora',
    bins: 'wg wg-quick',
    requires: ['systemd'],
  },
  {
    name: 'fuse-sshfs',
    evr: '3.7.5-3.fc43',
    arch: 'x86_64',
    summary: 'FUSE-Filesystem to access remote filesystems via SSH',
    repo: 'fedora',
    bins: 'sshfs',
    requires: ['fuse3', 'openssh-clients'],
  },
  {
    name: 'fuse3',
    evr: FUSE,
    arch: 'x86_64',
    summary: 'File System in Userspace (FUSE) v3 utilities',
    repo: 'fedora',
    bins: 'fusermount3',
    requires: ['fuse3-libs', 'fuse-common'],
  },
  {
    name: 'fuse3-libs',
    evr: FUSE,
    arch: 'x86_64',
    summary: 'File System in Userspace (FUSE) v3 libraries',
    repo: 'fedora',
    provides: ['libfuse3.so.4()(64bit)'],
    files: ['/usr/lib64/libfuse3.so.4'],
  },
  {
    name: 'fuse-common',
    evr: FUSE,
    arch: 'x86_64',
    summary: 'Common files for File System in Userspace (FUSE) v2 and v3',
    repo: 'fedora',
    files: ['/usr/etc/fuse.conf'],
  },
  {
    name: 'v4l2loopback',
    evr: '0.15.1-1.fc43',
    arch: 'x86_64',
    summary: 'Tools and configuration for the v4l2loopback kernel module',
    repo: 'updates',
    bins: 'v4l2loopback-ctl',
    requires: ['kmod-v4l2loopback'],
  },
];
