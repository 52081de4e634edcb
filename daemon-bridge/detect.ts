import { getNameOwner, listActivatableNames } from './dbus/bus-driver.ts';
import { closeBus, connectBus } from './dbus/connect-bus.ts';
import type { DaemonProfile } from './rpm-ostree/profile.ts';

export type DaemonPresence =
  | { readonly kind: 'running'; readonly owner: string }
  | { readonly kind: 'activatable' }
  | { readonly kind: 'absent' }
  | { readonly kind: 'no-bus'; readonly message: string };

/**
 * Is this profile's daemon on the bus at `address`, running or startable by
 * D-Bus activation? Starts nothing: it only asks the bus driver.
 */
export async function detectDaemon(
  address: string,
  profile: DaemonProfile,
  timeoutMs = 3000,
): Promise<DaemonPresence> {
  let bus;
  try {
    bus = await connectBus(address, timeoutMs);
  } catch (err) {
    return { kind: 'no-bus', message: err instanceof Error ? err.message : String(err) };
  }
  try {
    const owner = await getNameOwner(bus, profile.busName);
    if (owner) return { kind: 'running', owner };
    const activatable = await listActivatableNames(bus);
    return activatable.includes(profile.busName) ? { kind: 'activatable' } : { kind: 'absent' };
  } finally {
    closeBus(bus);
  }
}
