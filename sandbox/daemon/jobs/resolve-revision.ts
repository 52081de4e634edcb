import { pullRef } from '../../remote/pull.ts';
import { parseRefspec, resolveRev } from '../../sysroot/repo-refs.ts';
import { metaString } from '../../sysroot/commits.ts';
import type { DaemonContext } from '../daemon-context.ts';
import type { TransactionOutput } from '../transaction/transaction-output.ts';

/** `set-revision` parsing (reference §5.3.1): `revision=`/`version=` prefixes, bare 64-hex = checksum. */
export function parseRevision(revision: string): { kind: 'checksum' | 'version'; value: string } {
  const lower = revision.toLowerCase();
  if (lower.startsWith('revision=')) return { kind: 'checksum', value: revision.slice(9) };
  if (lower.startsWith('version=')) return { kind: 'version', value: revision.slice(8) };
  if (/^[0-9a-f]{64}$/.test(revision)) return { kind: 'checksum', value: revision };
  return { kind: 'version', value: revision };
}

/** Walks the local history of `refspec` for a commit with metadata `version`. */
async function findVersion(ctx: DaemonContext, refspec: string, version: string) {
  let checksum = await resolveRev(ctx.layout.repo, refspec);
  while (checksum) {
    let commit;
    try {
      commit = await ctx.commits.load(checksum);
    } catch {
      break;
    }
    if (metaString(commit, 'version') === version) return commit.checksum;
    checksum = commit.parent;
  }
  return null;
}

/**
 * Resolves a revision on `refspec`'s branch. With `out` (network allowed)
 * the ref's history is fetched first (commit objects only) and the chosen
 * commit is pulled with progress; without it only the local cache is used.
 */
export async function resolveRevision(
  ctx: DaemonContext,
  refspec: string,
  revision: string,
  out: TransactionOutput | null,
): Promise<string> {
  const { remote, ref } = parseRefspec(refspec);
  const parsed = parseRevision(revision);
  const pull = (target: string, commitOnly: boolean, depth = 0) =>
    pullRef({
      repo: ctx.layout.repo,
      remote: remote ?? '',
      ref: target,
      commitOnly,
      depth,
      ...(out
        ? {
            signal: out.signal,
            onProgress: (args) => out.downloadProgress(args),
            onStatus: (text) => out.pullMessage(text),
          }
        : {}),
    }).finally(() => out?.pullEnd());
  let checksum: string | null = parsed.value;
  if (parsed.kind === 'version') {
    if (out && remote) await pull(ref, true, -1);
    checksum = await findVersion(ctx, refspec, parsed.value);
    if (!checksum) throw new Error(`Unable to find version ${parsed.value} in ${refspec}`);
  }
  if (out && remote) await pull(checksum, false);
  else await ctx.commits.load(checksum);
  return checksum;
}
