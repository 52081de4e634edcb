import { execFile } from 'node:child_process';

/** What one ostree run gave: its stdout, or its own error text. */
export type OstreeOutcome =
  { readonly ok: true; readonly stdout: string } | { readonly ok: false; readonly message: string };

/** Runs `ostree` with an argv array; injectable so the pin logic can be tested without ostree. */
export type OstreeRunner = (args: readonly string[]) => Promise<OstreeOutcome>;

/**
 * The real ostree CLI through execFile (never a shell: each argument reaches
 * ostree as one argv element). The environment matches
 * sandbox/sysroot/ostree-cli.ts: C.UTF-8 so messages are not translated,
 * and `mutable-deployments` so ostree never sets the immutable bit on a
 * deployment root; pinning only rewrites the `.origin` file next to the
 * root, so on a real system the flag changes nothing.
 */
export const runOstree: OstreeRunner = (args) =>
  new Promise((resolve) => {
    execFile(
      'ostree',
      [...args],
      {
        maxBuffer: 16 * 1024 * 1024,
        timeout: 5 * 60_000,
        env: { ...process.env, LC_ALL: 'C.UTF-8', OSTREE_SYSROOT_DEBUG: 'mutable-deployments' },
      },
      (err, stdout, stderr) => {
        if (!err) resolve({ ok: true, stdout });
        else resolve({ ok: false, message: ostreeErrorText(stderr, err) });
      },
    );
  });

/**
 * ostree's own words: its `error: …` line without the prefix (it prints its
 * usage text before it on some errors), else all of stderr, else how the
 * process failed (not found, killed by the timeout).
 */
export function ostreeErrorText(stderr: string, err?: Error & { code?: unknown }): string {
  const lines = stderr.split('\n').map((l) => l.trim());
  const errorLines = lines.filter((l) => l.startsWith('error: '));
  if (errorLines.length > 0) return errorLines.map((l) => l.slice('error: '.length)).join('\n');
  const text = stderr.trim();
  if (text) return text;
  if (err?.code === 'ENOENT') return 'The ostree command is not installed';
  return err?.message ?? 'ostree failed';
}
