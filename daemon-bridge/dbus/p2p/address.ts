import { PeerError } from './errors.ts';

/** One alternative of a D-Bus address, as far as a peer connection cares. */
export type DbusAddressEntry =
  | { readonly kind: 'unix-path'; readonly path: string; readonly guid?: string }
  | { readonly kind: 'unix-abstract'; readonly name: string; readonly guid?: string }
  /** Any other transport (tcp, unixexec, unix:tmpdir…): kept so errors can name it. */
  | { readonly kind: 'unsupported'; readonly transport: string; readonly text: string };

const GUID = /^[0-9a-f]{32}$/i;
/** Bytes the specification lets appear unescaped in a value. */
const UNESCAPED = /^[-0-9A-Za-z_/.\\*]$/;

/**
 * Parses a D-Bus address (`unix:path=/run/x.sock,guid=…;unix:abstract=…`)
 * into its `;`-separated alternatives, in order, with values percent-decoded.
 * Throws a PeerError (`bad-address`) for syntax errors.
 */
export function parseDbusAddress(address: string): readonly DbusAddressEntry[] {
  const entries = address.split(';').filter((entry) => entry !== '');
  if (entries.length === 0) throw badAddress(address, 'it is empty');
  return entries.map((entry) => parseEntry(address, entry));
}

function parseEntry(address: string, entry: string): DbusAddressEntry {
  const colon = entry.indexOf(':');
  if (colon <= 0) throw badAddress(address, `'${entry}' has no transport name`);
  const transport = entry.slice(0, colon);
  const params = new Map<string, string>();
  for (const pair of entry.slice(colon + 1).split(',')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    if (eq <= 0) throw badAddress(address, `'${pair}' is not key=value`);
    const key = pair.slice(0, eq);
    if (params.has(key)) throw badAddress(address, `key '${key}' appears twice`);
    params.set(key, decodeValue(address, pair.slice(eq + 1)));
  }
  const guid = params.get('guid');
  if (guid !== undefined && !GUID.test(guid))
    throw badAddress(address, `guid '${guid}' is not 32 hex digits`);
  if (transport !== 'unix') return { kind: 'unsupported', transport, text: entry };

  const path = params.get('path');
  const abstract = params.get('abstract');
  if (path !== undefined && abstract !== undefined)
    throw badAddress(address, 'unix: takes path= or abstract=, not both');
  if (path !== undefined) {
    if (path === '') throw badAddress(address, 'unix:path= is empty');
    return guid === undefined ? { kind: 'unix-path', path } : { kind: 'unix-path', path, guid };
  }
  if (abstract !== undefined) {
    if (abstract === '') throw badAddress(address, 'unix:abstract= is empty');
    return guid === undefined
      ? { kind: 'unix-abstract', name: abstract }
      : { kind: 'unix-abstract', name: abstract, guid };
  }
  // unix:tmpdir=, unix:dir=, unix:runtime= are listen-only addresses.
  return { kind: 'unsupported', transport: 'unix', text: entry };
}

function decodeValue(address: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw badAddress(address, `'${raw}' has a broken %-escape`);
  }
}

/** Escapes one address value as the specification asks (`%XX` for other bytes). */
export function escapeDbusAddressValue(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += UNESCAPED.test(c) ? c : `%${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** The address a client uses for a socket file, without a guid (what rpm-ostree hands out). */
export function unixPathAddress(socketPath: string): string {
  return `unix:path=${escapeDbusAddressValue(socketPath)}`;
}

/**
 * The first alternative Node can connect to. Abstract sockets are refused
 * with an error naming the limitation: Node pads abstract names to the full
 * 108-byte sun_path while GLib uses the exact length, so a connect to a GLib
 * server (rpm-ostree ≤ 2023.1, `unix:abstract=/tmp/rpm-ostree/dbus-…`) would
 * only ever be refused.
 */
export function connectTarget(address: string): {
  readonly path: string;
  readonly guid?: string;
} {
  const entries = parseDbusAddress(address);
  const usable = entries.find((e) => e.kind === 'unix-path');
  if (usable) return usable;
  if (entries.some((e) => e.kind === 'unix-abstract'))
    throw new PeerError(
      'abstract-socket',
      `Cannot connect to ${address}: unix:abstract= sockets (used by rpm-ostree before 2023.2) ` +
        'are unreachable from Node, which pads abstract socket names to 108 bytes while GLib ' +
        'does not. Only unix:path= addresses are supported.',
    );
  throw badAddress(address, 'no unix:path= alternative to connect to');
}

function badAddress(address: string, why: string): PeerError {
  return new PeerError('bad-address', `Unusable D-Bus address '${address}': ${why}`);
}
