import * as dbus from 'dbus-next';
import { createHash } from 'node:crypto';
import { gvariantText } from '../gvariant/text.ts';
import { ostree } from '../sysroot/ostree-cli.ts';
import { nevra } from './packages.ts';
import type { PackageSpec } from './packages.ts';

/** rpm-md repositories a compose (or a client-side layer) was built from. */
export interface RpmmdRepo {
  readonly id: string;
  /** When the repo metadata was generated (Unix seconds). */
  readonly generated: bigint;
}

/** A server-side compose as Fedora's pipeline would commit it. */
export interface BaseCompose {
  readonly ref: string;
  readonly version: string;
  /** ISO 8601 commit time. */
  readonly timestamp: string;
  readonly packages: readonly PackageSpec[];
  readonly repos: readonly RpmmdRepo[];
  /** More metadata: key → GVariant text (see gvariantText). */
  readonly extraMetadata?: Readonly<Record<string, string>>;
}

/** The `rpmostree.rpmdb.pkglist` value: `a(sssss)` of (name, epoch, version, release, arch). */
function pkglist(packages: readonly PackageSpec[]): string {
  return gvariantText(
    'a(sssss)',
    packages.map((p) => [p.name, String(p.epoch), p.version, p.release, p.arch]),
  );
}

function rpmmdRepos(repos: readonly RpmmdRepo[], bigEndian: boolean): string {
  return gvariantText(
    'aa{sv}',
    repos.map((r) => ({
      id: new dbus.Variant('s', r.id),
      timestamp: new dbus.Variant('t', bigEndian ? byteswap64(r.generated) : r.generated),
    })),
  );
}

/** Server composes store rpm-md timestamps big-endian (reference §11); readers see them swapped. */
function byteswap64(v: bigint): bigint {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(v);
  return b.readBigUInt64LE();
}

function sha(algorithm: 'sha256' | 'sha512', text: string): string {
  return createHash(algorithm).update(text).digest('hex');
}

const meta = (key: string, text: string) => `--add-metadata=${key}=${text}`;

/**
 * Commits a compose's tree to `repo` on `compose.ref`, owned by root,
 * bootable, with the metadata keys a Fedora compose carries.
 */
export async function commitBase(
  repo: string,
  tree: string,
  compose: BaseCompose,
): Promise<string> {
  return ostree([
    'commit',
    `--repo=${repo}`,
    `--branch=${compose.ref}`,
    `--tree=dir=${tree}`,
    '--owner-uid=0',
    '--owner-gid=0',
    '--bootable',
    `--timestamp=${compose.timestamp}`,
    `--add-metadata-string=version=${compose.version}`,
    `--add-metadata-string=rpmostree.inputhash=${sha('sha256', compose.packages.map(nevra).join('\n'))}`,
    meta('rpmostree.rpmdb.pkglist', pkglist(compose.packages)),
    meta('rpmostree.rpmmd-repos', rpmmdRepos(compose.repos, true)),
    ...Object.entries(compose.extraMetadata ?? {}).map(([k, v]) => meta(k, v)),
  ]);
}

/** A client-side layer on top of a base commit, as rpm-ostree writes it. */
export interface LayeredCommit {
  readonly parent: string;
  readonly baseVersion: string;
  readonly timestamp: string;
  /** The whole package set of the layered tree. */
  readonly packages: readonly PackageSpec[];
  /** Requested (layered) package names: `rpmostree.packages`. */
  readonly layered: readonly string[];
  readonly repos: readonly RpmmdRepo[];
  /** Overlay `tree` on this commit (`--tree=ref=`) instead of committing `tree` alone. */
  readonly baseTree?: string;
  /** Base packages removed by override: `rpmostree.removed-base-packages`. */
  readonly removed?: readonly PackageSpec[];
}

/**
 * The sandbox's `rpmostree.state-sha512`: a digest of what determines the
 * layer (base commit, active requests, removed base packages), so an
 * unchanged layer is recognised as rpm-ostree does with its goal digest.
 */
export function layerStateDigest(
  parent: string,
  layered: readonly string[],
  removed: readonly PackageSpec[] = [],
): string {
  const removals = removed.map((p) => `\n-${nevra(p)}`).join('');
  return sha('sha512', `${parent}\n${layered.join('\n')}${removals}`);
}

/** `(sstsss)` of a removed base package: nevra, name, epoch, version, release, arch. */
function removedVariant(p: PackageSpec): dbus.Variant {
  return new dbus.Variant('(sstsss)', [
    nevra(p),
    p.name,
    BigInt(p.epoch),
    p.version,
    p.release,
    p.arch,
  ]);
}

/**
 * Commits a layered tree with the metadata of rpmostree-core.cxx's
 * client-layer branch (clientlayer_version 6), without a ref, like
 * rpm-ostree does.
 */
export async function commitLayered(
  repo: string,
  tree: string,
  layer: LayeredCommit,
): Promise<string> {
  return ostree([
    'commit',
    `--repo=${repo}`,
    '--orphan',
    '--no-bindings',
    `--parent=${layer.parent}`,
    ...(layer.baseTree ? [`--tree=ref=${layer.baseTree}`] : []),
    `--tree=dir=${tree}`,
    '--owner-uid=0',
    '--owner-gid=0',
    '--bootable',
    `--timestamp=${layer.timestamp}`,
    `--add-metadata-string=version=${layer.baseVersion}`,
    meta('rpmostree.clientlayer', gvariantText('b', true)),
    meta('rpmostree.rpmmd-repos', rpmmdRepos(layer.repos, false)),
    meta('rpmostree.packages', gvariantText('as', layer.layered)),
    meta('rpmostree.modules', gvariantText('as', [])),
    meta(
      'rpmostree.removed-base-packages',
      gvariantText('av', (layer.removed ?? []).map(removedVariant)),
    ),
    meta('rpmostree.replaced-base-packages', gvariantText('a(vv)', [])),
    meta('rpmostree.replaced-base-remote-packages', gvariantText('a{sv}', {})),
    meta('rpmostree.rpmdb.pkglist', pkglist(layer.packages)),
    meta('rpmostree.clientlayer_version', gvariantText('u', 6)),
    `--add-metadata-string=rpmostree.state-sha512=${layerStateDigest(layer.parent, layer.layered, layer.removed)}`,
  ]);
}
