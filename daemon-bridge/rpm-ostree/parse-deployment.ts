import type {
  Deployment,
  Origin,
  PackageRef,
  PackageReplacement,
  UnlockState,
} from '../contract/domain.ts';
import { ParseError, toSafeNumber, tuple, unwrapVariant, VarDict } from './vardict.ts';

const UNLOCK_STATES: readonly UnlockState[] = ['none', 'hotfix', 'development', 'transient'];

/** `(sstsss)` = (nevra, name, epoch, version, release, arch). */
export function parsePackageTuple(v: unknown, where: string): PackageRef {
  const [nevra, name, epoch, version, release, arch] = tuple(v, 6, where);
  const str = (x: unknown, i: number) => {
    if (typeof x !== 'string') throw new ParseError(`${where}[${i}]`, 'expected a string');
    return x;
  };
  return {
    nevra: str(nevra, 0),
    name: str(name, 1),
    epoch: toSafeNumber(epoch, `${where}[2]`),
    version: str(version, 3),
    release: str(release, 4),
    arch: str(arch, 5),
  };
}

function parseOrigin(d: VarDict): Origin {
  const container = d.optString('container-image-reference');
  if (container !== undefined)
    return {
      kind: 'container',
      reference: container,
      digest: d.optString('container-image-reference-digest') ?? null,
    };
  const origin = d.optString('origin');
  if (origin === undefined) return { kind: 'unknown' };
  if (/^[0-9a-f]{64}$/.test(origin)) return { kind: 'checksum', checksum: origin };
  return { kind: 'ref', refspec: origin };
}

function parseBaseRemovals(d: VarDict): readonly PackageRef[] {
  const raw = d.raw('base-removals', 'av');
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new ParseError(d.path('base-removals'), 'expected an array');
  return raw.map((v, i) => {
    const where = `${d.path('base-removals')}[${i}]`;
    return parsePackageTuple(unwrapVariant(v, '(sstsss)', where), where);
  });
}

function parseLocalReplacements(d: VarDict): readonly PackageReplacement[] {
  const raw = d.raw('base-local-replacements', 'a(vv)');
  if (raw === undefined) return [];
  if (!Array.isArray(raw))
    throw new ParseError(d.path('base-local-replacements'), 'expected an array');
  return raw.map((pair, i) => {
    const where = `${d.path('base-local-replacements')}[${i}]`;
    const [replacement, original] = tuple(pair, 2, where);
    return {
      replacement: parsePackageTuple(
        unwrapVariant(replacement, '(sstsss)', `${where}[0]`),
        `${where}[0]`,
      ),
      original: parsePackageTuple(
        unwrapVariant(original, '(sstsss)', `${where}[1]`),
        `${where}[1]`,
      ),
    };
  });
}

function signatureCount(d: VarDict): number {
  const raw = d.raw('signatures', 'av');
  if (raw === undefined) return 0;
  if (!Array.isArray(raw)) throw new ParseError(d.path('signatures'), 'expected an array');
  return raw.length;
}

/**
 * One deployment dictionary (reference §8.1) → Deployment. Only id, osname,
 * checksum, serial and booted are required: every other key has come and gone
 * across daemon versions. Unknown keys are ignored.
 */
export function parseDeployment(raw: unknown, where = 'deployment'): Deployment {
  const d = VarDict.from(raw, where);
  const checksum = d.string('checksum');
  const version = d.optString('version') ?? null;
  const unlocked = d.optString('unlocked');
  return {
    id: d.string('id'),
    osname: d.string('osname'),
    serial: d.int32('serial'),
    checksum,
    baseChecksum: d.optString('base-checksum') ?? checksum,
    version,
    baseVersion: d.optString('base-version') ?? version,
    timestamp: d.optUint64('timestamp') ?? null,
    origin: parseOrigin(d),
    booted: d.bool('booted'),
    staged: d.optBool('staged') ?? false,
    pinned: d.optBool('pinned') ?? false,
    finalizationLocked: d.optBool('finalization-locked') ?? false,
    unlocked: (UNLOCK_STATES as readonly string[]).includes(unlocked ?? 'none')
      ? ((unlocked ?? 'none') as UnlockState)
      : 'unknown',
    layeredPackages: d.optStringArray('packages') ?? [],
    requestedPackages: d.optStringArray('requested-packages') ?? [],
    requestedLocalPackages: d.optStringArray('requested-local-packages') ?? [],
    requestedBaseRemovals: d.optStringArray('requested-base-removals') ?? [],
    requestedBaseLocalReplacements: d.optStringArray('requested-base-local-replacements') ?? [],
    baseRemovals: parseBaseRemovals(d),
    baseLocalReplacements: parseLocalReplacements(d),
    gpgEnabled: d.optBool('gpg-enabled') ?? null,
    signatureCount: signatureCount(d),
    endOfLife: d.optString('endoflife') ?? null,
  };
}

/** `{}` (a blank deployment) → null, anything else parsed. */
export function parseOptionalDeployment(raw: unknown, where: string): Deployment | null {
  const d = VarDict.from(raw, where);
  return d.size === 0 ? null : parseDeployment(raw, where);
}
