import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KeyFile } from './keyfile.ts';

const CHECKSUM = /^[0-9a-f]{64}$/;

/** ostree_parse_refspec: `remote:ref` or a plain `ref`. */
export function parseRefspec(refspec: string): { remote: string | null; ref: string } {
  const colon = refspec.indexOf(':');
  if (colon < 0) return { remote: null, ref: refspec };
  return { remote: refspec.slice(0, colon), ref: refspec.slice(colon + 1) };
}

/**
 * ostree_repo_resolve_rev(allow_noent=TRUE): a checksum resolves to itself,
 * `remote:ref` to `refs/remotes/remote/ref`, a plain ref to `refs/heads/ref`
 * (then `refs/remotes/ref`). Null when no such ref exists.
 */
export async function resolveRev(repo: string, refspec: string): Promise<string | null> {
  if (CHECKSUM.test(refspec)) return refspec;
  const { remote, ref } = parseRefspec(refspec);
  const candidates =
    remote === null
      ? [join(repo, 'refs', 'heads', ref), join(repo, 'refs', 'remotes', ref)]
      : [join(repo, 'refs', 'remotes', remote, ref)];
  for (const path of candidates) {
    try {
      const rev = (await readFile(path, 'utf8')).trim();
      if (CHECKSUM.test(rev)) return rev;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return null;
}

/**
 * ostree_repo_remote_get_gpg_verify from the repo's config: `gpg-verify`
 * defaults to true; a remote that is not configured yields the GIO NOT_FOUND
 * text libostree uses (shown by the daemon as `remote-error`).
 */
export async function remoteGpgVerify(
  repo: string,
  remote: string,
): Promise<{ readonly gpgVerify: boolean } | { readonly error: string }> {
  const config = KeyFile.parse(await readFile(join(repo, 'config'), 'utf8'), 'repo config');
  const group = `remote "${remote}"`;
  if (!config.hasGroup(group)) return { error: `Remote "${remote}" not found` };
  return { gpgVerify: config.boolean(group, 'gpg-verify') ?? true };
}
