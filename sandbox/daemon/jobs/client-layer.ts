import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packagesFromPkglist, knownPackage } from '../../remote/package-args.ts';
import { commitLayered } from '../../seed/compose.ts';
import { nevra, sortPackages } from '../../seed/packages.ts';
import type { PackageSpec } from '../../seed/packages.ts';
import type { CommitStore } from '../../sysroot/commits.ts';
import { metaString } from '../../sysroot/commits.ts';
import { removeTree } from '../../sysroot/remove-tree.ts';
import { commitPackages } from '../state/package-diff.ts';

/**
 * Client-side layering, as rpm-ostree does it on the new base: the requested
 * packages' files overlaid on the base tree (`ostree commit --tree=ref=BASE
 * --tree=dir=LAYER`), committed without a ref with the client-layer metadata.
 * Only the demo's own packages can be layered (there is no rpm-md): others
 * fail with rpm-ostree's "Packages not found" text.
 */
export async function layerPackages(
  repo: string,
  commits: CommitStore,
  base: string,
  requested: readonly string[],
  scratch: string,
): Promise<string> {
  const layered: PackageSpec[] = [];
  const missing: string[] = [];
  for (const name of requested) {
    const p = knownPackage(name);
    if (p) layered.push(p);
    else missing.push(name);
  }
  if (missing.length > 0) throw new Error(`Packages not found: ${missing.join(', ')}`);
  const baseCommit = await commits.load(base);
  const basePackages = packagesFromPkglist(
    commitPackages(baseCommit).map((p) => [p.name, p.epoch, p.version, p.release, p.arch]),
  );
  const tree = join(scratch, 'layer');
  await removeTree(tree);
  try {
    for (const p of layered) {
      await mkdir(join(tree, 'usr', 'share', 'doc', p.name), { recursive: true });
      await writeFile(
        join(tree, 'usr', 'share', 'doc', p.name, 'README'),
        `${nevra(p)}\n${p.summary}\n`,
      );
      for (const bin of p.bins ?? []) {
        await mkdir(join(tree, 'usr', 'bin'), { recursive: true });
        await writeFile(
          join(tree, 'usr', 'bin', bin),
          `#!/bin/sh\necho "${bin} from ${nevra(p)}"\n`,
          {
            mode: 0o755,
          },
        );
      }
    }
    const now = Math.max(Date.now(), (Number(baseCommit.timestamp) + 1) * 1000);
    return await commitLayered(repo, tree, {
      parent: base,
      baseTree: base,
      baseVersion: metaString(baseCommit, 'version') ?? '',
      timestamp: new Date(now).toISOString().replace(/\.\d+Z$/, 'Z'),
      packages: sortPackages([
        ...basePackages.filter((p) => !requested.includes(p.name)),
        ...layered,
      ]),
      layered: requested,
      repos: [{ id: 'updates', generated: BigInt(Math.floor(now / 1000)) }],
    });
  } finally {
    await removeTree(tree);
  }
}
