import type { MessageBus } from 'dbus-next';
import type { CachedUpdate } from '../../contract/updates.ts';
import { callMethod } from '../../dbus/call.ts';
import { parseCachedUpdate } from '../parse-cached-update.ts';
import type { DaemonProfile } from '../profile.ts';
import { interfaces } from '../profile.ts';
import { unwrapVariant } from '../vardict.ts';

/** `Properties.Get(OS, CachedUpdate)` on the booted OS object, parsed. */
export async function getCachedUpdate(
  bus: MessageBus,
  profile: DaemonProfile,
  osPath: string,
): Promise<CachedUpdate | null> {
  const [value] = await callMethod(bus, {
    destination: profile.busName,
    path: osPath,
    interface: 'org.freedesktop.DBus.Properties',
    member: 'Get',
    signature: 'ss',
    body: [interfaces(profile).os, 'CachedUpdate'],
    timeoutMs: 120_000,
  });
  return parseCachedUpdate(
    unwrapVariant(value, 'a{sv}', 'OS.CachedUpdate'),
    'OS.CachedUpdate',
    profile,
  );
}
