import { nevra } from '../seed/packages.ts';
import { matchSubject, providesCapability } from './subject.ts';
import type { SackPackage } from './universe.ts';

/** What to resolve: requests to install on top of the installed (base) packages. */
export interface DepsolveInput {
  /** Active package requests (already known not to be provided by the base). */
  readonly requests: readonly string[];
  /** Base packages that stay. */
  readonly installed: readonly SackPackage[];
  /** Names of base packages an override removes. */
  readonly removedNames: ReadonlySet<string>;
  /** Repository packages, by name, newest first. */
  readonly available: readonly SackPackage[];
}

/** libdnf's depsolve failure, one problem per request that cannot be satisfied. */
export function depsolveError(problems: readonly (readonly string[])[]): Error {
  const n = problems.length;
  const lines = [`Could not depsolve transaction; ${n} problem${n === 1 ? '' : 's'} detected:`];
  problems.forEach((rules, i) => {
    const [first, ...rest] = rules;
    lines.push(n === 1 ? ` Problem: ${first}` : ` Problem ${i + 1}: ${first}`);
    for (const rule of rest) lines.push(`  - ${rule}`);
  });
  return new Error(lines.join('\n'));
}

/** The newest repository package for a capability, skipping names an override removes. */
function provider(input: DepsolveInput, cap: string): SackPackage | 'removed' | undefined {
  const all = input.available.filter((p) => providesCapability(p, cap));
  const usable = all.filter((p) => !input.removedNames.has(p.name));
  if (usable.length > 0) return usable[0];
  return all.length > 0 ? 'removed' : undefined;
}

/**
 * A small libsolv: each request picks the newest matching repository
 * package, then every requirement is satisfied by the installed packages,
 * by what is already picked, or by pulling in the newest provider (depth
 * first). Requests nothing matches fail with rpm-ostree's "Packages not
 * found"; unsatisfiable requirements with libdnf's problem list (reference
 * §5.3, e.g. `nothing provides <cap> needed by <nevra> from <repo>`).
 * Returns the packages to layer, by name.
 */
export function depsolve(input: DepsolveInput): SackPackage[] {
  const missing: string[] = [];
  const roots: SackPackage[] = [];
  for (const request of input.requests) {
    const found = matchSubject(request, input.available).filter(
      (p) => !input.removedNames.has(p.name),
    );
    if (found.length === 0) missing.push(request);
    else roots.push(found[0]!);
  }
  if (missing.length > 0) throw new Error(`Packages not found: ${missing.join(', ')}`);

  const picked = new Map<string, SackPackage>();
  const problems: string[][] = [];
  const satisfied = (cap: string) =>
    input.installed.some((p) => providesCapability(p, cap)) ||
    [...picked.values()].some((p) => providesCapability(p, cap));
  /** Picks `pkg` and its requirements; returns the problem rules, or null. */
  const pick = (pkg: SackPackage, chain: readonly string[]): string[] | null => {
    const clash = input.installed.find((p) => p.name === pkg.name);
    if (clash)
      return [
        'conflicting requests',
        `cannot install both ${nevra(pkg)} from ${pkg.repo} and ${nevra(clash)} from @System`,
      ];
    if (picked.has(pkg.name)) return null;
    picked.set(pkg.name, pkg);
    for (const cap of pkg.requires) {
      if (satisfied(cap)) continue;
      const next = provider(input, cap);
      const needs = `package ${nevra(pkg)} requires ${cap}, but none of the providers can be installed`;
      if (next === 'removed') return [...chain, 'conflicting requests', needs];
      if (next === undefined)
        return [
          ...chain,
          'conflicting requests',
          `nothing provides ${cap} needed by ${nevra(pkg)} from ${pkg.repo}`,
        ];
      const problem = pick(next, [...chain, needs]);
      if (problem) return problem;
    }
    return null;
  };
  for (const root of roots) {
    const problem = pick(root, []);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) throw depsolveError(problems);
  return [...picked.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
