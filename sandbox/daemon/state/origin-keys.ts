import * as dbus from 'dbus-next';
import type { KeyFile } from '../../sysroot/keyfile.ts';

/** What an origin file says the deployment tracks. */
export type OriginRefspec =
  | { readonly kind: 'ostree'; readonly refspec: string }
  | { readonly kind: 'checksum'; readonly refspec: string }
  | { readonly kind: 'container'; readonly refspec: string };

const CHECKSUM = /^[0-9a-f]{64}$/;
const CONTAINER =
  /^ostree-(unverified-registry|unverified-image|remote-registry|remote-image|image-signed):/;

/**
 * rpmostree_origin_get_refspec + refspec_classify: `refspec`, then
 * `baserefspec` (layered), then `container-image-reference`.
 */
export function originRefspec(origin: KeyFile): OriginRefspec {
  const ref = origin.string('origin', 'refspec') ?? origin.string('origin', 'baserefspec');
  const container = origin.string('origin', 'container-image-reference');
  if (ref !== undefined && container !== undefined)
    throw new Error('Parsing origin: Found both refspec/baserefspec and container-image-reference');
  if (container !== undefined) return { kind: 'container', refspec: container };
  if (ref === undefined)
    throw new Error(
      'Parsing origin: Failed to find refspec/baserefspec/container-image-reference in origin',
    );
  if (CONTAINER.test(ref)) return { kind: 'container', refspec: ref };
  return { kind: CHECKSUM.test(ref) ? 'checksum' : 'ostree', refspec: ref };
}

const sorted = (items: Iterable<string>) => [...new Set(items)].sort();

/** `sha256:nevra` entries (origin local package lists) → sorted NEVRAs. */
function localPackages(origin: KeyFile, group: string, key: string): string[] {
  return sorted(
    (origin.stringList(group, key) ?? []).map((entry) => {
      const colon = entry.indexOf(':');
      if (colon < 0) throw new Error(`Parsing origin: Invalid SHA-256 NEVRA string: ${entry}`);
      return entry.slice(colon + 1);
    }),
  );
}

/**
 * The origin-derived keys of a deployment dict (rust/src/daemon.rs
 * deployment_populate_variant_origin): the package request lists are always
 * present (possibly empty, sorted like the BTree sets they come from);
 * `requested-base-remote-replacements`, the initramfs lists and `cliwrap`
 * only when set.
 */
export function originKeys(origin: KeyFile): Record<string, dbus.Variant> {
  const out: Record<string, dbus.Variant> = {};
  const as = (key: string, items: string[]) => (out[key] = new dbus.Variant('as', items));
  as('requested-packages', sorted(origin.stringList('packages', 'requested') ?? []));
  as('requested-local-packages', localPackages(origin, 'packages', 'requested-local'));
  as(
    'requested-local-fileoverride-packages',
    localPackages(origin, 'packages', 'requested-local-fileoverride'),
  );
  as('requested-base-removals', sorted(origin.stringList('overrides', 'remove') ?? []));
  as('requested-base-local-replacements', localPackages(origin, 'overrides', 'replace-local'));
  const replace = origin.stringList('overrides', 'replace');
  if (replace) {
    out['requested-base-remote-replacements'] = new dbus.Variant(
      'a(sas)',
      replace.map((entry) => {
        const [from = '', ...packages] = entry.split(',');
        if (!from.startsWith('repo='))
          throw new Error(`Parsing origin: Unknown repo replacement source: ${from}`);
        return [from, packages];
      }),
    );
  }
  const regenerate = origin.boolean('rpmostree', 'regenerate-initramfs') ?? false;
  const etc = origin.stringList('rpmostree', 'initramfs-etc');
  const args = origin.stringList('rpmostree', 'initramfs-args');
  out['regenerate-initramfs'] = new dbus.Variant('b', regenerate);
  if (regenerate || etc || args) {
    as('initramfs-args', args ?? []);
    as('initramfs-etc', sorted(etc ?? []));
  }
  if (origin.boolean('rpmostree', 'ex-cliwrap')) out.cliwrap = new dbus.Variant('b', true);
  return out;
}
