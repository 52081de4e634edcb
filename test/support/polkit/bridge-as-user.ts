import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { CommandArgs, CommandName } from '../../../daemon-bridge/contract/commands.ts';
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import { repoRoot } from '../reference.ts';

const RUNNER = join(dirname(fileURLToPath(import.meta.url)), 'bridge-runner.ts');

/** `nobody` on Debian: no home, no session, no groups. */
export const NOBODY = { uid: 65534, gid: 65534, name: 'nobody' } as const;

/** The app's bridge running as another user (bridge-runner.ts). */
export interface BridgeAsUser {
  /** The uid it reported from inside (proves the switch happened). */
  readonly uid: number;
  /** Its first ready state. */
  readonly ready: AppState;
  /** Every stderr line (the bridge's log). */
  readonly stderr: readonly string[];
  /** Sends one command as the UI would; resolves with the app's answer, rejects if it threw. */
  call<K extends CommandName>(command: K, ...args: CommandArgs<K>): Promise<unknown>;
  /** Ends its stdin (it stops the runtime), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

let bundled: Promise<string> | null = null;

/**
 * bridge-runner.ts and everything it imports (dependencies too) as one CJS
 * file in a directory anyone may read. The other user needs no access to
 * the checkout, which may sit below a directory only its owner can enter
 * (a clone in `mktemp -d`). Built once per test process; the directory goes
 * with the OS's temp dir.
 */
function runnerBundle(): Promise<string> {
  bundled ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oum-bridge-runner-'));
    chmodSync(dir, 0o755);
    const outfile = join(dir, 'bridge-runner.cjs');
    await build({
      absWorkingDir: repoRoot,
      entryPoints: [RUNNER],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'warning',
      // dbus-next's optional native and autolaunch requires, as in helper.cjs.
      external: ['usocket', 'x11'],
    });
    chmodSync(outfile, 0o644);
    return outfile;
  })();
  return bundled;
}

/**
 * Starts the bridge as `user` with `setpriv` (real and effective ids, no
 * supplementary groups) and a bare environment, talking to `busAddress` as
 * its system bus. Resolves once the app reports the daemon ready.
 */
export async function startBridgeAsUser(
  busAddress: string,
  user: { readonly uid: number; readonly gid: number } = NOBODY,
  timeoutMs = 60_000,
): Promise<BridgeAsUser> {
  const runner = await runnerBundle();
  const child = spawn(
    'setpriv',
    [
      `--reuid=${user.uid}`,
      `--regid=${user.gid}`,
      '--clear-groups',
      '--',
      process.execPath,
      runner,
    ],
    {
      cwd: dirname(runner),
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: '/nonexistent',
        DBUS_SYSTEM_BUS_ADDRESS: busAddress,
      },
    },
  );
  const stderr: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const replies = new Map<number, (message: Record<string, unknown>) => void>();
  let onReady: ((message: Record<string, unknown>) => void) | null = null;
  createInterface({ input: child.stdout }).on('line', (line) => {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(line) as Record<string, unknown>;
    } catch {
      stderr.push(`(stdout) ${line}`);
      return;
    }
    if (message.type === 'reply') replies.get(message.id as number)?.(message);
    else onReady?.(message);
  });
  const tail = () => stderr.slice(-30).join('\n');

  const first = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the bridge was not ready within ${timeoutMs} ms:\n${tail()}`));
    }, timeoutMs);
    onReady = (message) => {
      clearTimeout(timer);
      resolve(message);
    };
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the bridge exited (${code}) before it was ready:\n${tail()}`));
    });
  });
  if (first.type !== 'ready') throw new Error(`the bridge failed: ${String(first.message)}`);

  let nextId = 1;
  return {
    uid: first.uid as number,
    ready: first.state as AppState,
    stderr,
    call(command, ...args) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        replies.set(id, (message) => {
          replies.delete(id);
          if ('thrown' in message) reject(new Error(`${command} threw: ${String(message.thrown)}`));
          else resolve(message.value);
        });
        void exited.then((code) => {
          if (!replies.has(id)) return;
          replies.delete(id);
          reject(new Error(`the bridge exited (${code}) during ${command}:\n${tail()}`));
        });
        child.stdin.write(`${JSON.stringify({ id, command, args })}\n`);
      });
    },
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
