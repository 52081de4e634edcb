import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A sandbox service process (a daemon or stand-in) that has claimed its bus name. */
export interface ServiceProcess {
  readonly pid: number;
  /** Its unique name on the bus, as it printed it. */
  readonly uniqueName: string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** SIGTERM (the service releases its names), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL: a crash, the names vanish without ReleaseName. */
  kill(): void;
}

export interface ServiceProcessOptions {
  /** For messages: "sandbox daemon", "power stand-ins"… */
  readonly what: string;
  /** Where its stderr lines go (default: this process's stderr). */
  readonly log?: (line: string) => void;
  readonly timeoutMs?: number;
  /** How long stop() waits before SIGKILL, unless it is told otherwise. */
  readonly graceMs?: number;
}

/**
 * Spawns `argv` and resolves once it prints `READY [<name>] <unique name>`
 * on stdout — every sandbox service prints that only after RequestName
 * succeeded and its objects exist. Rejects with its last stderr lines when
 * it exits first or takes longer than `timeoutMs`.
 */
export async function startServiceProcess(
  argv: readonly string[],
  options: ServiceProcessOptions,
): Promise<ServiceProcess> {
  const [command, ...args] = argv;
  if (command === undefined) throw new Error(`${options.what}: empty command line`);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const recent: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    recent.push(line);
    if (recent.length > 40) recent.shift();
    log(line);
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const uniqueName = await new Promise<string>((done, fail) => {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${options.what} not ready within ${timeoutMs} ms:\n${recent.join('\n')}`));
    }, timeoutMs);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^READY (?:\S+ )?(\S+)$/.exec(line);
      if (!m) return;
      clearTimeout(timer);
      done(m[1]!);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      fail(
        new Error(`${options.what} exited (${code}) before it was ready:\n${recent.join('\n')}`),
      );
    });
  });
  return {
    pid: child.pid!,
    uniqueName,
    exited,
    async stop(graceMs = options.graceMs ?? 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    kill() {
      child.kill('SIGKILL');
    },
  };
}
