/**
 * The basic invariants of what the parsers return, as schemas: exact keys,
 * the right types, enums within their sets, numbers that are safe integers.
 * Each schema is typed against its domain type, so a changed domain type
 * fails the typecheck here first. `plainData` adds what the architecture
 * promises of every domain object: no Variant, BigInt, Buffer, function or
 * class instance leaves daemon-bridge.
 */
import { z } from 'zod';
import type { BootConfig } from '../../daemon-bridge/rpm-ostree/parse-boot-config.ts';
import type { SysrootProperties } from '../../daemon-bridge/rpm-ostree/parse-sysroot.ts';
import type { TransactionEvent } from '../../daemon-bridge/rpm-ostree/transaction/events.ts';
import type { Deployment, PackageRef } from '../../daemon-bridge/contract/domain.ts';
import type { PackageInfo, PackageSearchHit } from '../../daemon-bridge/contract/packages.ts';
import type { CachedUpdate, PackageChange } from '../../daemon-bridge/contract/updates.ts';
import { CHANGES_ID_PATTERN, changesFingerprint } from '../../daemon-bridge/contract/updates.ts';

const int = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const count = int.min(0);
const u32 = count.max(0xffff_ffff);
const strings = z.array(z.string());

const packageRef: z.ZodType<PackageRef> = z.strictObject({
  nevra: z.string(),
  name: z.string(),
  epoch: int,
  version: z.string(),
  release: z.string(),
  arch: z.string(),
});

export const deploymentSchema: z.ZodType<Deployment> = z.strictObject({
  id: z.string(),
  osname: z.string(),
  serial: int.min(-(2 ** 31)).max(2 ** 31 - 1),
  checksum: z.string(),
  baseChecksum: z.string(),
  version: z.string().nullable(),
  baseVersion: z.string().nullable(),
  timestamp: int.nullable(),
  origin: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('ref'), refspec: z.string() }),
    z.strictObject({ kind: z.literal('checksum'), checksum: z.string().regex(/^[0-9a-f]{64}$/) }),
    z.strictObject({
      kind: z.literal('container'),
      reference: z.string(),
      digest: z.string().nullable(),
    }),
    z.strictObject({ kind: z.literal('unknown') }),
  ]),
  booted: z.boolean(),
  staged: z.boolean(),
  pinned: z.boolean(),
  finalizationLocked: z.boolean(),
  unlocked: z.enum(['none', 'hotfix', 'development', 'transient', 'unknown']),
  layeredPackages: strings,
  requestedPackages: strings,
  requestedLocalPackages: strings,
  requestedBaseRemovals: strings,
  requestedBaseLocalReplacements: strings,
  baseRemovals: z.array(packageRef),
  baseLocalReplacements: z.array(z.strictObject({ replacement: packageRef, original: packageRef })),
  gpgEnabled: z.boolean().nullable(),
  signatureCount: count,
  endOfLife: z.string().nullable(),
});

export const sysrootSchema: z.ZodType<SysrootProperties> = z.strictObject({
  path: z.string(),
  bootedOsPath: z.string(),
  deployments: z.array(deploymentSchema),
  automaticUpdatePolicy: z.enum(['none', 'check', 'stage', 'apply', 'unknown']),
  activeTransaction: z
    .strictObject({
      method: z.string(),
      initiator: z.string(),
      osPath: z.string(),
      address: z.string(),
    })
    .nullable(),
});

const version = z.strictObject({ evr: z.string(), arch: z.string() });
export const packageChangeSchema: z.ZodType<PackageChange> = z.strictObject({
  name: z.string(),
  kind: z.enum(['added', 'removed', 'upgraded', 'downgraded']),
  previous: version.nullable(),
  next: version.nullable(),
  layered: z.boolean(),
});

/** A parsed CachedUpdate: its count and id must describe its rows. */
export const cachedUpdateSchema: z.ZodType<CachedUpdate | null> = z
  .strictObject({
    osname: z.string(),
    checksum: z.string(),
    version: z.string().nullable(),
    timestamp: int.nullable(),
    origin: z.string(),
    newBaseCommit: z.boolean(),
    changeCount: int,
    changesId: z.string().regex(CHANGES_ID_PATTERN),
    changes: z.array(packageChangeSchema),
    advisories: z.array(
      z.strictObject({
        id: z.string(),
        kind: z.enum(['unknown', 'security', 'bugfix', 'enhancement', 'newpackage']),
        severity: z.enum(['none', 'low', 'moderate', 'important', 'critical']),
        packages: strings,
        cves: z.array(z.strictObject({ url: z.string(), title: z.string() })),
      }),
    ),
    stagedDeploymentId: z.string().nullable(),
  })
  .refine((u) => u.changeCount === u.changes.length, 'changeCount is not the number of rows')
  .refine((u) => u.changesId === changesFingerprint(u.changes), 'changesId does not name the rows')
  .nullable();

export const bootConfigSchema: z.ZodType<BootConfig> = z.strictObject({
  staged: z.boolean(),
  options: z.string(),
  title: z.string().nullable(),
  version: z.string().nullable(),
});

const packageInfoShape = {
  name: z.string(),
  epoch: int,
  version: z.string(),
  arch: z.string(),
  nevra: z.string(),
  evr: z.string(),
  summary: z.string().nullable(),
  repo: z.string().nullable(),
};
export const packageInfoSchema: z.ZodType<PackageInfo> = z.strictObject(packageInfoShape);
export const searchHitSchema: z.ZodType<PackageSearchHit> = z.strictObject({
  ...packageInfoShape,
  match: z.enum(['name-and-summary', 'name', 'summary']),
});

const text = z.string();
export const transactionEventSchema: z.ZodType<TransactionEvent> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('message'), text }),
  z.strictObject({ kind: z.literal('task-begin'), text }),
  z.strictObject({ kind: z.literal('task-end'), text }),
  z.strictObject({ kind: z.literal('percent-progress'), text, percentage: u32 }),
  z.strictObject({
    kind: z.literal('download-progress'),
    startTimeMicros: count,
    elapsedSeconds: count,
    outstandingFetches: u32,
    outstandingWrites: u32,
    scannedMetadata: u32,
    metadataFetched: u32,
    outstandingMetadataFetches: u32,
    totalDeltaParts: u32,
    fetchedDeltaParts: u32,
    totalDeltaSuperblocks: u32,
    totalDeltaPartSize: count,
    contentFetched: u32,
    contentRequested: u32,
    bytesTransferred: count,
    bytesPerSecond: count,
  }),
  z.strictObject({
    kind: z.literal('signature-progress'),
    commit: z.string(),
    signatures: z.array(
      z.strictObject({
        valid: z.boolean(),
        signatureExpired: z.boolean(),
        keyExpired: z.boolean(),
        keyRevoked: z.boolean(),
        keyMissing: z.boolean(),
        fingerprint: z.string(),
        timestamp: int,
        expiresAt: int,
        userName: z.string(),
        userEmail: z.string(),
      }),
    ),
  }),
  z.strictObject({ kind: z.literal('progress-end') }),
  z.strictObject({ kind: z.literal('finished'), success: z.boolean(), message: z.string() }),
]);

/**
 * Throws unless `value` is plain data: strings, finite numbers, booleans,
 * null, arrays and objects whose prototype is Object.prototype. Iterative,
 * so a deeply nested leak is reported, not a stack overflow.
 */
export function assertPlainData(value: unknown, where = 'result'): void {
  const stack: [unknown, string][] = [[value, where]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`${at} is ${v}`);
      continue;
    }
    if (typeof v !== 'object') throw new Error(`${at} is a ${typeof v}`);
    if (seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) {
      v.forEach((item: unknown, i) => stack.push([item, `${at}[${i}]`]));
      continue;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype)
      throw new Error(`${at} is not a plain object (${v.constructor?.name ?? 'no prototype'})`);
    for (const [k, item] of Object.entries(v)) stack.push([item, `${at}.${k}`]);
  }
}
