import type { Variant } from 'dbus-next';
import type { KernelArgsChange } from '../../contract/kernel-args.ts';
import { parseBootConfig } from '../parse-boot-config.ts';
import type { BootConfig } from '../parse-boot-config.ts';
import { osCall, transactionAddress } from './os-call.ts';
import type { OsTarget } from './os-call.ts';

/**
 * `OS.GetDeploymentBootConfig(s deployid, b is_pending) → a{sv}`. The first
 * argument is an *index* into Deployments as a decimal string; "" with
 * is_pending = the origin merge deployment (pending, else booted).
 */
export async function getDeploymentBootConfig(
  target: OsTarget,
  index: number | '',
  isPending: boolean,
): Promise<BootConfig> {
  const [config] = await osCall(target, 'GetDeploymentBootConfig', 'sb', [
    String(index),
    isPending,
  ]);
  return parseBootConfig(config);
}

/**
 * `OS.KernelArgs(s existing, as added, as replaced, as removed, a{sv}) → s`.
 * The daemon does not read the current arguments itself (reference §5.5):
 * like the CLI, read them from the origin merge deployment right before.
 */
export async function kernelArgs(
  target: OsTarget,
  change: KernelArgsChange,
  options: Readonly<Record<string, Variant>> = {},
): Promise<string> {
  const existing = (await getDeploymentBootConfig(target, '', true)).options;
  return transactionAddress(
    await osCall(target, 'KernelArgs', 'sasasasa{sv}', [
      existing,
      [...change.added],
      [...change.replaced],
      [...change.removed],
      options,
    ]),
    'KernelArgs',
  );
}
