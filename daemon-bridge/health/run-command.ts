import { spawn } from 'node:child_process';

export interface CommandOutput {
  /** Exit status; null when killed (timeout). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program; rejects only when it cannot be started (ENOENT, EACCES). */
export type CommandRunner = (
  file: string,
  args: readonly string[],
  options?: { readonly timeoutMs?: number; readonly maxBytes?: number },
) => Promise<CommandOutput>;

/**
 * A small execFile: no shell, stdin closed, C locale (so messages are the
 * ones the parsers expect), output capped at `maxBytes` per stream (more is
 * dropped), killed after `timeoutMs`.
 */
export const runCommand: CommandRunner = (file, args, options = {}) =>
  new Promise((resolve, reject) => {
    const maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
    const child = spawn(file, [...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C.UTF-8', SYSTEMD_PAGER: '', SYSTEMD_COLORS: '0' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const collect = (into: Buffer[]) => {
      let size = 0;
      return (chunk: Buffer) => {
        if (size >= maxBytes) return;
        into.push(chunk.subarray(0, maxBytes - size));
        size += chunk.length;
      };
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
