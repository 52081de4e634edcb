import type { AppError } from '../../../daemon-bridge/contract/domain.ts';
import type {
  PackageSearchHit,
  PackageSpecProblem,
  ResetRequest,
} from '../../../daemon-bridge/contract/packages.ts';
import {
  MAX_SEARCH_TERM_LENGTH,
  MAX_SEARCH_TERMS,
  packageSpecProblem,
  SEARCH_TERM,
  searchTerms,
} from '../../../daemon-bridge/contract/packages.ts';
import type { GetState, SetState, StoreDeps } from '../app-store.ts';
import type { RequestRunner } from '../request/request-runner.ts';
import { errorOf } from '../request/request-runner.ts';

/** Why a search is not sent: nothing typed, too many words, or a word the daemon would refuse. */
export type SearchProblem = 'empty' | 'too-many-terms' | 'bad-term';

export type PackageSearch =
  | { readonly kind: 'idle' }
  | { readonly kind: 'refused'; readonly problem: SearchProblem }
  | { readonly kind: 'searching'; readonly terms: readonly string[] }
  | {
      readonly kind: 'loaded';
      readonly terms: readonly string[];
      readonly hits: readonly PackageSearchHit[];
    }
  | { readonly kind: 'failed'; readonly terms: readonly string[]; readonly error: AppError };

/** A package name refused before anything was sent, with the reason. */
export interface PackageRefusal {
  readonly spec: string;
  readonly problem: PackageSpecProblem;
}

export interface PackagesSlice {
  readonly packageSearch: PackageSearch;
  readonly packageRefusal: PackageRefusal | null;
  readonly packageSearchRequested: (query: string) => Promise<void>;
  readonly packageSearchCleared: () => void;
  /** Layer a package (also: undo a pending uninstall). */
  readonly packageAddRequested: (name: string) => Promise<void>;
  /** Uninstall a layered package (also: undo a pending install). */
  readonly packageRemoveRequested: (name: string) => Promise<void>;
  /** Remove a package of the base image (override remove; also: undo a pending reset). */
  readonly baseRemovalRequested: (name: string) => Promise<void>;
  /** Undo an override: restore a removed or replaced base package. */
  readonly overrideResetRequested: (name: string) => Promise<void>;
  /** `rpm-ostree reset`: drop every layered package and/or every override. */
  readonly packageChangesResetRequested: (reset: ResetRequest) => Promise<void>;
  readonly packageRefusalDismissed: () => void;
}

export function searchProblem(terms: readonly string[]): SearchProblem | null {
  if (terms.length === 0) return 'empty';
  if (terms.length > MAX_SEARCH_TERMS) return 'too-many-terms';
  if (terms.some((t) => t.length > MAX_SEARCH_TERM_LENGTH || !SEARCH_TERM.test(t)))
    return 'bad-term';
  return null;
}

const sameTerms = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((t, i) => t === b[i]);

export function createPackagesSlice(
  deps: StoreDeps,
  runner: RequestRunner,
  set: SetState,
  get: GetState,
): PackagesSlice {
  const { api } = deps;
  /**
   * Checks the name the way the main process will, so a bad one is explained
   * here and never sent; then runs the change like every other request.
   */
  function change(name: string, send: (spec: string) => Promise<void>): Promise<void> {
    const problem = packageSpecProblem(name);
    if (problem) {
      set({ packageRefusal: { spec: name, problem } });
      return Promise.resolve();
    }
    set({ packageRefusal: null });
    return send(name);
  }
  return {
    packageSearch: { kind: 'idle' },
    packageRefusal: null,
    async packageSearchRequested(query) {
      const terms = searchTerms(query);
      const problem = searchProblem(terms);
      if (problem) {
        set({ packageSearch: { kind: 'refused', problem } });
        return;
      }
      set({ packageSearch: { kind: 'searching', terms } });
      let next: PackageSearch;
      try {
        const result = await api.searchPackages(terms);
        next = result.ok
          ? { kind: 'loaded', terms, hits: result.value }
          : { kind: 'failed', terms, error: result.error };
      } catch (err) {
        next = { kind: 'failed', terms, error: errorOf(err) };
      }
      // An answer to a search the user has since replaced or cleared is dropped.
      const current = get().packageSearch;
      if (current.kind === 'searching' && sameTerms(current.terms, terms))
        set({ packageSearch: next });
    },
    packageSearchCleared() {
      set({ packageSearch: { kind: 'idle' } });
    },
    packageAddRequested: (name) =>
      change(name, async (spec) => {
        await runner.run('changePackages', () => api.changePackages({ add: [spec], remove: [] }));
      }),
    packageRemoveRequested: (name) =>
      change(name, async (spec) => {
        await runner.run('changePackages', () => api.changePackages({ add: [], remove: [spec] }));
      }),
    baseRemovalRequested: (name) =>
      change(name, async (spec) => {
        await runner.run('changeOverrides', () =>
          api.changeOverrides({ remove: [spec], reset: [] }),
        );
      }),
    overrideResetRequested: (name) =>
      change(name, async (spec) => {
        await runner.run('changeOverrides', () =>
          api.changeOverrides({ remove: [], reset: [spec] }),
        );
      }),
    async packageChangesResetRequested(reset) {
      if (!reset.layering && !reset.overrides) return;
      await runner.run('resetPackageChanges', () => api.resetPackageChanges({ ...reset }));
    },
    packageRefusalDismissed() {
      set({ packageRefusal: null });
    },
  };
}

export const selectPackageSearch = (s: Pick<PackagesSlice, 'packageSearch'>): PackageSearch =>
  s.packageSearch;

export const selectPackageRefusal = (
  s: Pick<PackagesSlice, 'packageRefusal'>,
): PackageRefusal | null => s.packageRefusal;
