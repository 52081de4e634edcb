/**
 * Turns `rpm-ostree status --json` samples back into the values the daemon
 * sends over D-Bus (reference §11): each deployment key gets the GVariant type
 * the daemon uses (§8.1), wrapped in dbus-next Variants, 64-bit ints as BigInt.
 */
import { Variant } from 'dbus-next';

const DEPLOYMENT_KEY_TYPES: Readonly<Record<string, string>> = {
  id: 's',
  osname: 's',
  serial: 'i',
  checksum: 's',
  version: 's',
  timestamp: 't',
  origin: 's',
  booted: 'b',
  staged: 'b',
  'finalization-locked': 'b',
  pinned: 'b',
  unlocked: 's',
  'live-inprogress': 's',
  'live-replaced': 's',
  'requested-packages': 'as',
  'requested-local-packages': 'as',
  'requested-local-fileoverride-packages': 'as',
  'requested-base-removals': 'as',
  'requested-base-local-replacements': 'as',
  'requested-base-remote-replacements': 'a(sas)',
  'regenerate-initramfs': 'b',
  'initramfs-args': 'as',
  'initramfs-etc': 'as',
  cliwrap: 'b',
  'base-checksum': 's',
  'base-version': 's',
  'base-timestamp': 't',
  endoflife: 's',
  'layered-commit-meta': 'a{sv}',
  'base-commit-meta': 'a{sv}',
  'container-image-reference': 's',
  'container-image-reference-digest': 's',
  'gpg-enabled': 'b',
  signatures: 'av',
  'remote-error': 's',
  'pending-base-checksum': 's',
  'pending-base-version': 's',
  'pending-base-timestamp': 't',
  'custom-origin': '(ss)',
  packages: 'as',
  'base-removals': 'av',
  'base-local-replacements': 'a(vv)',
  'base-remote-replacements': 'a{sv}',
  modules: 'as',
  'requested-modules': 'as',
  'requested-modules-enabled': 'as',
};

/** Compose metadata is arbitrary: guess a faithful type from the JSON value. */
function metaVariant(value: unknown): Variant {
  if (typeof value === 'string') return new Variant('s', value);
  if (typeof value === 'boolean') return new Variant('b', value);
  if (typeof value === 'number') return new Variant('x', BigInt(Math.trunc(value)));
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return new Variant('as', value);
    return new Variant('av', value.map(metaVariant));
  }
  if (value && typeof value === 'object') return new Variant('a{sv}', metaDict(value));
  throw new Error(`cannot type ${JSON.stringify(value)}`);
}

function metaDict(obj: object): Record<string, Variant> {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, metaVariant(v)]));
}

function pkgTuple(v: unknown): unknown[] {
  const [nevra, name, epoch, version, release, arch] = v as unknown[];
  return [nevra, name, BigInt(epoch as number), version, release, arch];
}

function typedValue(key: string, type: string, value: unknown): unknown {
  switch (type) {
    case 't':
      return BigInt(value as number);
    case 'a{sv}':
      return metaDict(value as object);
    case 'av':
      if (key === 'base-removals')
        return (value as unknown[]).map((p) => new Variant('(sstsss)', pkgTuple(p)));
      return (value as unknown[]).map(metaVariant);
    case 'a(vv)':
      return (value as unknown[][]).map(([a, b]) => [
        new Variant('(sstsss)', pkgTuple(a)),
        new Variant('(sstsss)', pkgTuple(b)),
      ]);
    default:
      return value;
  }
}

/** One deployment object from status --json → the a{sv} dbus-next would deliver. */
export function deploymentToVardict(json: Record<string, unknown>): Record<string, Variant> {
  const out: Record<string, Variant> = {};
  for (const [key, value] of Object.entries(json)) {
    const type = DEPLOYMENT_KEY_TYPES[key];
    if (!type) throw new Error(`fixture has a deployment key the table does not know: ${key}`);
    out[key] = new Variant(type, typedValue(key, type, value));
  }
  return out;
}

/** status --json → what `Properties.GetAll(Sysroot)` returns on that machine. */
export function statusToSysrootGetAll(status: {
  deployments: Record<string, unknown>[];
  transaction: [string, string, string] | null;
}): Record<string, Variant> {
  const booted = status.deployments.find((d) => d.booted === true);
  const osPath = booted
    ? `/org/projectatomic/rpmostree1/${String(booted.osname).replace(/-/g, '_')}`
    : '/';
  return {
    Path: new Variant('s', '/'),
    Booted: new Variant('o', osPath),
    Deployments: new Variant('aa{sv}', status.deployments.map(deploymentToVardict)),
    AutomaticUpdatePolicy: new Variant('s', 'none'),
    ActiveTransaction: new Variant('(sss)', status.transaction ?? ['', '', '']),
    ActiveTransactionPath: new Variant('s', status.transaction ? 'unix:path=/run/x.sock' : ''),
  };
}
