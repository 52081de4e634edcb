import type {
  KernelArgsChange,
  KernelArgsChangeProblem,
  KernelArgsPlan,
} from '../../../daemon-bridge/contract/kernel-args.ts';
import { splitKernelArgs } from '../../../daemon-bridge/contract/kernel-args.ts';
import type { GetState, SetState, StoreDeps } from '../app-store.ts';
import { memoizeLast } from '../memoize.ts';
import type { RequestRunner } from '../request/request-runner.ts';
import type { SnapshotSlice } from '../snapshot/snapshot-slice.ts';
import { deriveKernelArgsSource } from './boot-options.ts';
import { changeOf, editProblem, planEdits } from './kargs-draft.ts';
import type { KargEdit } from './kargs-draft.ts';
import { revertEdits } from './kargs-revert.ts';

/** Why the draft cannot be applied yet, besides a refused change. */
export type KargsNotReady = 'unknown-base' | 'empty';

export interface KargsSlice {
  /** The edits waiting to be applied, in the order they were made. */
  readonly kargEdits: readonly KargEdit[];
  /** A change is on its way; the same draft is not sent twice. */
  readonly kargsApplying: boolean;
  /**
   * The user made an edit. It joins the draft only when it passes the same
   * checks the main process makes; otherwise the draft is unchanged and the
   * reason is returned.
   */
  readonly kargEdited: (edit: KargEdit) => KernelArgsChangeProblem | 'unknown-base' | null;
  readonly kargEditUndone: (edit: KargEdit) => void;
  readonly kargsDraftDiscarded: () => void;
  /**
   * The user wants the pending deployment's argument changes undone: the
   * draft becomes the edits that bring back the running arguments, to be
   * previewed and applied like any other change.
   */
  readonly kargsRevertRequested: () => void;
  /**
   * Sends the whole draft as one KernelArgs change. Nothing is sent when the
   * change is refused, and nothing while the last one is still on its way:
   * sent twice, an append would be appended twice.
   */
  readonly kargsApplyRequested: () => Promise<void>;
}

const baseOf = (get: GetState): string | null =>
  deriveKernelArgsSource(get().app?.system ?? null).base;

export function createKargsSlice(
  deps: StoreDeps,
  runner: RequestRunner,
  set: SetState,
  get: GetState,
): KargsSlice {
  return {
    kargEdits: [],
    kargsApplying: false,
    kargEdited(edit) {
      const base = baseOf(get);
      if (base === null) return 'unknown-base';
      const edits = get().kargEdits;
      const problem = editProblem(base, edits, edit);
      if (problem === null) set({ kargEdits: [...edits, edit] });
      return problem;
    },
    kargEditUndone(edit) {
      set({ kargEdits: get().kargEdits.filter((e) => e !== edit) });
    },
    kargsDraftDiscarded() {
      set({ kargEdits: [] });
    },
    kargsRevertRequested() {
      const { booted, pending } = deriveKernelArgsSource(get().app?.system ?? null);
      if (booted !== null && pending !== null) set({ kargEdits: revertEdits(booted, pending) });
    },
    async kargsApplyRequested() {
      const base = baseOf(get);
      const edits = get().kargEdits;
      if (get().kargsApplying) return;
      if (base === null || edits.length === 0 || !planEdits(base, edits).ok) return;
      const change = changeOf(splitKernelArgs(base), edits);
      set({ kargsApplying: true });
      const applied = await runner.run(
        'changeKernelArgs',
        () =>
          deps.api.changeKernelArgs({
            added: [...change.added],
            replaced: [...change.replaced],
            removed: [...change.removed],
          }),
        // "Try again" applies the draft as it then stands, and clears it on success.
        () => get().kargsApplyRequested(),
      );
      set({ kargsApplying: false });
      // Applied: the new pending deployment carries the change, so the draft is done.
      // Refused: keep it, so the user can fix it or try again.
      if (applied) set({ kargEdits: get().kargEdits.filter((e) => !edits.includes(e)) });
    },
  };
}

/** The draft as it stands: its KernelArgs arrays and the plan (result or refusal). */
export interface KargsDraft {
  readonly base: string | null;
  readonly edits: readonly KargEdit[];
  readonly change: KernelArgsChange;
  /** Null while the base line is unknown or nothing is drafted. */
  readonly plan: KernelArgsPlan | null;
  readonly notReady: KargsNotReady | null;
}

export function deriveKargsDraft(base: string | null, edits: readonly KargEdit[]): KargsDraft {
  const baseArgs = base === null ? [] : splitKernelArgs(base);
  const change = changeOf(baseArgs, edits);
  if (base === null) return { base, edits, change, plan: null, notReady: 'unknown-base' };
  if (edits.length === 0) return { base, edits, change, plan: null, notReady: 'empty' };
  return { base, edits, change, plan: planEdits(base, edits), notReady: null };
}

type DraftInputs = Pick<SnapshotSlice, 'app'> & Pick<KargsSlice, 'kargEdits'>;

export const selectKargsDraft = memoizeLast(
  (s: DraftInputs) => deriveKernelArgsSource(s.app?.system ?? null).base,
  (s: DraftInputs) => s.kargEdits,
  deriveKargsDraft,
);
