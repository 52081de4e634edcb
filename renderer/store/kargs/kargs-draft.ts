/**
 * The kernel-argument editor's draft: edits the user made against the
 * arguments of the deployment a change applies to, and how they become the
 * three arrays of one KernelArgs call. Pure.
 */
import type {
  KernelArgsChange,
  KernelArgsChangeProblem,
  KernelArgsPlan,
} from '../../../daemon-bridge/contract/kernel-args.ts';
import {
  kernelArgProblem,
  MANAGED_KERNEL_ARG_KEYS,
  parseKernelArg,
  planKernelArgs,
  splitKernelArgs,
} from '../../../daemon-bridge/contract/kernel-args.ts';

/** One edit: append an argument, delete one that is there, or change one that is there. */
export type KargEdit =
  | { readonly kind: 'add'; readonly arg: string }
  | { readonly kind: 'remove'; readonly arg: string }
  | { readonly kind: 'replace'; readonly from: string; readonly to: string };

const keyOf = (arg: string): string => parseKernelArg(arg).key;

export const isManagedArg = (arg: string): boolean => MANAGED_KERNEL_ARG_KEYS.includes(keyOf(arg));

/**
 * How a change of `from` into `to` is said to libostree: `key=new` when the
 * key is there once, `key=old=new` to pick one of several values, else (a
 * new key, or values libostree's `=` syntax cannot express) delete + append.
 */
function replacementOf(
  baseArgs: readonly string[],
  from: string,
  to: string,
): Partial<Record<keyof KernelArgsChange, string>> {
  const old = parseKernelArg(from);
  const neu = parseKernelArg(to);
  const removeAdd = { removed: from, added: to };
  if (old.key !== neu.key) return removeAdd;
  const count = baseArgs.filter((a) => keyOf(a) === old.key).length;
  if (count === 1 && !neu.value?.includes('=')) return { replaced: to };
  const oldValueUsable = old.value !== null && !old.value.includes('=');
  if (oldValueUsable && neu.value !== null)
    return { replaced: `${old.key}=${old.value}=${neu.value}` };
  return removeAdd;
}

/** The KernelArgs arrays for `edits`, in the order they were made. */
export function changeOf(
  baseArgs: readonly string[],
  edits: readonly KargEdit[],
): KernelArgsChange {
  const change = { added: [] as string[], replaced: [] as string[], removed: [] as string[] };
  for (const edit of edits) {
    switch (edit.kind) {
      case 'add':
        change.added.push(edit.arg);
        break;
      case 'remove':
        change.removed.push(edit.arg);
        break;
      case 'replace': {
        const parts = replacementOf(baseArgs, edit.from, edit.to);
        if (parts.removed) change.removed.push(parts.removed);
        if (parts.replaced) change.replaced.push(parts.replaced);
        if (parts.added) change.added.push(parts.added);
        break;
      }
    }
  }
  return change;
}

/** The plan for `edits` on `base`: the exact resulting arguments, or why it is refused. */
export function planEdits(base: string, edits: readonly KargEdit[]): KernelArgsPlan {
  return planKernelArgs(base, changeOf(splitKernelArgs(base), edits));
}

/** The text a new edit brings in (what the user typed), if any. */
const typedOf = (edit: KargEdit): string | null =>
  edit.kind === 'add' ? edit.arg : edit.kind === 'replace' ? edit.to : null;

/**
 * Why `edit` cannot join the draft, or null: the typed argument itself
 * first (so a newline or a space is named as such), then the whole change.
 */
export function editProblem(
  base: string,
  edits: readonly KargEdit[],
  edit: KargEdit,
): KernelArgsChangeProblem | null {
  const typed = typedOf(edit);
  if (typed !== null) {
    const problem = kernelArgProblem(typed);
    if (problem) return { kind: 'argument', arg: typed, problem };
  }
  if (edit.kind === 'replace' && edit.from === edit.to) return { kind: 'no-change' };
  const plan = planEdits(base, [...edits, edit]);
  return plan.ok ? null : plan.problem;
}

/** One argument of the base line, with the edit made to it, if any. */
export interface KargRow {
  readonly arg: string;
  readonly managed: boolean;
  readonly edit: Extract<KargEdit, { kind: 'remove' | 'replace' }> | null;
}

/** The base arguments in order, each with its edit; identical duplicates take edits in turn. */
export function kargRows(base: string, edits: readonly KargEdit[]): KargRow[] {
  const unclaimed = edits.filter((e) => e.kind !== 'add');
  return splitKernelArgs(base).map((arg) => {
    const at = unclaimed.findIndex((e) => (e.kind === 'remove' ? e.arg : e.from) === arg);
    const edit = at < 0 ? null : (unclaimed.splice(at, 1)[0] ?? null);
    return { arg, managed: isManagedArg(arg), edit };
  });
}
