import { access, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bootSandbox } from '../sysroot/boot-record.ts';
import type { SandboxLayout } from '../sysroot/layout.ts';
import { ostree } from '../sysroot/ostree-cli.ts';
import { removeTree } from '../sysroot/remove-tree.ts';
import { commitBase, commitLayered } from './compose.ts';
import type { RpmmdRepo } from './compose.ts';
import { applyUpdates, HTOP, PACKAGES_2026_01_01, PACKAGES_2026_01_15 } from './packages.ts';
import { writeTree } from './tree.ts';

/** The demo machine: a Fedora Silverblue 43 install tracking the official remote and ref. */
export const SANDBOX_MACHINE = {
  osname: 'fedora',
  remote: 'fedora',
  ref: 'fedora/43/x86_64/silverblue',
  kargs: [
    'root=UUID=6d8e1c4a-2f7b-4e8e-9a51-3c0f5d7b9e21',
    'rootflags=subvol=root',
    'rw',
    'rhgb',
    'quiet',
  ],
} as const;

/** The refspec deployments track (`remote:ref`). */
export const SANDBOX_REFSPEC = `${SANDBOX_MACHINE.remote}:${SANDBOX_MACHINE.ref}`;

const repos = (fedora: string, updates: string): RpmmdRepo[] => [
  { id: 'fedora', generated: BigInt(Date.parse(fedora) / 1000) },
  { id: 'updates', generated: BigInt(Date.parse(updates) / 1000) },
];

const OLD = {
  ref: SANDBOX_MACHINE.ref,
  version: '43.20260101.0',
  timestamp: '2026-01-01T06:25:41Z',
  packages: PACKAGES_2026_01_01,
  repos: repos('2025-10-23T13:02:45Z', '2026-01-01T03:11:09Z'),
};
const NEW = {
  ref: SANDBOX_MACHINE.ref,
  version: '43.20260115.0',
  timestamp: '2026-01-15T06:31:07Z',
  packages: PACKAGES_2026_01_15,
  repos: repos('2025-10-23T13:02:45Z', '2026-01-15T02:48:51Z'),
};

/** True when `dir` already holds a sandbox machine. */
export async function isSeeded(layout: SandboxLayout): Promise<boolean> {
  return access(layout.sysroot).then(
    () => true,
    () => false,
  );
}

/**
 * Creates the demo machine on first use: two deployments of the real remote
 * ref, the older (43.20260101.0) as rollback and the newer (43.20260115.0,
 * with `htop` layered) booted. Built in a staging directory and moved into
 * place last, so an interrupted seed never looks like a finished one.
 * Returns false if the machine already existed.
 */
export async function ensureSeeded(
  layout: SandboxLayout,
  log: (line: string) => void = () => undefined,
): Promise<boolean> {
  await mkdir(layout.dir, { recursive: true });
  // Leftovers of seeds that died midway; a live seeder's staging stays untouched.
  for (const name of await readdir(layout.dir)) {
    const pid = /^\.seed-(\d+)$/.exec(name)?.[1];
    if (pid && !isRunning(Number(pid))) await removeTree(join(layout.dir, name));
  }
  if (await isSeeded(layout)) return false;

  const staging = join(layout.dir, `.seed-${process.pid}`);
  const sysroot = join(staging, 'sysroot');
  const repo = join(sysroot, 'ostree', 'repo');
  const upstream = join(staging, 'upstream');
  const trees = join(staging, 'trees');
  try {
    log(`seeding a demo ${SANDBOX_MACHINE.osname} machine in ${layout.dir}`);
    await mkdir(sysroot, { recursive: true });
    await ostree(['admin', 'init-fs', '--modern', sysroot]);
    // bare-user-only works for root and ordinary users alike (files owned by the
    // caller, ownership recorded as root), see spikes §7.
    await rm(repo, { recursive: true, force: true });
    await ostree(['init', `--repo=${repo}`, '--mode=bare-user-only']);
    await ostree(['admin', 'os-init', `--sysroot=${sysroot}`, SANDBOX_MACHINE.osname]);
    await ostree(['init', `--repo=${upstream}`, '--mode=archive']);
    await ostree([
      'remote',
      'add',
      `--repo=${repo}`,
      '--no-gpg-verify',
      SANDBOX_MACHINE.remote,
      pathToFileURL(layout.upstreamRepo).href,
    ]);

    const oldTree = join(trees, 'old');
    await writeTree(oldTree, OLD.packages, OLD);
    const oldCommit = await commitBase(upstream, oldTree, OLD);
    await pullFromUpstream(upstream, repo);
    await ostree([
      'admin',
      'deploy',
      `--sysroot=${sysroot}`,
      `--os=${SANDBOX_MACHINE.osname}`,
      ...SANDBOX_MACHINE.kargs.map((k) => `--karg=${k}`),
      SANDBOX_REFSPEC,
    ]);
    log(`deployed ${OLD.version} (${oldCommit.slice(0, 12)})`);

    const newTree = join(trees, 'new');
    await writeTree(newTree, NEW.packages, NEW);
    const newCommit = await commitBase(upstream, newTree, NEW);
    await pullFromUpstream(upstream, repo);

    const layeredPackages = applyUpdates(NEW.packages, [HTOP]);
    const layeredTree = join(trees, 'layered');
    await writeTree(layeredTree, layeredPackages, NEW);
    const layered = await commitLayered(repo, layeredTree, {
      parent: newCommit,
      baseVersion: NEW.version,
      timestamp: '2026-01-16T09:12:44Z',
      packages: layeredPackages,
      layered: [HTOP.name],
      repos: repos('2025-10-23T13:02:45Z', '2026-01-16T08:40:12Z'),
    });
    // rpm-ostree keeps the base of a layered deployment alive with this ref.
    await ostree(['refs', `--repo=${repo}`, `--create=rpmostree/base/0`, newCommit]);
    const originFile = join(staging, 'layered.origin');
    await writeFile(
      originFile,
      `[origin]\nbaserefspec=${SANDBOX_REFSPEC}\n\n[packages]\nrequested=${HTOP.name};\n`,
    );
    await ostree([
      'admin',
      'deploy',
      `--sysroot=${sysroot}`,
      `--os=${SANDBOX_MACHINE.osname}`,
      '--retain',
      `--origin-file=${originFile}`,
      layered,
    ]);
    log(`deployed ${NEW.version} + ${HTOP.name} (${layered.slice(0, 12)})`);

    await removeTree(trees);
    await mkdir(join(layout.upstreamRepo, '..'), { recursive: true });
    await rename(upstream, layout.upstreamRepo);
    await writeDefaultConfig(layout);
    await rename(sysroot, layout.sysroot);
    await bootSandbox(layout);
    log(`booted ${NEW.version} + ${HTOP.name}`);
    return true;
  } finally {
    await removeTree(staging);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function pullFromUpstream(upstream: string, repo: string): Promise<void> {
  // pull-local with --remote writes refs/remotes/<remote>/<ref>, exactly what a
  // pull from the configured remote would; it just reads the staging copy.
  await ostree([
    'pull-local',
    `--repo=${repo}`,
    `--remote=${SANDBOX_MACHINE.remote}`,
    upstream,
    SANDBOX_MACHINE.ref,
  ]);
}

async function writeDefaultConfig(layout: SandboxLayout): Promise<void> {
  await mkdir(join(layout.daemonConfig, '..'), { recursive: true });
  await access(layout.daemonConfig).catch(() =>
    writeFile(layout.daemonConfig, '[Daemon]\n#AutomaticUpdatePolicy=none\n#IdleExitTimeout=60\n'),
  );
}
