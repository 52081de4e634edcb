/**
 * The daemon's state as `rpm-ostree status --json` prints it: the CLI reads
 * Sysroot.Deployments, Sysroot.ActiveTransaction and (when
 * HasCachedUpdateRpmDiff) the booted OS's CachedUpdate, and serialises the
 * GVariants with json-glib (src/app/rpmostree-builtin-status.cxx). This reads
 * the same properties, raw, at export time, and turns them into JSON the way
 * json_gvariant_serialize does: a{sv} → object, arrays and tuples → arrays,
 * variants unwrapped, integers as numbers.
 *
 * `update-driver` is null: the CLI reads it from a state file of the daemon
 * (/run/rpm-ostree/update-driver.gvariant), not from D-Bus.
 */
import { Variant } from 'dbus-next';
import type { MessageBus } from 'dbus-next';
import { callMethod } from '../dbus/call.ts';
import type { DaemonProfile } from '../rpm-ostree/profile.ts';
import { interfaces, member } from '../rpm-ostree/profile.ts';

export type Json =
  null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

/** json_gvariant_serialize, over what dbus-next delivers (Variant, BigInt, Buffer, arrays, objects). */
export function variantToJson(value: unknown): Json {
  if (value instanceof Variant) return variantToJson(value.value);
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Buffer.isBuffer(value)) return [...value];
  if (Array.isArray(value)) return value.map(variantToJson);
  if (typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, variantToJson(v)]),
    );
  return null;
}

export interface StatusJson {
  readonly deployments: Json;
  readonly transaction: Json;
  readonly 'cached-update': Json;
  readonly 'update-driver': Json;
}

async function getAll(bus: MessageBus, profile: DaemonProfile, path: string, iface: string) {
  const [all] = await callMethod(bus, {
    destination: profile.busName,
    path,
    interface: 'org.freedesktop.DBus.Properties',
    member: 'GetAll',
    signature: 's',
    body: [iface],
    timeoutMs: 30_000,
  });
  if (typeof all !== 'object' || all === null) throw new Error(`GetAll(${iface}): no dictionary`);
  return all as Record<string, unknown>;
}

/** Reads the daemon now and builds the `rpm-ostree status --json` document. */
export async function readStatusJson(bus: MessageBus, profile: DaemonProfile): Promise<StatusJson> {
  const sysroot = await getAll(bus, profile, profile.sysrootPath, interfaces(profile).sysroot);
  const txn = variantToJson(sysroot.ActiveTransaction);
  // The CLI prints null unless the method name (first of the three) is set.
  const transaction =
    Array.isArray(txn) && typeof txn[0] === 'string' && txn[0] !== '' ? txn : null;
  const booted = variantToJson(sysroot.Booted);
  let cachedUpdate: Json = null;
  if (typeof booted === 'string' && booted !== '/') {
    const os = await getAll(bus, profile, booted, interfaces(profile).os);
    if (variantToJson(os[member(profile, 'HasCachedUpdateRpmDiff')]) === true)
      cachedUpdate = variantToJson(os.CachedUpdate);
  }
  return {
    deployments: variantToJson(sysroot.Deployments),
    transaction,
    'cached-update': cachedUpdate,
    'update-driver': null,
  };
}
