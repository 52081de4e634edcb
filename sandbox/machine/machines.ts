import { readdir } from 'node:fs/promises';
import type { DaemonFlavour } from '../../daemon-bridge/contract/domain.ts';
import { namingOf } from '../packages/naming.ts';
import type { SandboxLayout } from '../sysroot/layout.ts';
import { DEBIAN_MACHINE } from './debian-machine.ts';
import { FEDORA_MACHINE } from './fedora-machine.ts';
import type { MachineId, SandboxMachine } from './machine.ts';

export const MACHINES: Readonly<Record<MachineId, SandboxMachine>> = {
  fedora: FEDORA_MACHINE,
  debian: DEBIAN_MACHINE,
};

/** The machine each daemon profile serves: rpm-ostree a Fedora one, apt-ostree a Debian one. */
export const MACHINE_OF_FLAVOUR: Readonly<Record<DaemonFlavour, SandboxMachine>> = {
  'rpm-ostree': FEDORA_MACHINE,
  'apt-ostree': DEBIAN_MACHINE,
};

/**
 * Which machine a seeded sandbox directory holds, from its sysroot's
 * stateroots (`ostree/deploy/<osname>`); null before seeding. A directory
 * keeps its machine for life: publish, reboot and the daemon read it here.
 */
export async function machineOfDir(layout: SandboxLayout): Promise<SandboxMachine | null> {
  let osnames: string[];
  try {
    osnames = await readdir(layout.deployDir);
  } catch {
    return null;
  }
  return Object.values(MACHINES).find((m) => osnames.includes(m.osname)) ?? null;
}

/** machineOfDir, or an error naming the directory when it is not seeded. */
export async function requireMachineOfDir(layout: SandboxLayout): Promise<SandboxMachine> {
  const machine = await machineOfDir(layout);
  if (!machine)
    throw new Error(
      `${layout.dir} holds no sandbox machine (start it once with \`npm run sandbox\`)`,
    );
  return machine;
}

/** The machine a package list belongs to, by its naming (packages/naming.ts); Fedora when empty. */
export function machineOfPackages(packages: readonly { readonly arch: string }[]): SandboxMachine {
  const first = packages[0];
  return first && namingOf(first.arch) === 'deb' ? DEBIAN_MACHINE : FEDORA_MACHINE;
}
