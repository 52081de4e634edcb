import type { MessageBus, Variant } from 'dbus-next';
import { callMethod } from '../../daemon-bridge/dbus/call.ts';
import { subscribeSignal } from '../../daemon-bridge/dbus/signals.ts';
import { closeBus, connectBus } from '../../daemon-bridge/dbus/connect-bus.ts';
import { startSandbox } from '../../sandbox/launch.ts';
import type { RunningSandbox } from '../../sandbox/launch.ts';
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

/** A whole sandbox in `dir` plus a plain bus client of it, for tests that talk D-Bus directly. */
export async function startSandboxWithClient(
  dir: string,
): Promise<{ sandbox: RunningSandbox; bus: MessageBus }> {
  const sandbox = await startSandbox({ dir, log: () => undefined });
  return { sandbox, bus: await connectBus(sandbox.address) };
}

/** Closes what startSandboxWithClient opened; tolerates a half-started setup. */
export async function stopSandboxWithClient(env: {
  sandbox?: RunningSandbox;
  bus?: MessageBus;
}): Promise<void> {
  if (env.bus) closeBus(env.bus);
  await env.sandbox?.stop();
}
