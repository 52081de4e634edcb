import { access, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bootSandbox } from '../sysroot/boot-record.ts';
import type { SandboxLayout } from '../sysroot/layout.ts';
import { ostree } from '../sysroot/ostree-cli.ts';
import { removeTree } from '../sysroot/remove-tree.ts';
import { FEDORA_MACHINE } from '../machine/fedora-machine.ts';
import { machineRefspec } from '../machine/machine.ts';
import type { SandboxMachine } from '../machine/machine.ts';
import { commitBase, commitLayered } from './compose.ts';
import { applyUpdates } from './packages.ts';
import { writeTree } from './tree.ts';

/** The Fedora demo machine's names (the default machine; see machine/fedora-machine.ts). */
export const SANDBOX_MACHINE = {
  osname: FEDORA_MACHINE.osname,
  remote: FEDORA_MACHINE.remote,
  ref: FEDORA_MACHINE.ref,
  kargs: FEDORA_MACHINE.kargs,
} as const;

/** The refspec the Fedora machine's deployments track (`remote:ref`). */
export const SANDBOX_REFSPEC = machineRefspec(FEDORA_MACHINE);

/** True when `dir` already holds a sandbox machine. */
export async function isSeeded(layout: SandboxLayout): Promise<boolean> {
  return access(layout.sysroot).then(
    () => true,
    () => false,
  );
}

/**
 * Creates the demo machine on first use: two deployments of the machine's
 * remote ref, the older compose as rollback and the newer one (with a
 * package layered: `htop`) booted. Built in a staging directory and moved
 * into place last, so an interrupted seed never looks like a finished one.
 * Returns false if a machine already existed (whichever it is: see
 * machineOfDir).
 */
export async function ensureSeeded(
  layout: SandboxLayout,
  log: (line: string) => void = () => undefined,
  machine: SandboxMachine = FEDORA_MACHINE,
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
  const refspec = machineRefspec(machine);
  const [older, newer] = machine.composes;
  const layer = machine.layer.package;
  try {
    log(`seeding a demo ${machine.title} machine (${machine.osname}) in ${layout.dir}`);
    await mkdir(sysroot, { recursive: true });
    await ostree(['admin', 'init-fs', '--modern', sysroot]);
    // bare-user-only works for root and ordinary users alike (files owned by the
    // caller, ownership recorded as root), see spikes §7.
    await rm(repo, { recursive: true, force: true });
    await ostree(['init', `--repo=${repo}`, '--mode=bare-user-only']);
    await ostree(['admin', 'os-init', `--sysroot=${sysroot}`, machine.osname]);
    await ostree(['init', `--repo=${upstream}`, '--mode=archive']);
    await ostree([
      'remote',
      'add',
      `--repo=${repo}`,
      '--no-gpg-verify',
      machine.remote,
      pathToFileURL(layout.upstreamRepo).href,
    ]);

    const oldTree = join(trees, 'old');
    await writeTree(oldTree, older.packages, older, machine);
    const oldCommit = await commitBase(upstream, oldTree, older);
    await pullFromUpstream(machine, upstream, repo);
    await ostree([
      'admin',
      'deploy',
      `--sysroot=${sysroot}`,
      `--os=${machine.osname}`,
      ...machine.kargs.map((k) => `--karg=${k}`),
      refspec,
    ]);
    log(`deployed ${older.version} (${oldCommit.slice(0, 12)})`);

    const newTree = join(trees, 'new');
    await writeTree(newTree, newer.packages, newer, machine);
    const newCommit = await commitBase(upstream, newTree, newer);
    await pullFromUpstream(machine, upstream, repo);

    const layeredPackages = applyUpdates(newer.packages, [layer]);
    const layeredTree = join(trees, 'layered');
    await writeTree(layeredTree, layeredPackages, newer, machine);
    const layered = await commitLayered(repo, layeredTree, {
      parent: newCommit,
      baseVersion: newer.version,
      timestamp: machine.layer.timestamp,
      packages: layeredPackages,
      layered: [layer.name],
      repos: machine.layer.repos,
    });
    // rpm-ostree keeps the base of a layered deployment alive with this ref.
    await ostree(['refs', `--repo=${repo}`, `--create=rpmostree/base/0`, newCommit]);
    const originFile = join(staging, 'layered.origin');
    await writeFile(
      originFile,
      `[origin]\nbaserefspec=${refspec}\n\n[packages]\nrequested=${layer.name};\n`,
    );
    await ostree([
      'admin',
      'deploy',
      `--sysroot=${sysroot}`,
      `--os=${machine.osname}`,
      '--retain',
      `--origin-file=${originFile}`,
      layered,
    ]);
    log(`deployed ${newer.version} + ${layer.name} (${layered.slice(0, 12)})`);

    await removeTree(trees);
    await mkdir(join(layout.upstreamRepo, '..'), { recursive: true });
    await rename(upstream, layout.upstreamRepo);
    await writeDefaultConfig(layout);
    await rename(sysroot, layout.sysroot);
    await bootSandbox(layout);
    log(`booted ${newer.version} + ${layer.name}`);
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

async function pullFromUpstream(
  machine: SandboxMachine,
  upstream: string,
  repo: string,
): Promise<void> {
  // pull-local with --remote writes refs/remotes/<remote>/<ref>, exactly what a
  // pull from the configured remote would; it just reads the staging copy.
  await ostree([
    'pull-local',
    `--repo=${repo}`,
    `--remote=${machine.remote}`,
    upstream,
    machine.ref,
  ]);
}

async function writeDefaultConfig(layout: SandboxLayout): Promise<void> {
  await mkdir(join(layout.daemonConfig, '..'), { recursive: true });
  await access(layout.daemonConfig).catch(() =>
    writeFile(layout.daemonConfig, '[Daemon]\n#AutomaticUpdatePolicy=none\n#IdleExitTimeout=60\n'),
  );
}
