/**
 * What changes at the next boot, item by item: what the user asked for (the
 * origin merge deployment — the pending one if any, else the booted one),
 * what the pending deployment holds, and what runs now. Pure; the daemon's
 * own fields only, nothing guessed.
 */
import type { Deployment, SystemState } from '../../../daemon-bridge/contract/domain.ts';
import {
  MANAGED_KERNEL_ARG_KEYS,
  parseKernelArg,
  splitKernelArgs,
} from '../../../daemon-bridge/contract/kernel-args.ts';
import { memoizeLast } from '../memoize.ts';
import type { SnapshotSlice } from '../snapshot/snapshot-slice.ts';
import { bootOptionsOf } from '../kargs/boot-options.ts';

export type RebootItemKind = 'package' | 'local-package' | 'base-removal' | 'replacement' | 'karg';

/**
 * - in-effect: runs now and boots next.
 * - pending: not running; the pending deployment has it (applies at the next boot).
 * - not-applied: requested, but the deployment that boots next does not have it
 *   (an inactive request: e.g. a package the base image already provides).
 * - going-away: runs now; gone at the next boot.
 */
export type RebootItemState = 'in-effect' | 'pending' | 'not-applied' | 'going-away';

export interface RebootItem {
  readonly kind: RebootItemKind;
  /** Identity within its kind: the request, the NEVRA of a replacement, the argument. */
  readonly key: string;
  /** What commands take: a package name (or NEVRA), or the argument. */
  readonly name: string;
  /** More about it: the removed package's NEVRA, `original → replacement`. */
  readonly detail: string | null;
  /** In the origin merge deployment's requests. */
  readonly requested: boolean;
  /** In the pending deployment; null when nothing is pending. */
  readonly staged: boolean | null;
  /** In the booted deployment. */
  readonly running: boolean;
  readonly state: RebootItemState;
}

export interface RebootDiff {
  readonly booted: Deployment | null;
  readonly pending: Deployment | null;
  /** Every item of every kind, grouped by kind in the order of RebootItemKind. */
  readonly items: readonly RebootItem[];
  /** False when the kernel arguments of the booted or pending deployment are not known yet. */
  readonly kernelArgsKnown: boolean;
  /** The base commit changes at the next boot (an update or a rollback is pending too). */
  readonly baseChange: { readonly from: string; readonly to: string } | null;
  /** How many items change at the next boot (pending or going away). */
  readonly changeCount: number;
  /** How many requests are not applied. */
  readonly notAppliedCount: number;
}

export const rebootItemKinds: readonly RebootItemKind[] = [
  'package',
  'local-package',
  'base-removal',
  'replacement',
  'karg',
];

function stateOf(requested: boolean, next: boolean, running: boolean): RebootItemState {
  if (next) return running ? 'in-effect' : 'pending';
  if (requested) return 'not-applied';
  return 'going-away';
}

interface Side {
  /** Keys present, with the name and detail to show for each. */
  readonly present: ReadonlyMap<string, { name: string; detail: string | null }>;
}

const sideOf = (
  entries: readonly { key: string; name: string; detail: string | null }[],
): Side => ({ present: new Map(entries.map((e) => [e.key, { name: e.name, detail: e.detail }])) });

const plain = (keys: readonly string[]): Side =>
  sideOf(keys.map((key) => ({ key, name: key, detail: null })));

/** One kind of item, from its requested, pending and running sides. */
function itemsOf(
  kind: RebootItemKind,
  requested: Side,
  staged: Side | null,
  running: Side,
): RebootItem[] {
  const keys = [
    ...new Set([
      ...requested.present.keys(),
      ...(staged?.present.keys() ?? []),
      ...running.present.keys(),
    ]),
  ];
  return keys.map((key) => {
    const isRequested = requested.present.has(key);
    const isStaged = staged ? staged.present.has(key) : null;
    const isRunning = running.present.has(key);
    const shown =
      staged?.present.get(key) ?? running.present.get(key) ?? requested.present.get(key);
    return {
      kind,
      key,
      name: shown?.name ?? key,
      detail: shown?.detail ?? null,
      requested: isRequested,
      staged: isStaged,
      running: isRunning,
      state: stateOf(isRequested, isStaged ?? isRunning, isRunning),
    };
  });
}

const removalsOf = (d: Deployment): Side =>
  sideOf(d.baseRemovals.map((p) => ({ key: p.name, name: p.name, detail: p.nevra })));

const replacementsOf = (d: Deployment): Side =>
  sideOf(
    d.baseLocalReplacements.map((r) => ({
      key: r.replacement.nevra,
      name: r.replacement.name,
      detail: `${r.original.nevra} → ${r.replacement.nevra}`,
    })),
  );

/** The arguments a user can edit: libostree's and the boot loader's own are left out. */
export function userKernelArgs(options: string): string[] {
  return splitKernelArgs(options).filter(
    (arg) => !MANAGED_KERNEL_ARG_KEYS.includes(parseKernelArg(arg).key),
  );
}

export function deriveRebootDiff(system: SystemState | null): RebootDiff | null {
  if (!system) return null;
  const byId = (id: string | null): Deployment | null =>
    system.deployments.find((d) => d.id === id) ?? null;
  const booted = byId(system.bootedId);
  if (!booted) return null;
  const pending = byId(system.pendingId);
  const merge = pending ?? booted;
  const bootedOptions = bootOptionsOf(system, booted.id);
  const pendingOptions = pending ? bootOptionsOf(system, pending.id) : null;
  const kernelArgsKnown = bootedOptions !== null && (pending === null || pendingOptions !== null);
  const kargSide = (options: string | null): Side => plain(userKernelArgs(options ?? ''));
  const items = [
    ...itemsOf(
      'package',
      plain(merge.requestedPackages),
      pending ? plain(pending.layeredPackages) : null,
      plain(booted.layeredPackages),
    ),
    // A local package is layered whenever it is requested: there is no inactive local request.
    ...itemsOf(
      'local-package',
      plain(merge.requestedLocalPackages),
      pending ? plain(pending.requestedLocalPackages) : null,
      plain(booted.requestedLocalPackages),
    ),
    ...itemsOf(
      'base-removal',
      plain(merge.requestedBaseRemovals),
      pending ? removalsOf(pending) : null,
      removalsOf(booted),
    ),
    ...itemsOf(
      'replacement',
      plain(merge.requestedBaseLocalReplacements),
      pending ? replacementsOf(pending) : null,
      replacementsOf(booted),
    ),
    ...(kernelArgsKnown
      ? itemsOf(
          'karg',
          kargSide(pending ? pendingOptions : bootedOptions),
          pending ? kargSide(pendingOptions) : null,
          kargSide(bootedOptions),
        )
      : []),
  ];
  const baseChange =
    pending && pending.baseChecksum !== booted.baseChecksum
      ? {
          from: booted.baseVersion ?? booted.version ?? booted.baseChecksum.slice(0, 10),
          to: pending.baseVersion ?? pending.version ?? pending.baseChecksum.slice(0, 10),
        }
      : null;
  return {
    booted,
    pending,
    items,
    kernelArgsKnown,
    baseChange,
    changeCount: items.filter((i) => i.state === 'pending' || i.state === 'going-away').length,
    notAppliedCount: items.filter((i) => i.state === 'not-applied').length,
  };
}

export const selectRebootDiff = memoizeLast(
  (s: Pick<SnapshotSlice, 'app'>) => s.app?.system ?? null,
  deriveRebootDiff,
);
