/**
 * A demo machine: the distribution a sandbox directory plays, independent
 * of the daemon serving it. The Fedora Silverblue machine goes with the
 * rpm-ostree profile, the Debian one with apt-ostree (and any other Debian
 * daemon). Everything the seed, the publisher and the daemon's package code
 * need to know about the distribution is here, as data.
 */
import type { PackageUniverse } from '../packages/universe.ts';
import type { BaseCompose, RpmmdRepo } from '../seed/compose.ts';
import type { PackageSpec } from '../seed/packages.ts';

export type MachineId = 'fedora' | 'debian';

/** A client-side layer the seed adds on the newer compose. */
export interface SeedLayer {
  readonly package: PackageSpec;
  /** ISO commit time of the layer. */
  readonly timestamp: string;
  readonly repos: readonly RpmmdRepo[];
}

export interface SandboxMachine {
  readonly id: MachineId;
  /** For people: `Fedora Silverblue 43`. */
  readonly title: string;
  /** The ostree stateroot. */
  readonly osname: string;
  /** The ostree remote the deployments track. */
  readonly remote: string;
  readonly ref: string;
  /** Kernel arguments of the first deployment. */
  readonly kargs: readonly string[];
  /** The two composes the seed deploys, older first (the older one becomes the rollback). */
  readonly composes: readonly [BaseCompose, BaseCompose];
  /** The package layered on the newer compose (booted). */
  readonly layer: SeedLayer;
  /** Repositories and installable packages (ListRepos, Search, layering). */
  readonly universe: PackageUniverse;
  /** Repository metadata a fresh compose records, generated at `timestamp` (Unix seconds). */
  readonly publishRepos: (timestamp: bigint) => RpmmdRepo[];
  /** The distribution's own files of a compose's tree (path under the root → content). */
  readonly releaseFiles: (version: string) => Readonly<Record<string, string>>;
  /** Where a CVE's page is (an advisory's `cve_references`). */
  readonly cveUrl: (id: string) => string;
}

/** The refspec the machine's deployments track (`remote:ref`). */
export function machineRefspec(machine: SandboxMachine): string {
  return `${machine.remote}:${machine.ref}`;
}

/** A compose time as rpm-md's generation timestamp (Unix seconds). */
export function generatedAt(iso: string): bigint {
  return BigInt(Date.parse(iso) / 1000);
}
