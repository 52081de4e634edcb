/**
 * What the sandbox's NetworkManager and UPower stand-ins report, how flags
 * and the sandbox-only `Set(a{sv})` call change it, and the wire form of
 * such a change. Pure: no bus, no process.
 */
import * as dbus from 'dbus-next';

/** NetworkManager's NMMetered values, by the names nmcli prints. */
export const NM_METERED = {
  unknown: 0,
  yes: 1,
  no: 2,
  'guess-yes': 3,
  'guess-no': 4,
} as const;

export type MeteredName = keyof typeof NM_METERED;

export const meteredNames = Object.keys(NM_METERED) as readonly MeteredName[];

function isMeteredName(v: string): v is MeteredName {
  return (meteredNames as readonly string[]).includes(v);
}

/** The simulated machine's network and power, and which services run. */
export interface PowerValues {
  readonly metered: MeteredName;
  readonly onBattery: boolean;
  /** The battery's charge (0–100), or null for a machine without one (IsPresent false, Percentage 0). */
  readonly battery: number | null;
  /** Whether org.freedesktop.NetworkManager is owned: false plays "NetworkManager not running". */
  readonly networkManager: boolean;
  /** Whether org.freedesktop.UPower is owned. */
  readonly upower: boolean;
}

/** A laptop on AC, charged to 80 %, on an unmetered network. */
export const DEFAULT_POWER_VALUES: PowerValues = {
  metered: 'no',
  onBattery: false,
  battery: 80,
  networkManager: true,
  upower: true,
};

export type PowerChange = Partial<PowerValues>;

/** The sandbox-only control API: a separate name, object and interface, never the real services'. */
export const POWER_CONTROL = {
  name: 'org.ostree_update_manager.Sandbox.Power',
  path: '/org/ostree_update_manager/Sandbox/Power',
  interface: 'org.ostree_update_manager.Sandbox.Power',
} as const;

/** Keys of `Set(a{sv})`. */
export const SET_KEYS = {
  metered: 'metered', // s: unknown | yes | no | guess-yes | guess-no
  onBattery: 'on-battery', // b
  battery: 'battery', // d (any number type): the charge; also makes the battery present
  batteryPresent: 'battery-present', // b: false = no battery
  networkManager: 'networkmanager', // b: own org.freedesktop.NetworkManager or not
  upower: 'upower', // b: own org.freedesktop.UPower or not
} as const;

const NUMBER_SIGNATURES = new Set(['d', 'y', 'n', 'q', 'i', 'u', 'x', 't']);

function checkPercent(v: number): string | null {
  return Number.isFinite(v) && v >= 0 && v <= 100 ? null : `battery must be 0–100, got ${v}`;
}

/** The change a `Set(a{sv})` asks for, or the error text for InvalidArgs. */
export function changeFromVardict(dict: unknown): PowerChange | string {
  if (typeof dict !== 'object' || dict === null) return 'expected a{sv}';
  const change: { -readonly [K in keyof PowerValues]?: PowerValues[K] } = {};
  for (const [key, raw] of Object.entries(dict)) {
    if (!(raw instanceof dbus.Variant)) return `${key}: expected a variant`;
    const { signature, value } = raw as dbus.Variant<unknown>;
    const wrong = (want: string) => `${key}: expected ${want}, got '${signature}'`;
    switch (key) {
      case SET_KEYS.metered:
        if (signature !== 's' || typeof value !== 'string') return wrong('s');
        if (!isMeteredName(value))
          return `metered: one of ${meteredNames.join(', ')}, got '${value}'`;
        change.metered = value;
        break;
      case SET_KEYS.onBattery:
      case SET_KEYS.networkManager:
      case SET_KEYS.upower:
        if (signature !== 'b' || typeof value !== 'boolean') return wrong('b');
        if (key === SET_KEYS.onBattery) change.onBattery = value;
        else if (key === SET_KEYS.networkManager) change.networkManager = value;
        else change.upower = value;
        break;
      case SET_KEYS.battery: {
        if (!NUMBER_SIGNATURES.has(signature)) return wrong('a number');
        const percent = Number(value);
        const bad = checkPercent(percent);
        if (bad) return bad;
        change.battery = percent;
        break;
      }
      case SET_KEYS.batteryPresent:
        if (signature !== 'b' || typeof value !== 'boolean') return wrong('b');
        // true only with a charge (which makes it present); false only without one.
        if (value !== SET_KEYS.battery in dict)
          return value
            ? 'battery-present true needs a battery charge'
            : 'battery-present false conflicts with a battery charge';
        if (!value) change.battery = null;
        break;
      default:
        return `unknown key '${key}' (known: ${Object.values(SET_KEYS).join(', ')})`;
    }
  }
  return change;
}

/** The `a{sv}` for a change, as `Set` takes it. */
export function changeToVardict(change: PowerChange): Record<string, dbus.Variant> {
  const dict: Record<string, dbus.Variant> = {};
  if (change.metered !== undefined) dict[SET_KEYS.metered] = new dbus.Variant('s', change.metered);
  if (change.onBattery !== undefined)
    dict[SET_KEYS.onBattery] = new dbus.Variant('b', change.onBattery);
  if (change.battery === null) dict[SET_KEYS.batteryPresent] = new dbus.Variant('b', false);
  else if (change.battery !== undefined)
    dict[SET_KEYS.battery] = new dbus.Variant('d', change.battery);
  if (change.networkManager !== undefined)
    dict[SET_KEYS.networkManager] = new dbus.Variant('b', change.networkManager);
  if (change.upower !== undefined) dict[SET_KEYS.upower] = new dbus.Variant('b', change.upower);
  return dict;
}

/** Help text for the flags `parsePowerFlags` reads. */
export const POWER_FLAGS_HELP = `  --metered unknown|yes|no|guess-yes|guess-no
                        NetworkManager's Metered (NMMetered 0–4)
  --on-battery true|false
                        UPower's OnBattery
  --battery 0-100|none  the display device's Percentage (IsPresent true), or
                        no battery (IsPresent false, Percentage 0)
  --networkmanager on|off
                        own org.freedesktop.NetworkManager or not (off: absent)
  --upower on|off       own org.freedesktop.UPower or not (off: absent)
`;

const ON_OFF: Readonly<Record<string, boolean>> = {
  on: true,
  off: false,
  true: true,
  false: false,
};

/**
 * Reads the value flags above from `argv`; other flags are returned in
 * `rest` as [flag, value] pairs for the caller (`--address`, `--dir`…).
 */
export function parsePowerFlags(
  argv: readonly string[],
  otherFlags: readonly string[],
): { readonly change: PowerChange; readonly rest: ReadonlyMap<string, string> } | string {
  const change: { -readonly [K in keyof PowerValues]?: PowerValues[K] } = {};
  const rest = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) return `${flag} needs a value`;
    switch (flag) {
      case '--metered':
        if (!isMeteredName(value)) return `--metered: one of ${meteredNames.join(', ')}`;
        change.metered = value;
        break;
      case '--on-battery':
      case '--networkmanager':
      case '--upower': {
        const on = ON_OFF[value];
        if (on === undefined) return `${flag}: on/off or true/false, got '${value}'`;
        if (flag === '--on-battery') change.onBattery = on;
        else if (flag === '--networkmanager') change.networkManager = on;
        else change.upower = on;
        break;
      }
      case '--battery': {
        if (value === 'none') {
          change.battery = null;
          break;
        }
        const bad = /^\d+(\.\d+)?$/.test(value) ? checkPercent(Number(value)) : 'not a number';
        if (bad) return `--battery: 0–100 or none (${bad})`;
        change.battery = Number(value);
        break;
      }
      default:
        if (!otherFlags.includes(flag)) return `Unknown option ${flag}`;
        rest.set(flag, value);
    }
  }
  return { change, rest };
}
