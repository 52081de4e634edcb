import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gvariantText } from '../gvariant/text.ts';
import { commitBase } from '../seed/compose.ts';
import { applyUpdates } from '../seed/packages.ts';
import type { PackageSpec } from '../seed/packages.ts';
import { requireMachineOfDir } from '../machine/machines.ts';
import { writeTree } from '../seed/tree.ts';
import { CommitStore } from '../sysroot/commits.ts';
import { sandboxLayout } from '../sysroot/layout.ts';
import { removeTree } from '../sysroot/remove-tree.ts';
import { ADVISORIES_KEY, parseAdvisoryArg } from './advisories.ts';
import { packagesFromPkglist, parsePackageArg } from './package-args.ts';
import { updateSummary } from './remote-config.ts';

/** A new compose: changes against the ref's current head. */
export interface PublishOptions {
  readonly version: string;
  /** New packages: `NAME-VERSION-RELEASE[.ARCH]` on Fedora, `NAME[:ARCH]=VERSION` on Debian. */
  readonly add?: readonly string[];
  /** Names of packages to drop. */
  readonly remove?: readonly string[];
  /** Packages to replace (must exist), written as for `add`. */
  readonly upgrade?: readonly string[];
  /** `ID:SEVERITY:NAME,…` security advisories. */
  readonly advisories?: readonly string[];
  /** ISO commit time; default now (at least one second after the parent). */
  readonly timestamp?: string;
  /** Extra generated files, to make a pull big enough to watch (or cancel). */
  readonly padFiles?: number;
}

/** What publish committed. */
export interface Published {
  readonly checksum: string;
  readonly version: string;
  readonly packages: readonly PackageSpec[];
}

/**
 * Releases a new version on the sandbox's upstream repo, as a compose server
 * would: the head's package list with the changes applied, written as a tree,
 * committed to the machine's ref (Fedora's or Debian's, whichever machine
 * `dir` holds) with the compose metadata plus the advisories
 * (`rpmostree.sandbox.advisories`), then the summary is regenerated so pulls
 * see it at once.
 */
export async function publish(dir: string, options: PublishOptions): Promise<Published> {
  const layout = sandboxLayout(dir);
  const machine = await requireMachineOfDir(layout);
  const { universe } = machine;
  const head = (
    await readFile(join(layout.upstreamRepo, 'refs', 'heads', machine.ref), 'utf8')
  ).trim();
  const parent = await new CommitStore(layout.upstreamRepo).load(head);
  const rows = (parent.metadata['rpmostree.rpmdb.pkglist']?.value ?? []) as string[][];
  const current = packagesFromPkglist(universe, rows);
  const byName = new Map(current.map((p) => [p.name, p]));
  for (const name of [...(options.remove ?? [])])
    if (!byName.has(name)) throw new Error(`Cannot remove '${name}': not in ${head.slice(0, 12)}`);
  const updates = [
    ...(options.add ?? []).map((a) => parsePackageArg(universe, a)),
    ...(options.upgrade ?? []).map((a) => {
      const p = parsePackageArg(universe, a);
      const previous = byName.get(p.name);
      if (!previous) throw new Error(`Cannot upgrade '${p.name}': not in ${head.slice(0, 12)}`);
      return parsePackageArg(universe, a, previous);
    }),
  ];
  const packages = applyUpdates(current, updates, options.remove ?? []);
  const advisories = (options.advisories ?? []).map((a) =>
    parseAdvisoryArg(a, packages, machine.cveUrl),
  );
  const minTime = (Number(parent.timestamp) + 1) * 1000;
  const timestamp =
    options.timestamp ??
    new Date(Math.max(Date.now(), minTime)).toISOString().replace(/\.\d+Z$/, 'Z');

  const tree = join(layout.dir, `.publish-${process.pid}`);
  await removeTree(tree);
  try {
    await writeTree(tree, packages, { version: options.version }, machine);
    await writePadding(tree, options.version, options.padFiles ?? 0);
    const checksum = await commitBase(layout.upstreamRepo, tree, {
      ref: machine.ref,
      version: options.version,
      timestamp,
      packages,
      repos: machine.publishRepos(BigInt(Math.floor(Date.parse(timestamp) / 1000))),
      ...(advisories.length > 0
        ? { extraMetadata: { [ADVISORIES_KEY]: gvariantText('a(suuasa{sv})', advisories) } }
        : {}),
    });
    await updateSummary(layout);
    return { checksum, version: options.version, packages };
  } finally {
    await removeTree(tree);
  }
}

async function writePadding(tree: string, version: string, count: number): Promise<void> {
  if (count <= 0) return;
  const dir = join(tree, 'usr', 'share', 'sandbox-padding');
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i++)
    await writeFile(join(dir, `file-${i}`), `${version} ${i} ${'x'.repeat(2048)}\n`);
}
