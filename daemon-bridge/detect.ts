import { daemonKinds } from './contract/capabilities.ts';
import type { DaemonKind } from './contract/capabilities.ts';
import type { MessageBus } from 'dbus-next';
import { getNameOwner, listActivatableNames } from './dbus/bus-driver.ts';
import { closeBus, connectBus } from './dbus/connect-bus.ts';
import { PROFILES } from './rpm-ostree/profile.ts';

/** apt-layer's bus name (its own simple API; reference seeds/apt-layer-daemon.txt). */
export const APT_LAYER_BUS_NAME = 'org.debian.aptostree1';

/** The well-known bus name of each daemon the app knows. */
export const daemonBusNames: { readonly [K in DaemonKind]: string } = {
  'rpm-ostree': PROFILES['rpm-ostree'].busName,
  'apt-ostree': PROFILES['apt-ostree'].busName,
  'apt-layer': APT_LAYER_BUS_NAME,
};

/** A daemon found on the bus. */
export interface FoundDaemon {
  readonly kind: DaemonKind;
  readonly presence: 'running' | 'activatable';
}

export type BusSurvey =
  | { readonly kind: 'bus'; readonly found: readonly FoundDaemon[] }
  | { readonly kind: 'no-bus'; readonly message: string };

/**
 * Which of the known daemons are on the bus at `address`, running or
 * startable by D-Bus activation, in the order of `daemonKinds`. Starts
 * nothing: it only asks the bus driver.
 */
export async function surveyDaemons(address: string, timeoutMs = 3000): Promise<BusSurvey> {
  return askBus(address, timeoutMs, async (bus) => {
    const activatable = new Set(await listActivatableNames(bus));
    const found: FoundDaemon[] = [];
    for (const kind of daemonKinds) {
      const name = daemonBusNames[kind];
      if (await getNameOwner(bus, name)) found.push({ kind, presence: 'running' });
      else if (activatable.has(name)) found.push({ kind, presence: 'activatable' });
    }
    return { kind: 'bus', found };
  });
}

/** Runs `ask` on a short-lived connection to `address`; no bus there is an answer, not an error. */
async function askBus<T>(
  address: string,
  timeoutMs: number,
  ask: (bus: MessageBus) => Promise<T>,
): Promise<T | { readonly kind: 'no-bus'; readonly message: string }> {
  let bus: MessageBus;
  try {
    bus = await connectBus(address, timeoutMs);
  } catch (err) {
    return { kind: 'no-bus', message: err instanceof Error ? err.message : String(err) };
  }
  try {
    return await ask(bus);
  } finally {
    closeBus(bus);
  }
}

/**
 * The daemon to use: the configured one (`--daemon`) when it is there, else
 * the first running one, else the first one the bus can start, in the
 * order of `daemonKinds` (the full API before the reduced one). Null when
 * none is there, or when the configured one is missing (the app then says
 * that one is absent rather than quietly using another).
 */
export function chooseDaemon(
  found: readonly FoundDaemon[],
  configured: DaemonKind | null,
): DaemonKind | null {
  if (configured) return found.some((f) => f.kind === configured) ? configured : null;
  return (
    found.find((f) => f.presence === 'running')?.kind ??
    found.find((f) => f.presence === 'activatable')?.kind ??
    null
  );
}
