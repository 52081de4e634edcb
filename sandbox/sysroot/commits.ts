import type { Variant } from 'dbus-next';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeGVariant } from '../gvariant/decode.ts';

/** An ostree commit object: `(a{sv}aya(say)sstayay)`. */
export interface Commit {
  readonly checksum: string;
  /** Commit metadata as stored (values in host byte order, as the daemon reads them). */
  readonly metadata: Readonly<Record<string, Variant>>;
  readonly parent: string | null;
  readonly subject: string;
  readonly body: string;
  /** Seconds since the epoch (stored big-endian in the object; converted here). */
  readonly timestamp: bigint;
}

const COMMIT_TYPE = '(a{sv}aya(say)sstayay)';

/**
 * Reads commit objects from a repository's object store. Commits are
 * immutable, so each is decoded once and cached by checksum.
 */
export class CommitStore {
  private readonly cache = new Map<string, Commit>();

  constructor(private readonly repoPath: string) {}

  async load(checksum: string): Promise<Commit> {
    const hit = this.cache.get(checksum);
    if (hit) return hit;
    const path = join(
      this.repoPath,
      'objects',
      checksum.slice(0, 2),
      `${checksum.slice(2)}.commit`,
    );
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        throw new Error(`No such metadata object ${checksum}.commit`);
      throw err;
    }
    const commit = parseCommit(checksum, data);
    this.cache.set(checksum, commit);
    return commit;
  }
}

function parseCommit(checksum: string, data: Buffer): Commit {
  const [metadata, parent, , subject, body, timestamp] = decodeGVariant(COMMIT_TYPE, data) as [
    Record<string, Variant>,
    Buffer,
    unknown,
    string,
    string,
    bigint,
  ];
  return {
    checksum,
    metadata,
    parent: parent.length === 32 ? parent.toString('hex') : null,
    subject,
    body,
    timestamp: swap64(timestamp),
  };
}

/** ostree_commit_get_timestamp: the field is big-endian on disk. */
function swap64(v: bigint): bigint {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(v);
  return b.readBigUInt64BE();
}

/** A string metadata value, or undefined if absent or of another type. */
export function metaString(commit: Commit, key: string): string | undefined {
  const v = commit.metadata[key];
  return v?.signature === 's' && typeof v.value === 'string' ? v.value : undefined;
}
