import type { MessageBus } from 'dbus-next';
import { callMethod } from '../../dbus/call.ts';
import type { DaemonProfile } from '../profile.ts';
import { sysrootTarget } from './sysroot-target.ts';

/**
 * `Sysroot.Reload()`: re-scan the sysroot. The daemon replies after its
 * pending PropertiesChanged, so a read after this is current (reference §9).
 */
export async function reload(bus: MessageBus, profile: DaemonProfile): Promise<void> {
  await callMethod(bus, { ...sysrootTarget(profile), member: 'Reload', timeoutMs: 120_000 });
}
