/**
 * The D-Bus side of the sandbox's NetworkManager and UPower stand-ins: the
 * objects, interfaces and properties the app reads, with the real names,
 * paths and types, read-only like the real ones, and PropertiesChanged
 * (with values, only for values that changed) as GDBus services send it.
 * The control interface (POWER_CONTROL) is the sandbox's own and owns a
 * name of its own, so nothing is added to the real services' API.
 */
import * as dbus from 'dbus-next';
import type { MessageBus } from 'dbus-next';
import { changeFromVardict, NM_METERED, POWER_CONTROL } from './power-values.ts';
import type { PowerChange, PowerValues } from './power-values.ts';

export const NM_NAME = 'org.freedesktop.NetworkManager';
export const UPOWER_NAME = 'org.freedesktop.UPower';
const NM_PATH = '/org/freedesktop/NetworkManager';
const UPOWER_PATH = '/org/freedesktop/UPower';
const DISPLAY_DEVICE_PATH = '/org/freedesktop/UPower/devices/DisplayDevice';

const DO_NOT_QUEUE = 4;
const PRIMARY_OWNER = 1;
const INVALID_ARGS = 'org.freedesktop.DBus.Error.InvalidArgs';
const READ = dbus.interface.ACCESS_READ;

type Read = () => PowerValues;

/** `org.freedesktop.NetworkManager`: the one property the app reads. */
class NetworkManagerInterface extends dbus.interface.Interface {
  constructor(private readonly read: Read) {
    super('org.freedesktop.NetworkManager');
  }
  get Metered(): number {
    return NM_METERED[this.read().metered];
  }
}
NetworkManagerInterface.configureMembers({
  properties: { Metered: { signature: 'u', access: READ } },
});

/** `org.freedesktop.UPower` on /org/freedesktop/UPower. */
class UPowerInterface extends dbus.interface.Interface {
  constructor(private readonly read: Read) {
    super('org.freedesktop.UPower');
  }
  get OnBattery(): boolean {
    return this.read().onBattery;
  }
}
UPowerInterface.configureMembers({
  properties: { OnBattery: { signature: 'b', access: READ } },
});

/** `org.freedesktop.UPower.Device` on the display device: like UPower, 0 % and absent without a battery. */
class DisplayDeviceInterface extends dbus.interface.Interface {
  constructor(private readonly read: Read) {
    super('org.freedesktop.UPower.Device');
  }
  get Percentage(): number {
    return this.read().battery ?? 0;
  }
  get IsPresent(): boolean {
    return this.read().battery !== null;
  }
}
DisplayDeviceInterface.configureMembers({
  properties: {
    Percentage: { signature: 'd', access: READ },
    IsPresent: { signature: 'b', access: READ },
  },
});

/** The sandbox-only control: `Set(a{sv})`, see power-values.ts SET_KEYS. */
class PowerControlInterface extends dbus.interface.Interface {
  constructor(private readonly service: PowerService) {
    super(POWER_CONTROL.interface);
  }
  async Set(dict: unknown): Promise<void> {
    const change = changeFromVardict(dict);
    if (typeof change === 'string') throw new dbus.DBusError(INVALID_ARGS, change);
    await this.service.set(change);
  }
}
PowerControlInterface.configureMembers({
  methods: { Set: { inSignature: 'a{sv}', outSignature: '' } },
});

/** Owns the names and applies changes on one bus connection. */
export class PowerService {
  private values: PowerValues;
  private readonly nm: NetworkManagerInterface;
  private readonly upower: UPowerInterface;
  private readonly device: DisplayDeviceInterface;
  /** Changes apply one at a time: name requests in between are awaited. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly bus: MessageBus,
    initial: PowerValues,
    private readonly log: (line: string) => void,
  ) {
    this.values = initial;
    const read = () => this.values;
    this.nm = new NetworkManagerInterface(read);
    this.upower = new UPowerInterface(read);
    this.device = new DisplayDeviceInterface(read);
  }

  get current(): PowerValues {
    return this.values;
  }

  /** Exports the objects, then owns the control name and the services' names the values ask for. */
  async start(): Promise<void> {
    this.bus.export(NM_PATH, this.nm);
    this.bus.export(UPOWER_PATH, this.upower);
    this.bus.export(DISPLAY_DEVICE_PATH, this.device);
    this.bus.export(POWER_CONTROL.path, new PowerControlInterface(this));
    await this.own(POWER_CONTROL.name);
    if (this.values.networkManager) await this.own(NM_NAME);
    if (this.values.upower) await this.own(UPOWER_NAME);
  }

  set(change: PowerChange): Promise<void> {
    const next = this.queue.then(() => this.apply(change));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Releases every name (SIGTERM): clients see the services vanish. */
  async releaseAll(): Promise<void> {
    for (const name of [NM_NAME, UPOWER_NAME, POWER_CONTROL.name])
      await this.bus.releaseName(name).catch(() => undefined);
  }

  private async apply(change: PowerChange): Promise<void> {
    const before = this.values;
    const after: PowerValues = { ...before, ...change };
    // A service that stops goes before its values change; one that starts
    // comes after, so its first readers see the new values.
    if (before.networkManager && !after.networkManager) await this.release(NM_NAME);
    if (before.upower && !after.upower) await this.release(UPOWER_NAME);
    this.values = after;
    if (before.metered !== after.metered)
      dbus.interface.Interface.emitPropertiesChanged(
        this.nm,
        { Metered: NM_METERED[after.metered] },
        [],
      );
    if (before.onBattery !== after.onBattery)
      dbus.interface.Interface.emitPropertiesChanged(
        this.upower,
        { OnBattery: after.onBattery },
        [],
      );
    const deviceChanged: Record<string, unknown> = {};
    if ((before.battery ?? 0) !== (after.battery ?? 0))
      deviceChanged.Percentage = after.battery ?? 0;
    if ((before.battery !== null) !== (after.battery !== null))
      deviceChanged.IsPresent = after.battery !== null;
    if (Object.keys(deviceChanged).length > 0)
      dbus.interface.Interface.emitPropertiesChanged(this.device, deviceChanged, []);
    if (!before.networkManager && after.networkManager) await this.own(NM_NAME);
    if (!before.upower && after.upower) await this.own(UPOWER_NAME);
    this.log(`now ${describeValues(after)}`);
  }

  private async own(name: string): Promise<void> {
    const reply = await this.bus.requestName(name, DO_NOT_QUEUE);
    if (reply !== PRIMARY_OWNER) throw new Error(`${name} is owned by another connection`);
  }

  private async release(name: string): Promise<void> {
    await this.bus.releaseName(name);
  }
}

/** One line for logs: `metered=no on-battery=false battery=80 networkmanager=on upower=on`. */
export function describeValues(v: PowerValues): string {
  return [
    `metered=${v.metered}`,
    `on-battery=${v.onBattery}`,
    `battery=${v.battery ?? 'none'}`,
    `networkmanager=${v.networkManager ? 'on' : 'off'}`,
    `upower=${v.upower ? 'on' : 'off'}`,
  ].join(' ');
}
