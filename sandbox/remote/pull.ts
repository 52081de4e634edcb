import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { DownloadProgressArgs } from '../daemon/transaction/transaction-output.ts';

const PULL_PY = join(dirname(fileURLToPath(import.meta.url)), 'pull.py');
/** Debian's python3 (with gi); the one on PATH may lack it (spikes §2d). */
const PYTHON = process.env.SANDBOX_PYTHON ?? '/usr/bin/python3';

export interface PullOptions {
  readonly repo: string;
  readonly remote: string;
  readonly ref: string;
  /** History depth (-1 = all, 0 = just the commit; libostree's `depth`). */
  readonly depth?: number;
  /** Only the commit object (rpm-ostree's download-metadata-only). */
  readonly commitOnly?: boolean;
  /** Aborting kills the pull: the ref and the deployments stay as they were. */
  readonly signal?: AbortSignal;
  /** OstreeAsyncProgress as DownloadProgress's tuples (reference §7.3). */
  readonly onProgress?: (args: DownloadProgressArgs) => void;
  /** A progress status string (rpm-ostree sends it as a Message). */
  readonly onStatus?: (text: string) => void;
}

type Values = Record<string, number>;

function tuples(v: Values): DownloadProgressArgs {
  const start = BigInt(v['start-time'] ?? 0);
  const now = BigInt(v.now ?? 0);
  const elapsed = start > 0n && now > start ? (now - start) / 1_000_000n : 0n;
  const bytes = BigInt(v['bytes-transferred'] ?? 0);
  const u = (k: string) => v[k] ?? 0;
  return [
    [start, elapsed],
    [u('outstanding-fetches'), u('outstanding-writes')],
    [u('scanned-metadata'), u('metadata-fetched'), u('outstanding-metadata-fetches')],
    [
      u('total-delta-parts'),
      u('fetched-delta-parts'),
      u('total-delta-superblocks'),
      BigInt(u('total-delta-part-size')),
    ],
    [u('fetched'), u('requested')],
    [bytes, elapsed > 0n ? bytes / elapsed : 0n],
  ];
}

/**
 * A real `ostree pull` through libostree (python3-gi, `pull.py`) with its
 * progress; resolves with the pulled checksum. Errors reject with libostree's
 * message (e.g. `While fetching …: [7] Couldn't connect to server`); an abort
 * kills the process and rejects with "Operation was cancelled".
 */
export function pullRef(options: PullOptions): Promise<string> {
  const args = [PULL_PY, options.repo, options.remote, options.ref];
  if (options.commitOnly) args.push('--commit-only');
  if (options.depth) args.push('--depth', String(options.depth));
  const child = spawn(PYTHON, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let done: string | null = null;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    let msg: { progress?: Values; status?: string; done?: string };
    try {
      msg = JSON.parse(line) as typeof msg;
    } catch {
      return;
    }
    if (msg.progress) options.onProgress?.(tuples(msg.progress));
    else if (typeof msg.status === 'string') options.onStatus?.(msg.status);
    else if (typeof msg.done === 'string') done = msg.done;
  });
  const onAbort = () => child.kill('SIGKILL');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  return new Promise((resolve, reject) => {
    child.once('error', (err) => reject(new Error(`Cannot run ${PYTHON}: ${err.message}`)));
    child.once('close', (code) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (options.signal?.aborted) reject(new Error('Operation was cancelled'));
      else if (code === 0 && done) resolve(done);
      else reject(new Error(stderr.trim().split('\n').pop() || `pull failed (${code})`));
    });
  });
}
