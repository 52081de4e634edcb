import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { removePackageFiles, writePackageFiles } from '../../packages/package-files.ts';
import { commitLayered } from '../../seed/compose.ts';
import { metaString } from '../../sysroot/commits.ts';
import { ostree } from '../../sysroot/ostree-cli.ts';
import { removeTree } from '../../sysroot/remove-tree.ts';
import type { LayerPlan } from './layer-plan.ts';

/**
 * Client-side layering, as rpm-ostree does it on the base: the layered
 * packages' files go on top of the base tree, committed without a ref with
 * the client-layer metadata (packages, removed base packages, pkglist).
 * Without removals the layer is overlaid on the base (`ostree commit
 * --tree=ref=BASE --tree=dir=LAYER`); with removals the base is checked out
 * (`ostree checkout -U`, the repo is bare-user-only), the removed packages'
 * files deleted and the result committed.
 */
export async function layerPackages(
  repo: string,
  plan: LayerPlan,
  scratch: string,
): Promise<string> {
  const tree = join(scratch, `layer-${process.pid}`);
  const base = plan.base;
  await removeTree(tree);
  try {
    const overlay = plan.removed.length === 0;
    if (overlay) await mkdir(tree, { recursive: true });
    else await ostree(['checkout', `--repo=${repo}`, '-U', '--force-copy', base.checksum, tree]);
    for (const p of plan.removed) await removePackageFiles(tree, p);
    for (const p of plan.layered) await writePackageFiles(tree, p);
    const now = Math.max(Date.now(), (Number(base.timestamp) + 1) * 1000);
    return await commitLayered(repo, tree, {
      parent: base.checksum,
      ...(overlay ? { baseTree: base.checksum } : {}),
      baseVersion: metaString(base, 'version') ?? '',
      timestamp: new Date(now).toISOString().replace(/\.\d+Z$/, 'Z'),
      packages: plan.packages,
      layered: plan.requests,
      removed: plan.removed,
      repos: [{ id: 'updates', generated: BigInt(Math.floor(now / 1000)) }],
    });
  } finally {
    await removeTree(tree);
  }
}
