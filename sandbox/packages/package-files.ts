import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { nevra } from '../seed/packages.ts';
import type { PackageSpec } from '../seed/packages.ts';

/** One filesystem entry a package installs, relative to the tree root. */
export type PackageFile =
  | {
      readonly kind: 'file';
      readonly path: string;
      readonly content: string;
      readonly mode: number;
    }
  | { readonly kind: 'symlink'; readonly path: string; readonly target: string };

/**
 * What a demo package installs: a README under /usr/share/doc/<name>, its
 * executables in /usr/bin (small shell scripts naming the package) and any
 * other listed files. The seed's composes, publish and client-side layering
 * all write packages through this, so a package's files are the same
 * wherever it lands, and an override removal knows what to delete.
 */
export function packageFiles(p: PackageSpec): PackageFile[] {
  const id = nevra(p);
  const files: PackageFile[] = [
    {
      kind: 'file',
      path: `usr/share/doc/${p.name}/README`,
      content: `${id}\n${p.summary}\n`,
      mode: 0o644,
    },
  ];
  for (const bin of p.bins ?? []) {
    // /usr/bin/sh is a symlink: to bash on Fedora, to dash on Debian.
    if ((p.name === 'bash' || p.name === 'dash') && bin === 'sh')
      files.push({ kind: 'symlink', path: 'usr/bin/sh', target: p.name });
    else
      files.push({
        kind: 'file',
        path: `usr/bin/${bin}`,
        content: `#!/bin/sh\necho "${bin} from ${id}"\n`,
        mode: 0o755,
      });
  }
  for (const path of p.files ?? [])
    files.push({ kind: 'file', path: path.replace(/^\/+/, ''), content: `${id}\n`, mode: 0o644 });
  return files;
}

/** The directory a package's README lives in (removed with the package). */
export function packageDocDir(p: PackageSpec): string {
  return `usr/share/doc/${p.name}`;
}

/** Writes `p`'s files into the tree at `root` (replacing what is there, never writing through a link). */
export async function writePackageFiles(root: string, p: PackageSpec): Promise<void> {
  for (const f of packageFiles(p)) {
    const full = join(root, f.path);
    await mkdir(dirname(full), { recursive: true });
    // A checkout may hardlink repository objects: unlink first, never overwrite in place.
    await rm(full, { force: true });
    if (f.kind === 'symlink') await symlink(f.target, full);
    else await writeFile(full, f.content, { mode: f.mode });
  }
}

/** Deletes `p`'s files (and its doc directory) from the tree at `root`. */
export async function removePackageFiles(root: string, p: PackageSpec): Promise<void> {
  for (const f of packageFiles(p)) await rm(join(root, f.path), { force: true });
  await rm(join(root, packageDocDir(p)), { recursive: true, force: true });
}
