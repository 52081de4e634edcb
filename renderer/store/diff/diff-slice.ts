import type { DeployPreview } from '../../../daemon-bridge/contract/commands.ts';
import type { AppError, Result } from '../../../daemon-bridge/contract/domain.ts';
import type { PackageChange } from '../../../daemon-bridge/contract/updates.ts';
import type { GetState, SetState, StoreDeps } from '../app-store.ts';

/** What a diff is of: two deployments, or the booted one and a revision to deploy. */
export type DiffSubject =
  | { readonly kind: 'compare'; readonly fromId: string; readonly toId: string }
  | { readonly kind: 'deploy'; readonly revision: string };

export type DiffLoad =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading'; readonly subject: DiffSubject }
  | {
      readonly kind: 'loaded';
      readonly subject: DiffSubject;
      readonly changes: readonly PackageChange[];
      readonly preview: DeployPreview | null;
    }
  | { readonly kind: 'failed'; readonly subject: DiffSubject; readonly error: AppError };

export interface DiffSlice {
  /** The one diff a dialog is showing (rollback, compare or deploy preview). */
  readonly diff: DiffLoad;
  readonly comparisonRequested: (fromId: string, toId: string) => Promise<void>;
  readonly deployPreviewRequested: (revision: string) => Promise<void>;
  readonly diffClosed: () => void;
}

function sameSubject(a: DiffSubject, b: DiffSubject): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function createDiffSlice(deps: StoreDeps, set: SetState, get: GetState): DiffSlice {
  /** Loads a diff; an answer for a subject the user has since left is dropped. */
  async function load<T>(
    subject: DiffSubject,
    call: () => Promise<Result<T>>,
    toLoaded: (value: T) => { changes: readonly PackageChange[]; preview: DeployPreview | null },
  ): Promise<void> {
    set({ diff: { kind: 'loading', subject } });
    let next: DiffLoad;
    try {
      const result = await call();
      next = result.ok
        ? { kind: 'loaded', subject, ...toLoaded(result.value) }
        : { kind: 'failed', subject, error: result.error };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      next = { kind: 'failed', subject, error: { kind: 'protocol', message } };
    }
    const current = get().diff;
    if (current.kind === 'loading' && sameSubject(current.subject, subject)) set({ diff: next });
  }
  return {
    diff: { kind: 'idle' },
    comparisonRequested: (fromId, toId) =>
      load(
        { kind: 'compare', fromId, toId },
        () => deps.api.compareDeployments(fromId, toId),
        (changes) => ({ changes, preview: null }),
      ),
    deployPreviewRequested: (revision) =>
      load(
        { kind: 'deploy', revision },
        () => deps.api.previewDeploy(revision),
        (preview) => ({ changes: preview.changes, preview }),
      ),
    diffClosed() {
      set({ diff: { kind: 'idle' } });
    },
  };
}

export const selectDiff = (state: { readonly diff: DiffLoad }): DiffLoad => state.diff;
