import type { ActiveTransaction, Deployment, Origin, SystemState } from '../contract/domain.ts';
import { deploymentRoles } from '../rpm-ostree/parse-sysroot.ts';
import { ParseError } from '../rpm-ostree/vardict.ts';
import { addressOf, STATUS_VERSION } from './protocol.ts';

/** apt-layer's transaction kinds and the method that starts each. */
export const OPERATIONS = {
  install: 'Install',
  uninstall: 'Uninstall',
  upgrade: 'Upgrade',
  rollback: 'Rollback',
} as const;

export type Operation = keyof typeof OPERATIONS;

/** The transaction Status() reports as running. */
export interface AptLayerTransaction {
  readonly id: string;
  readonly operation: Operation;
  readonly packages: readonly string[];
  /** The caller's unique name, "" when the daemon does not say. */
  readonly initiator: string;
}

/** Status()'s reply, parsed (protocol.ts, assumption 1). */
export interface AptLayerStatus {
  readonly sysrootPath: string;
  readonly bootedId: string | null;
  readonly deployments: readonly Deployment[];
  readonly transaction: AptLayerTransaction | null;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Typed reads of one JSON object; `where` names it in errors (`Status.deployments[1]`). */
class Fields {
  constructor(
    private readonly obj: Json,
    readonly where: string,
  ) {}

  static from(v: unknown, where: string): Fields {
    if (!isObject(v)) throw new ParseError(where, 'expected a JSON object');
    return new Fields(v, where);
  }

  path(key: string): string {
    return `${this.where}.${key}`;
  }

  raw(key: string): unknown {
    if (!(key in this.obj)) throw new ParseError(this.path(key), 'required key is missing');
    return this.obj[key];
  }

  has(key: string): boolean {
    return key in this.obj;
  }

  string(key: string): string {
    const v = this.raw(key);
    if (typeof v !== 'string') throw new ParseError(this.path(key), 'expected a string');
    return v;
  }

  nonEmptyString(key: string): string {
    const v = this.string(key);
    if (v === '') throw new ParseError(this.path(key), 'expected a non-empty string');
    return v;
  }

  stringOrNull(key: string): string | null {
    const v = this.raw(key);
    if (v !== null && typeof v !== 'string')
      throw new ParseError(this.path(key), 'expected a string or null');
    return v;
  }

  bool(key: string): boolean {
    const v = this.raw(key);
    if (typeof v !== 'boolean') throw new ParseError(this.path(key), 'expected true or false');
    return v;
  }

  count(key: string): number {
    const v = this.raw(key);
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
      throw new ParseError(this.path(key), 'expected a non-negative integer');
    return v;
  }

  countOrNull(key: string): number | null {
    return this.raw(key) === null ? null : this.count(key);
  }

  strings(key: string): readonly string[] {
    const v = this.raw(key);
    if (!Array.isArray(v)) throw new ParseError(this.path(key), 'expected an array of strings');
    v.forEach((item, i) => {
      if (typeof item !== 'string')
        throw new ParseError(`${this.path(key)}[${i}]`, 'expected a string');
    });
    return v as string[];
  }

  array(key: string): readonly unknown[] {
    const v = this.raw(key);
    if (!Array.isArray(v)) throw new ParseError(this.path(key), 'expected an array');
    return v;
  }
}

function parseOrigin(refspec: string | null): Origin {
  return refspec === null ? { kind: 'unknown' } : { kind: 'ref', refspec };
}

/** One entry of `deployments`. What apt-layer does not report gets the "none known" value. */
export function parseStatusDeployment(raw: unknown, where: string): Deployment {
  const f = Fields.from(raw, where);
  const checksum = f.nonEmptyString('checksum');
  const version = f.stringOrNull('version');
  const packages = f.strings('packages');
  return {
    id: f.nonEmptyString('id'),
    osname: f.nonEmptyString('osname'),
    serial: f.count('serial'),
    checksum,
    baseChecksum: f.nonEmptyString('base_checksum'),
    version,
    baseVersion: version,
    timestamp: f.countOrNull('timestamp'),
    origin: parseOrigin(f.stringOrNull('origin')),
    booted: f.bool('booted'),
    staged: f.bool('staged'),
    pinned: f.bool('pinned'),
    finalizationLocked: false,
    unlocked: 'unknown',
    layeredPackages: packages,
    requestedPackages: packages,
    requestedLocalPackages: [],
    requestedBaseRemovals: [],
    requestedBaseLocalReplacements: [],
    baseRemovals: [],
    baseLocalReplacements: [],
    gpgEnabled: null,
    signatureCount: 0,
    endOfLife: null,
  };
}

function parseTransaction(raw: unknown, where: string): AptLayerTransaction | null {
  if (raw === null) return null;
  const f = Fields.from(raw, where);
  const operation = f.string('operation');
  if (!Object.hasOwn(OPERATIONS, operation))
    throw new ParseError(
      f.path('operation'),
      `expected one of ${Object.keys(OPERATIONS).join(', ')}, got ${JSON.stringify(operation)}`,
    );
  return {
    id: f.nonEmptyString('id'),
    operation: operation as Operation,
    packages: f.has('packages') ? f.strings('packages') : [],
    initiator: f.has('initiator') ? f.string('initiator') : '',
  };
}

/**
 * Status()'s string → AptLayerStatus. Strict about the format the app
 * relies on (protocol.ts): anything else is a ParseError naming the key,
 * never a crash. Unknown keys are ignored.
 */
export function parseStatus(reply: unknown): AptLayerStatus {
  if (typeof reply !== 'string') throw new ParseError('Status', 'expected a string');
  let json: unknown;
  try {
    json = JSON.parse(reply);
  } catch (err) {
    throw new ParseError(
      'Status',
      `not JSON (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  const f = Fields.from(json, 'Status');
  const version = f.raw('version');
  if (version !== STATUS_VERSION)
    throw new ParseError(
      f.path('version'),
      `unsupported format ${JSON.stringify(version)}, expected ${STATUS_VERSION}`,
    );
  const deployments = f
    .array('deployments')
    .map((d, i) => parseStatusDeployment(d, `${f.path('deployments')}[${i}]`));
  const bootedId = f.stringOrNull('booted');
  const flagged = deployments.filter((d) => d.booted).map((d) => d.id);
  if (flagged.length > 1 || (flagged[0] ?? null) !== bootedId)
    throw new ParseError(
      f.path('booted'),
      `names ${JSON.stringify(bootedId)} but the deployments flag ${JSON.stringify(flagged)} as booted`,
    );
  return {
    sysrootPath: f.string('sysroot'),
    bootedId,
    deployments,
    transaction: parseTransaction(f.raw('transaction'), f.path('transaction')),
  };
}

/** The running transaction as the manager tracks any daemon's (`Sysroot.ActiveTransaction`). */
export function activeTransactionOf(t: AptLayerTransaction): ActiveTransaction {
  return {
    method: OPERATIONS[t.operation],
    initiator: t.initiator,
    osPath: '',
    address: addressOf(t.id),
  };
}

/**
 * The renderer's SystemState from a Status reply. apt-layer has no update
 * cache, no automatic-update policy and no boot configuration call: those
 * are "none known", never invented.
 */
export function toSystemState(status: AptLayerStatus, readAt: number): SystemState {
  const booted = status.deployments.find((d) => d.booted);
  return {
    sysrootPath: status.sysrootPath,
    bootedOsname: booted?.osname ?? null,
    deployments: status.deployments,
    ...deploymentRoles(status.deployments),
    automaticUpdatePolicy: 'unknown',
    activeTransaction: status.transaction ? activeTransactionOf(status.transaction) : null,
    cachedUpdate: null,
    bootOptions: [],
    readAt,
  };
}
