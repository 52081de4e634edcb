/**
 * Undoing a pending kernel-argument change before the reboot: a new change,
 * on top of the pending deployment, that brings its arguments back to the
 * running ones. Pure.
 */
import { splitKernelArgs } from '../../../daemon-bridge/contract/kernel-args.ts';
import type { KargEdit } from './kargs-draft.ts';
import { compareArgs } from './kargs-preview.ts';

/** The edits that turn `pending`'s arguments back into `booted`'s (managed ones aside). */
export function revertEdits(booted: string, pending: string): KargEdit[] {
  const tokens = compareArgs(splitKernelArgs(booted), splitKernelArgs(pending));
  return [
    ...tokens
      .filter((t) => t.mark === 'added' && !t.managed)
      .map((t): KargEdit => ({ kind: 'remove', arg: t.arg })),
    ...tokens
      .filter((t) => t.mark === 'removed')
      .map((t): KargEdit => ({ kind: 'add', arg: t.arg })),
  ];
}
