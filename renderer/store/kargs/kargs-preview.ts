/**
 * Argument lists marked up for display: what a change does to a command
 * line, and how the pending line differs from the running one. Pure.
 */
import type { KernelArgsChange } from '../../../daemon-bridge/contract/kernel-args.ts';
import { parseKernelArg } from '../../../daemon-bridge/contract/kernel-args.ts';
import { isManagedArg } from './kargs-draft.ts';

export type ArgMark = 'kept' | 'added' | 'changed' | 'removed';

export interface ArgToken {
  readonly arg: string;
  readonly mark: ArgMark;
  /** The value it replaces, for `changed`. */
  readonly previous: string | null;
  /** Set by libostree or the boot loader; never a user's change. */
  readonly managed: boolean;
}

const token = (arg: string, mark: ArgMark, previous: string | null = null): ArgToken => ({
  arg,
  mark,
  previous,
  managed: isManagedArg(arg),
});

/** Base indices that `removed` deletes, the way libostree picks them (see planKernelArgs). */
function removedIndices(baseArgs: readonly string[], removed: readonly string[]): Set<number> {
  const remaining = baseArgs.map((arg, index) => ({ ...parseKernelArg(arg), index }));
  for (const arg of removed) {
    const { key, value } = parseKernelArg(arg);
    const entries = remaining.filter((a) => a.key === key);
    const at =
      entries.length === 1 && entries[0]
        ? remaining.indexOf(entries[0])
        : remaining.findIndex((a) => a.key === key && a.value === value);
    if (at >= 0) remaining.splice(at, 1);
  }
  const kept = new Set(remaining.map((a) => a.index));
  return new Set(baseArgs.map((_, i) => i).filter((i) => !kept.has(i)));
}

/**
 * The resulting line of a planned change, in its exact order, with each
 * deleted argument shown where it was. libostree deletes, replaces in place,
 * then appends, so what remains of the base lines up with the result's head.
 */
export function previewChange(
  baseArgs: readonly string[],
  change: KernelArgsChange,
  resultArgs: readonly string[],
): ArgToken[] {
  const removed = removedIndices(baseArgs, change.removed);
  const headLength = resultArgs.length - change.added.length;
  const tokens: ArgToken[] = [];
  let next = 0;
  baseArgs.forEach((arg, i) => {
    if (removed.has(i)) {
      tokens.push(token(arg, 'removed'));
      return;
    }
    const now = resultArgs[next++] ?? arg;
    tokens.push(now === arg ? token(arg, 'kept') : token(now, 'changed', arg));
  });
  for (const arg of resultArgs.slice(headLength)) tokens.push(token(arg, 'added'));
  return tokens;
}

/**
 * `to` against `from` when no change list is at hand (running vs pending):
 * arguments of `to` are kept or added, then what `from` had and `to` lacks
 * is listed as removed. Managed arguments differ by design and count as kept.
 */
export function compareArgs(from: readonly string[], to: readonly string[]): ArgToken[] {
  const left = new Map<string, number>();
  for (const arg of from) left.set(arg, (left.get(arg) ?? 0) + 1);
  const tokens = to.map((arg) => {
    const count = left.get(arg) ?? 0;
    if (count > 0) left.set(arg, count - 1);
    return token(arg, count > 0 || isManagedArg(arg) ? 'kept' : 'added');
  });
  for (const arg of from) {
    const count = left.get(arg) ?? 0;
    if (count > 0 && !isManagedArg(arg)) {
      left.set(arg, count - 1);
      tokens.push(token(arg, 'removed'));
    }
  }
  return tokens;
}
