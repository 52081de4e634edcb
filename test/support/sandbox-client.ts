import type { MessageBus, Variant } from 'dbus-next';
import { callMethod } from '../../daemon-bridge/dbus/call.ts';
import { subscribeSignal } from '../../daemon-bridge/dbus/signals.ts';
import { RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';

/** A plain D-Bus call to the sandbox daemon (its body, or a DBusCallError). */
export function daemonCall(
  bus: MessageBus,
  path: string,
  iface: string,
  member: string,
  signature = '',
  body: readonly unknown[] = [],
): Promise<readonly unknown[]> {
  return callMethod(bus, {
    destination: RPM_OSTREE.busName,
    path,
    interface: iface,
    member,
    signature,
    body,
    timeoutMs: 30_000,
  });
}

/** Properties.GetAll, values still wrapped in Variants. */
export async function getAll(
  bus: MessageBus,
  path: string,
  iface: string,
): Promise<Record<string, Variant<unknown>>> {
  const [props] = await daemonCall(bus, path, 'org.freedesktop.DBus.Properties', 'GetAll', 's', [
    iface,
  ]);
  return props as Record<string, Variant<unknown>>;
}

/** One received PropertiesChanged signal. */
export interface PropertiesChangedEvent {
  readonly path: string;
  readonly iface: string;
  readonly changed: Record<string, Variant<unknown>>;
  readonly invalidated: readonly string[];
}

/** Records every PropertiesChanged the daemon sends; returns the live list and an unsubscribe. */
export async function recordPropertiesChanged(
  bus: MessageBus,
): Promise<{ events: PropertiesChangedEvent[]; stop(): Promise<void> }> {
  const events: PropertiesChangedEvent[] = [];
  const stop = await subscribeSignal(
    bus,
    {
      sender: RPM_OSTREE.busName,
      interface: 'org.freedesktop.DBus.Properties',
      member: 'PropertiesChanged',
    },
    (body, msg) => {
      const [iface, changed, invalidated] = body as [
        string,
        Record<string, Variant<unknown>>,
        string[],
      ];
      events.push({ path: msg.path, iface, changed, invalidated });
    },
  );
  return { events, stop };
}
