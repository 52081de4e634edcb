import type { MessageBus } from 'dbus-next';
import { callMethod, DBusCallError } from './call.ts';
import { subscribeSignal } from './signals.ts';

const DRIVER = {
  destination: 'org.freedesktop.DBus',
  path: '/org/freedesktop/DBus',
  interface: 'org.freedesktop.DBus',
  timeoutMs: 25_000,
} as const;

/** The unique name owning `name`, or null when nobody does. */
export async function getNameOwner(bus: MessageBus, name: string): Promise<string | null> {
  try {
    const [owner] = await callMethod(bus, {
      ...DRIVER,
      member: 'GetNameOwner',
      signature: 's',
      body: [name],
    });
    return typeof owner === 'string' ? owner : null;
  } catch (err) {
    if (
      err instanceof DBusCallError &&
      err.errorName === 'org.freedesktop.DBus.Error.NameHasNoOwner'
    )
      return null;
    throw err;
  }
}

/** Names the bus can start on demand (D-Bus activation). */
export async function listActivatableNames(bus: MessageBus): Promise<readonly string[]> {
  const [names] = await callMethod(bus, { ...DRIVER, member: 'ListActivatableNames' });
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
}

/**
 * Follows the owner of one well-known name. `listener` gets the new unique
 * owner, or null when the name was released (daemon exited).
 */
export function watchNameOwner(
  bus: MessageBus,
  name: string,
  listener: (owner: string | null) => void,
): Promise<() => Promise<void>> {
  return subscribeSignal(
    bus,
    {
      sender: 'org.freedesktop.DBus',
      path: '/org/freedesktop/DBus',
      interface: 'org.freedesktop.DBus',
      member: 'NameOwnerChanged',
      arg0: name,
    },
    (body) => {
      const [changed, , newOwner] = body;
      if (changed !== name) return;
      listener(typeof newOwner === 'string' && newOwner !== '' ? newOwner : null);
    },
  );
}
