import type { MessageBus } from 'dbus-next';
import { callMethod } from '../../dbus/call.ts';
import { parseSysrootProperties } from '../parse-sysroot.ts';
import type { SysrootProperties } from '../parse-sysroot.ts';
import type { DaemonProfile } from '../profile.ts';
import { interfaces } from '../profile.ts';

/** `Properties.GetAll(Sysroot)`, parsed. Throws ParseError on a malformed reply. */
export async function getSysrootProperties(
  bus: MessageBus,
  profile: DaemonProfile,
): Promise<SysrootProperties> {
  const [all] = await callMethod(bus, {
    destination: profile.busName,
    path: profile.sysrootPath,
    interface: 'org.freedesktop.DBus.Properties',
    member: 'GetAll',
    signature: 's',
    body: [interfaces(profile).sysroot],
    timeoutMs: 120_000,
  });
  return parseSysrootProperties(all);
}
