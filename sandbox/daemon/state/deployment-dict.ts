import * as dbus from 'dbus-next';
import { metaString } from '../../sysroot/commits.ts';
import type { Commit, CommitStore } from '../../sysroot/commits.ts';
import type { DeploymentRecord } from '../../sysroot/read-sysroot.ts';
import { parseRefspec, remoteGpgVerify, resolveRev } from '../../sysroot/repo-refs.ts';
import { originKeys, originRefspec } from './origin-keys.ts';

/** An `a{sv}` as dbus-next sends it. */
export type VarDict = Record<string, dbus.Variant>;

/** What building a deployment dict needs besides the deployment. */
export interface DeploymentContext {
  readonly commits: CommitStore;
  /** The sysroot repository (refs, remote config). */
  readonly repo: string;
}

/** Keys rpm-ostreed strips from commit metadata before exposing it (filter_commit_meta). */
const FILTERED_META = [
  'rpmostree.rpmdb.pkglist',
  'rpmostree.advisories',
  'rpmostree.packages',
  'rpmostree.modules',
  'rpmostree.spec',
  'rpmostree.removed-base-packages',
  'rpmostree.replaced-base-packages',
  'rpmostree.replaced-base-remote-packages',
  // The sandbox's advisories (see sandbox/remote/advisories.ts): not a real compose key.
  'rpmostree.sandbox.advisories',
];

/** The deployment id used across the API: `<osname>-<checksum>.<serial>`. */
export function deploymentId(d: Pick<DeploymentRecord, 'osname' | 'checksum' | 'serial'>): string {
  return `${d.osname}-${d.checksum}.${d.serial}`;
}

/**
 * One deployment dictionary exactly as rpmostreed_deployment_generate_variant
 * builds it (reference §8.1): same keys, same presence rules, same GVariant
 * types. Staging, live-apply, container image state and GPG signatures do
 * not exist in the sandbox yet, so their keys never appear.
 */
export async function deploymentDict(
  d: DeploymentRecord,
  ctx: DeploymentContext,
): Promise<VarDict> {
  const dict: VarDict = {};
  const put = (key: string, type: string, value: unknown) =>
    (dict[key] = new dbus.Variant(type, value));
  put('id', 's', deploymentId(d));
  put('osname', 's', d.osname);
  put('checksum', 's', d.checksum);
  put('serial', 'i', d.serial);
  put('booted', 'b', d.booted);
  put('staged', 'b', d.staged);
  put('pinned', 'b', d.pinned);
  put('unlocked', 's', d.unlocked);
  if (d.finalizationLocked) put('finalization-locked', 'b', true);
  if (d.origin) Object.assign(dict, originKeys(d.origin));

  const commit = await ctx.commits.load(d.checksum);
  const layered = isLayered(commit);
  let base = commit;
  if (layered) {
    if (!commit.parent) throw new Error(`Layered commit ${commit.checksum} has no parent`);
    base = await ctx.commits.load(commit.parent);
    put('base-checksum', 's', base.checksum);
    addCommitDetails(dict, 'base-', base);
    addEndOfLife(dict, base);
    put('layered-commit-meta', 'a{sv}', filterMeta(commit));
  } else addEndOfLife(dict, commit);
  put('base-commit-meta', 'a{sv}', filterMeta(base));
  addCommitDetails(dict, '', commit);

  const origin = d.origin ? originRefspec(d.origin) : null;
  if (origin?.kind === 'container') put('container-image-reference', 's', origin.refspec);
  else if (origin) put('origin', 's', origin.refspec);
  if (origin?.kind === 'ostree') {
    await addRemoteStatus(dict, ctx.repo, origin.refspec);
    const head = await resolveRev(ctx.repo, origin.refspec);
    if (head && head !== base.checksum) {
      put('pending-base-checksum', 's', head);
      addCommitDetails(dict, 'pending-base-', await ctx.commits.load(head));
    }
  }
  const url = d.origin?.string('origin', 'custom-url');
  if (url)
    put('custom-origin', '(ss)', [url, d.origin?.string('origin', 'custom-description') ?? '']);

  const layer = layeredInfo(commit, layered);
  put('packages', 'as', layer.packages);
  dict['base-removals'] = layer.removals;
  dict['base-local-replacements'] = layer.localReplacements;
  dict['base-remote-replacements'] = layer.remoteReplacements;
  return dict;
}

/** `rpmostree.clientlayer`, or for old layers the presence of `rpmostree.spec`. */
function isLayered(commit: Commit): boolean {
  const flag = commit.metadata['rpmostree.clientlayer'];
  if (flag?.signature === 'b') return flag.value === true;
  return 'rpmostree.spec' in commit.metadata;
}

function filterMeta(commit: Commit): VarDict {
  const out: VarDict = {};
  for (const [k, v] of Object.entries(commit.metadata)) if (!FILTERED_META.includes(k)) out[k] = v;
  return out;
}

/** variant_add_commit_details: `<prefix>version` if set, `<prefix>timestamp` if > 0. */
function addCommitDetails(dict: VarDict, prefix: string, commit: Commit): void {
  const version = metaString(commit, 'version');
  if (version !== undefined) dict[`${prefix}version`] = new dbus.Variant('s', version);
  if (commit.timestamp > 0n) dict[`${prefix}timestamp`] = new dbus.Variant('t', commit.timestamp);
}

function addEndOfLife(dict: VarDict, commit: Commit): void {
  const eol = metaString(commit, 'ostree.endoflife');
  if (eol !== undefined) dict.endoflife = new dbus.Variant('s', eol);
}

/** variant_add_remote_status: `gpg-enabled`, or `remote-error` when the remote is gone. */
async function addRemoteStatus(dict: VarDict, repo: string, refspec: string): Promise<void> {
  const { remote } = parseRefspec(refspec);
  if (remote === null) {
    dict['gpg-enabled'] = new dbus.Variant('b', false);
    return;
  }
  const status = await remoteGpgVerify(repo, remote);
  if ('error' in status) dict['remote-error'] = new dbus.Variant('s', status.error);
  else dict['gpg-enabled'] = new dbus.Variant('b', status.gpgVerify);
}

/**
 * rpmostree_deployment_get_layered_info: the layered package list and
 * overrides from the layered commit (by clientlayer_version), canonicalised
 * to empty arrays/dicts otherwise.
 */
function layeredInfo(commit: Commit, layered: boolean) {
  const meta = commit.metadata;
  const typed = (key: string, type: string): dbus.Variant | undefined =>
    meta[key]?.signature === type ? meta[key] : undefined;
  const version = typed('rpmostree.clientlayer_version', 'u')?.value as number | undefined;
  let packages: string[] = [];
  if (layered) {
    const spec = typed('rpmostree.spec', 'a{sv}')?.value as VarDict | undefined;
    const list = (version ?? 0) >= 1 ? typed('rpmostree.packages', 'as') : spec?.packages;
    packages = Array.isArray(list?.value) ? (list.value as string[]) : [];
  }
  const v2 = layered && (version ?? 0) >= 2;
  const v6 = layered && (version ?? 0) >= 6;
  return {
    packages,
    removals: (v2 && typed('rpmostree.removed-base-packages', 'av')) || new dbus.Variant('av', []),
    localReplacements:
      (v2 && typed('rpmostree.replaced-base-packages', 'a(vv)')) || new dbus.Variant('a(vv)', []),
    remoteReplacements:
      (v6 && typed('rpmostree.replaced-base-remote-packages', 'a{sv}')) ||
      new dbus.Variant('a{sv}', {}),
  };
}
