import * as dbus from 'dbus-next';

/**
 * Structural equality of D-Bus values as dbus-next represents them (Variant,
 * BigInt, Buffer, arrays, plain objects): the sandbox's g_variant_equal, used
 * to emit PropertiesChanged only for real changes.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof dbus.Variant || b instanceof dbus.Variant) {
    return (
      a instanceof dbus.Variant &&
      b instanceof dbus.Variant &&
      a.signature === b.signature &&
      deepEqual(a.value, b.value)
    );
  }
  if (Buffer.isBuffer(a) || Buffer.isBuffer(b))
    return Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    const rb = b as Record<string, unknown>;
    const ra = a as Record<string, unknown>;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && deepEqual(ra[k], rb[k]));
  }
  return false;
}
