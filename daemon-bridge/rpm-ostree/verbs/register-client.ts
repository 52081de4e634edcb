import { Variant } from 'dbus-next';
import type { MessageBus } from 'dbus-next';
import { callMethod } from '../../dbus/call.ts';
import type { DaemonProfile } from '../profile.ts';
import { sysrootTarget } from './sysroot-target.ts';

/** The agent id the daemon records for this app (`InitiatingClientDescription`). */
export const CLIENT_ID = 'ostree-update-manager';

/**
 * `Sysroot.RegisterClient({id})`: keeps the daemon from idle-exiting while we
 * watch it. Also activates it. Never interactive (the daemon never allows it
 * for this method, reference §3.1).
 */
export async function registerClient(bus: MessageBus, profile: DaemonProfile): Promise<void> {
  await callMethod(bus, {
    ...sysrootTarget(profile),
    member: 'RegisterClient',
    signature: 'a{sv}',
    body: [{ id: new Variant('s', CLIENT_ID) }],
    timeoutMs: 60_000,
  });
}

/** `Sysroot.UnregisterClient({})`. */
export async function unregisterClient(bus: MessageBus, profile: DaemonProfile): Promise<void> {
  await callMethod(bus, {
    ...sysrootTarget(profile),
    member: 'UnregisterClient',
    signature: 'a{sv}',
    body: [{}],
    timeoutMs: 10_000,
  });
}
