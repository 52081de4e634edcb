/**
 * Package layering and overrides (issue "Layered packages, overrides,
 * kernel-argument editor"): what the renderer may ask for and what it gets
 * back. Plain data; the daemon's `aa{sv}` replies are parsed at the edge.
 */

/** One package of the daemon's repositories (Search / GetPackages / WhatProvides). */
export interface PackageInfo {
  readonly name: string;
  readonly epoch: number;
  readonly version: string;
  readonly arch: string;
  readonly nevra: string;
  /** `[epoch:]version-release`. */
  readonly evr: string;
  readonly summary: string | null;
  /** The repository it comes from (`reponame`), when the daemon says. */
  readonly repo: string | null;
}

/** Which Search group found it: name and summary, the name only, the summary only. */
export type SearchMatch = 'name-and-summary' | 'name' | 'summary';

export interface PackageSearchHit extends PackageInfo {
  readonly match: SearchMatch;
}

/** PkgChange: packages to layer and layered packages to remove, in one transaction. */
export interface PackageChangeRequest {
  readonly add: readonly string[];
  readonly remove: readonly string[];
}

/** UpdateDeployment with override-remove-packages / override-reset-packages. */
export interface OverrideChangeRequest {
  readonly remove: readonly string[];
  readonly reset: readonly string[];
}

/** UpdateDeployment with the `no-layering` and/or `no-overrides` options. */
export interface ResetRequest {
  readonly layering: boolean;
  readonly overrides: boolean;
}

/**
 * A package name or a name with version (`htop`, `htop-3.4.1-2.fc43.x86_64`,
 * `python3.12`, `libstdc++`): what `rpm-ostree install` takes. No spaces,
 * nothing that starts like an option, no shell or glob characters.
 */
export const PACKAGE_SPEC = /^[A-Za-z0-9_][A-Za-z0-9._+:~^-]*$/;
export const MAX_PACKAGE_SPEC_LENGTH = 128;
/** At most this many packages in one request. */
export const MAX_PACKAGES_PER_REQUEST = 64;

/** A search term: letters, digits and the characters of package names, plus `*` and `?` globs. */
export const SEARCH_TERM = /^[A-Za-z0-9_.+*?:~^-]+$/;
export const MAX_SEARCH_TERMS = 8;
export const MAX_SEARCH_TERM_LENGTH = 64;

export type PackageSpecProblem = 'empty' | 'too-long' | 'space' | 'option-like' | 'characters';

/** What is wrong with a package name as the user typed it, or null. */
export function packageSpecProblem(spec: string): PackageSpecProblem | null {
  if (spec.length === 0) return 'empty';
  if (spec.length > MAX_PACKAGE_SPEC_LENGTH) return 'too-long';
  if (/\s/.test(spec)) return 'space';
  if (spec.startsWith('-')) return 'option-like';
  if (!PACKAGE_SPEC.test(spec)) return 'characters';
  return null;
}

/** Splits what the user typed into search terms (the daemon ANDs them). */
export function searchTerms(query: string): string[] {
  return query
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '');
}
