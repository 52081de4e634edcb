import type { MessageBus } from 'dbus-next';
import { callMethod } from '../dbus/call.ts';

/**
 * `org.freedesktop.login1.Manager.Reboot(b interactive)`: asks logind to
 * reboot; polkit decides, and with interactive=true (and the header flag)
 * the desktop's agent may ask for a password.
 */
export async function login1Reboot(bus: MessageBus): Promise<void> {
  await callMethod(bus, {
    destination: 'org.freedesktop.login1',
    path: '/org/freedesktop/login1',
    interface: 'org.freedesktop.login1.Manager',
    member: 'Reboot',
    signature: 'b',
    body: [true],
    interactive: true,
    timeoutMs: 300_000,
  });
}
