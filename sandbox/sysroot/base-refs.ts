import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readBootRecord } from './boot-record.ts';
import { CommitStore } from './commits.ts';
import type { SandboxLayout } from './layout.ts';
import { ostree } from './ostree-cli.ts';
import { readSysroot } from './read-sysroot.ts';

const PREFIX = 'rpmostree/base';

/**
 * rpm-ostree's generate_baselayer_refs: one `rpmostree/base/N` ref per base
 * commit of a client-layered deployment. ostree's prune keeps deployed
 * commits but not their parents, so without these refs an undeploy could
 * delete the base of a layered deployment.
 */
export async function syncBaseRefs(layout: SandboxLayout): Promise<void> {
  const commits = new CommitStore(layout.repo);
  const state = await readSysroot(layout, await readBootRecord(layout));
  const bases: string[] = [];
  for (const d of state.deployments) {
    const commit = await commits.load(d.checksum);
    const layered = commit.metadata['rpmostree.clientlayer']?.value === true;
    if (layered && commit.parent && !bases.includes(commit.parent)) bases.push(commit.parent);
  }
  let existing: string[] = [];
  try {
    existing = await readdir(join(layout.repo, 'refs', 'heads', PREFIX));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  for (const name of existing)
    await ostree(['refs', `--repo=${layout.repo}`, '--delete', `${PREFIX}/${name}`]);
  for (const [i, base] of bases.entries())
    await ostree(['refs', `--repo=${layout.repo}`, `--create=${PREFIX}/${i}`, base]);
}
