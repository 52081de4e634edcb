import type { MessageBus, Variant } from 'dbus-next';
import { osObjectPath, RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';
import { runTransaction } from '../../daemon-bridge/rpm-ostree/transaction/index.ts';
import type {
  TransactionEvent,
  TransactionOutcome,
} from '../../daemon-bridge/rpm-ostree/transaction/index.ts';
import { daemonCall, getAll } from './sandbox-client.ts';

/** The demo machine's OS object and interfaces. */
export const FEDORA = osObjectPath(RPM_OSTREE, 'fedora');
export const OS_IFACE = `${RPM_OSTREE.interfacePrefix}.OS`;
export const SYSROOT_IFACE = `${RPM_OSTREE.interfacePrefix}.Sysroot`;

export type Dict = Record<string, Variant<unknown>>;

/** Calls an OS method on the fedora object. */
export function osCall(
  bus: MessageBus,
  member: string,
  signature = '',
  body: readonly unknown[] = [],
): Promise<readonly unknown[]> {
  return daemonCall(bus, FEDORA, OS_IFACE, member, signature, body);
}

/** Runs a transaction with the app's own p2p client; returns its outcome and every event. */
export async function runSandboxTransaction(
  address: string,
  options: { signal?: AbortSignal; onEvent?: (e: TransactionEvent) => void } = {},
): Promise<{ outcome: TransactionOutcome; events: TransactionEvent[] }> {
  const events: TransactionEvent[] = [];
  const outcome = await runTransaction(address, {
    profile: RPM_OSTREE,
    onEvent: (e) => {
      events.push(e);
      options.onEvent?.(e);
    },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { outcome, events };
}

/** Sysroot.Reload, then the OS properties (the CLI's pattern after a transaction). */
export async function reloadOs(bus: MessageBus): Promise<Dict> {
  await daemonCall(bus, RPM_OSTREE.sysrootPath, SYSROOT_IFACE, 'Reload');
  return getAll(bus, FEDORA, OS_IFACE);
}

/** A Variant's value, typed. */
export function val<T>(dict: Dict, key: string): T {
  return dict[key]?.value as T;
}
