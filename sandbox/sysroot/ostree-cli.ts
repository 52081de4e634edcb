import { execFile } from 'node:child_process';

/** `ostree` exited non-zero; `stderr` holds its message. */
export class OstreeCommandError extends Error {
  override readonly name = 'OstreeCommandError';
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
  ) {
    super(`ostree ${args.join(' ')}: ${stderr.trim() || 'failed'}`);
  }
}

/**
 * Runs the ostree CLI and resolves with its trimmed stdout.
 * `mutable-deployments` stops ostree (when run as root) from setting the
 * immutable attribute on deployment roots, so a sandbox directory can be
 * deleted with plain `rm -rf`; nothing on the D-Bus side depends on it.
 */
export function ostree(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'ostree',
      [...args],
      {
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, LC_ALL: 'C.UTF-8', OSTREE_SYSROOT_DEBUG: 'mutable-deployments' },
      },
      (err, stdout, stderr) => {
        if (err) reject(new OstreeCommandError(args, stderr || err.message));
        else resolve(stdout.trim());
      },
    );
  });
}
