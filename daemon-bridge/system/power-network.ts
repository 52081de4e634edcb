/**
 * What the system says about the network and the power supply, for the
 * background-check policy: NetworkManager's `Metered` and UPower's
 * `OnBattery` and display device (`Percentage`, `IsPresent`), read over the
 * system bus and followed through PropertiesChanged and NameOwnerChanged.
 *
 * Neither service is ever started for us: each is called through the
 * unique name that owns its well-known name right now (GetNameOwner), and a
 * call to a unique name never activates anything. An absent service, a
 * failed call or a malformed answer gives null for that service's fields;
 * nothing here throws after `openPowerNetwork` resolved.
 */
import type { Message, MessageBus } from 'dbus-next';
import { getNameOwner, watchNameOwner } from '../dbus/bus-driver.ts';
import { callMethod } from '../dbus/call.ts';
import { onBusClosed } from '../dbus/connect-bus.ts';
import { subscribeSignal } from '../dbus/signals.ts';
import type { Logger } from '../logger.ts';
import { ParseError, unwrapVariant } from '../rpm-ostree/vardict.ts';

/** The readings; null: could not tell. */
export interface PowerNetwork {
  readonly metered: boolean | null;
  readonly onBattery: boolean | null;
  /** The display device's charge, 0–100; null without a battery. */
  readonly batteryPercent: number | null;
}

export const UNKNOWN_POWER_NETWORK: PowerNetwork = {
  metered: null,
  onBattery: null,
  batteryPercent: null,
};

/** A live source of readings. */
export interface PowerNetworkSource {
  current(): PowerNetwork;
  /** Called with the new readings whenever one of them changes; returns the unsubscribe function. */
  onChange(listener: (readings: PowerNetwork) => void): () => void;
  /** Stops following the services (the bus connection stays open: it is the caller's). */
  close(): void;
}

export const NETWORK_MANAGER = {
  name: 'org.freedesktop.NetworkManager',
  path: '/org/freedesktop/NetworkManager',
  interface: 'org.freedesktop.NetworkManager',
} as const;

export const UPOWER = {
  name: 'org.freedesktop.UPower',
  path: '/org/freedesktop/UPower',
  interface: 'org.freedesktop.UPower',
  /** The composite battery UPower ≥ 0.99 shows in panels. */
  displayDevicePath: '/org/freedesktop/UPower/devices/DisplayDevice',
  deviceInterface: 'org.freedesktop.UPower.Device',
} as const;

/** NetworkManager's NMMetered enum → metered; 0 (unknown) gives null. */
export function parseMetered(value: unknown): boolean | null {
  const v = unwrapVariant(value, 'u', 'NetworkManager.Metered');
  switch (v) {
    case 0:
      return null;
    case 1: // NM_METERED_YES
    case 3: // NM_METERED_GUESS_YES
      return true;
    case 2: // NM_METERED_NO
    case 4: // NM_METERED_GUESS_NO
      return false;
    default:
      throw new ParseError('NetworkManager.Metered', `not an NMMetered value: ${String(v)}`);
  }
}

/** UPower's `OnBattery`. */
export function parseOnBattery(value: unknown): boolean {
  const v = unwrapVariant(value, 'b', 'UPower.OnBattery');
  if (typeof v !== 'boolean') throw new ParseError('UPower.OnBattery', 'expected a boolean');
  return v;
}

/** The display device's `IsPresent`: false on a machine without a battery. */
export function parseIsPresent(value: unknown): boolean {
  const v = unwrapVariant(value, 'b', 'UPower.Device.IsPresent');
  if (typeof v !== 'boolean') throw new ParseError('UPower.Device.IsPresent', 'expected a boolean');
  return v;
}

/** The display device's `Percentage`, 0–100. */
export function parsePercentage(value: unknown): number {
  const v = unwrapVariant(value, 'd', 'UPower.Device.Percentage');
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100)
    throw new ParseError('UPower.Device.Percentage', `expected 0–100, got ${String(v)}`);
  return v;
}

type ServiceKey = 'nm' | 'upower';
type Field = 'metered' | 'onBattery' | 'isPresent' | 'percentage';

/** One property this module follows, and where it lives. */
interface Watched {
  readonly field: Field;
  readonly service: ServiceKey;
  readonly path: string;
  readonly interface: string;
  readonly property: string;
  readonly parse: (value: unknown) => boolean | number | null;
}

const WATCHED: readonly Watched[] = [
  {
    field: 'metered',
    service: 'nm',
    path: NETWORK_MANAGER.path,
    interface: NETWORK_MANAGER.interface,
    property: 'Metered',
    parse: parseMetered,
  },
  {
    field: 'onBattery',
    service: 'upower',
    path: UPOWER.path,
    interface: UPOWER.interface,
    property: 'OnBattery',
    parse: parseOnBattery,
  },
  {
    field: 'isPresent',
    service: 'upower',
    path: UPOWER.displayDevicePath,
    interface: UPOWER.deviceInterface,
    property: 'IsPresent',
    parse: parseIsPresent,
  },
  {
    field: 'percentage',
    service: 'upower',
    path: UPOWER.displayDevicePath,
    interface: UPOWER.deviceInterface,
    property: 'Percentage',
    parse: parsePercentage,
  },
];

const SERVICES: readonly ServiceKey[] = ['nm', 'upower'];

const BUS_NAMES: Readonly<Record<ServiceKey, string>> = {
  nm: NETWORK_MANAGER.name,
  upower: UPOWER.name,
};

/** The objects whose PropertiesChanged is followed (one subscription each). */
const SIGNAL_SOURCES: readonly {
  readonly service: ServiceKey;
  readonly path: string;
  readonly interface: string;
}[] = [
  { service: 'nm', path: NETWORK_MANAGER.path, interface: NETWORK_MANAGER.interface },
  { service: 'upower', path: UPOWER.path, interface: UPOWER.interface },
  { service: 'upower', path: UPOWER.displayDevicePath, interface: UPOWER.deviceInterface },
];

/** A short timeout: a stuck service must not hold up the app's start. */
const GET_TIMEOUT_MS = 5_000;

export interface PowerNetworkOptions {
  readonly log: Logger;
}

/**
 * Starts following NetworkManager and UPower on `bus` and resolves once the
 * first readings are in (absent services: null). Never rejects: a bus that
 * refuses the subscriptions gives a source whose readings stay null. The
 * readings drop to null when the bus connection closes; the caller then
 * opens a new source on its new connection.
 */
export async function openPowerNetwork(
  bus: MessageBus,
  options: PowerNetworkOptions,
): Promise<PowerNetworkSource> {
  const follower = new PowerNetworkFollower(bus, options.log);
  await follower.open();
  return follower;
}

class PowerNetworkFollower implements PowerNetworkSource {
  private readonly values = new Map<Field, boolean | number | null>();
  private readonly owners: Record<ServiceKey, string | null> = { nm: null, upower: null };
  /** Bumped when a service's owner changes, so answers from the previous owner are dropped. */
  private readonly generations: Record<ServiceKey, number> = { nm: 0, upower: 0 };
  private readonly listeners = new Set<(readings: PowerNetwork) => void>();
  private readonly unsubscribers: (() => Promise<void>)[] = [];
  private readonly warned = new Set<string>();
  private readings: PowerNetwork = UNKNOWN_POWER_NETWORK;
  private closed = false;
  private stopWatchingBus: () => void = () => undefined;

  constructor(
    private readonly bus: MessageBus,
    private readonly log: Logger,
  ) {}

  current(): PowerNetwork {
    return this.readings;
  }

  onChange(listener: (readings: PowerNetwork) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.stopWatchingBus();
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe().catch(() => undefined);
  }

  /** Subscribes, then reads. A bus that refuses the subscriptions leaves every reading null. */
  async open(): Promise<void> {
    this.stopWatchingBus = onBusClosed(this.bus, () => {
      for (const service of SERVICES) void this.ownerChanged(service, null);
    });
    try {
      for (const service of SERVICES)
        this.unsubscribers.push(
          await watchNameOwner(this.bus, BUS_NAMES[service], (owner) => {
            void this.ownerChanged(service, owner);
          }),
        );
      for (const object of SIGNAL_SOURCES)
        this.unsubscribers.push(
          await subscribeSignal(
            this.bus,
            {
              sender: BUS_NAMES[object.service],
              path: object.path,
              interface: 'org.freedesktop.DBus.Properties',
              member: 'PropertiesChanged',
              arg0: object.interface,
            },
            (body, message) => this.propertiesChanged(object.service, object.path, body, message),
          ),
        );
    } catch (err) {
      this.log.warn(`cannot follow NetworkManager and UPower: ${describe(err)}`);
      this.close();
      return;
    }
    await Promise.all(
      SERVICES.map(async (service) => {
        const generation = this.generations[service];
        const owner = await getNameOwner(this.bus, BUS_NAMES[service]).catch((err: unknown) => {
          this.warnOnce(
            `${service}:owner`,
            `cannot ask who owns ${BUS_NAMES[service]}: ${describe(err)}`,
          );
          return null;
        });
        // A NameOwnerChanged that arrived meanwhile is newer than this answer.
        if (generation !== this.generations[service]) return;
        if (!owner)
          this.log.info(`${BUS_NAMES[service]} is not on the system bus; its readings are unknown`);
        await this.ownerChanged(service, owner);
      }),
    );
  }

  private ownerChanged(service: ServiceKey, owner: string | null): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.owners[service] = owner;
    this.generations[service]++;
    // A new owner keeps the old readings until its own are in: no flicker to "unknown".
    if (owner) return this.readService(service);
    for (const w of WATCHED) if (w.service === service) this.values.set(w.field, null);
    this.publish();
    return Promise.resolve();
  }

  /** Reads every followed property of one service from its current owner. */
  private async readService(service: ServiceKey): Promise<void> {
    await Promise.all(WATCHED.filter((w) => w.service === service).map((w) => this.read(w)));
  }

  private async read(w: Watched): Promise<void> {
    const owner = this.owners[w.service];
    const generation = this.generations[w.service];
    if (!owner || this.closed) return;
    let value: boolean | number | null;
    try {
      // To the unique name: never activates the service (it is absent or it is not).
      const [variant] = await callMethod(this.bus, {
        destination: owner,
        path: w.path,
        interface: 'org.freedesktop.DBus.Properties',
        member: 'Get',
        signature: 'ss',
        body: [w.interface, w.property],
        timeoutMs: GET_TIMEOUT_MS,
      });
      value = w.parse(variant);
      this.warned.delete(w.field);
    } catch (err) {
      if (generation !== this.generations[w.service]) return;
      this.warnOnce(w.field, `cannot read ${w.interface}.${w.property}: ${describe(err)}`);
      value = null;
    }
    if (generation !== this.generations[w.service] || this.closed) return;
    this.values.set(w.field, value);
    this.publish();
  }

  private propertiesChanged(
    service: ServiceKey,
    path: string,
    body: readonly unknown[],
    message: Message,
  ): void {
    if (this.closed || !this.owners[service] || message.sender !== this.owners[service]) return;
    const [iface, changed, invalidated] = body;
    for (const w of WATCHED) {
      if (w.path !== path || w.interface !== iface) continue;
      if (isRecord(changed) && w.property in changed) {
        try {
          this.values.set(w.field, w.parse(changed[w.property]));
          this.warned.delete(w.field);
        } catch (err) {
          this.warnOnce(w.field, `malformed ${w.interface}.${w.property}: ${describe(err)}`);
          this.values.set(w.field, null);
        }
      } else if (Array.isArray(invalidated) && invalidated.includes(w.property)) {
        void this.read(w);
      }
    }
    this.publish();
  }

  private publish(): void {
    const metered = this.values.get('metered');
    const onBattery = this.values.get('onBattery');
    const percentage = this.values.get('percentage');
    const next: PowerNetwork = {
      metered: typeof metered === 'boolean' ? metered : null,
      onBattery: typeof onBattery === 'boolean' ? onBattery : null,
      // UPower's display device reports 0 % when there is no battery at all.
      batteryPercent:
        this.values.get('isPresent') === true && typeof percentage === 'number' ? percentage : null,
    };
    const prev = this.readings;
    if (
      prev.metered === next.metered &&
      prev.onBattery === next.onBattery &&
      prev.batteryPercent === next.batteryPercent
    )
      return;
    this.readings = next;
    for (const listener of [...this.listeners]) listener(next);
  }

  /** Logs a problem once, until the same reading succeeds again. */
  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.log.warn(message);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
