import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { AppError, Result } from '../contract/domain.ts';
import { fail, ok } from '../contract/domain.ts';
import {
  encodeHelperRequest,
  HELPER_MAX_LINE_BYTES,
  parseHelperReply,
} from '../contract/helper-protocol.ts';
import type { HelperRequest } from '../contract/helper-protocol.ts';
import type { Logger } from '../logger.ts';
import { exitError, spawnError } from './helper-exit.ts';
import type { HelperLaunch } from './helper-launch.ts';
import { LineSplitter } from './line-splitter.ts';

interface Pending {
  readonly resolve: (result: Result<null>) => void;
  readonly timer: NodeJS.Timeout;
}

export interface HelperProcessEvents {
  /** The helper wrote its hello: it runs (behind pkexec: authentication succeeded). */
  onHello(): void;
  /** The process is gone or abandoned; `error` is null when it was closed on request. */
  onGone(error: AppError | null): void;
}

/**
 * One run of the helper: the child process, its pending requests (answered
 * in order, so the oldest is the one a reply without a usable id belongs
 * to), and how it ended. Never throws at its caller: every failure becomes
 * a failed Result of the requests it affects.
 */
export class HelperProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private readonly stderrTail: string[] = [];
  private readonly exited: Promise<void>;
  private closing = false;
  private gone = false;

  constructor(
    launch: HelperLaunch,
    private readonly log: Logger,
    private readonly events: HelperProcessEvents,
  ) {
    this.child = spawn(launch.command, [...launch.args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...launch.env },
    });
    let onExit: () => void = () => undefined;
    this.exited = new Promise((resolve) => (onExit = resolve));
    let spawned = false;
    this.child.once('spawn', () => (spawned = true));
    // Also after the start: kill() reports a refused signal as an 'error' event.
    this.child.on('error', (err: NodeJS.ErrnoException) => {
      if (spawned) {
        this.log.warn(`helper: ${err.message}`);
        return;
      }
      onExit();
      this.end(spawnError(launch, err));
    });
    // 'close', not 'exit': it comes after stdout is drained, so a last reply is not lost.
    this.child.once('close', (code, signal) => {
      onExit();
      this.end(this.closing ? null : exitError(launch, code, signal, this.stderrTail));
    });
    // EPIPE when it died first: 'exit' reports that.
    this.child.stdin.on('error', () => undefined);
    const splitter = new LineSplitter(HELPER_MAX_LINE_BYTES);
    this.child.stdout.on('data', (chunk: Buffer) => {
      for (const event of splitter.push(chunk))
        if (event.kind === 'line') this.onLine(event.line);
        else this.failOldest(`Reply longer than ${HELPER_MAX_LINE_BYTES} bytes`, null);
    });
    const errSplitter = new LineSplitter(4096);
    this.child.stderr.on('data', (chunk: Buffer) => {
      for (const event of errSplitter.push(chunk)) {
        if (event.kind !== 'line' || event.line.trim() === '') continue;
        this.stderrTail.push(event.line);
        if (this.stderrTail.length > 8) this.stderrTail.shift();
        this.log.info(`helper: ${event.line}`);
      }
    });
  }

  /** False once it exited or was abandoned: the client starts a new one. */
  get alive(): boolean {
    return !this.gone;
  }

  /** Sends one request and resolves with its reply, a timeout, or how the process ended. */
  send(request: HelperRequest, timeoutMs: number): Promise<Result<null>> {
    if (this.gone) return Promise.resolve(fail(goneError));
    let line: string;
    try {
      line = encodeHelperRequest(request);
    } catch {
      return Promise.resolve(
        fail({ kind: 'invalid-input', message: 'Not a valid request for the helper.' }),
      );
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const seconds = Math.ceil(timeoutMs / 1000);
        this.log.warn(
          `helper: no reply to request ${request.id} within ${seconds} s; abandoning it`,
        );
        // Its reply can no longer be trusted to match: start afresh next time.
        this.abandon({
          kind: 'daemon-unavailable',
          message: `The privileged helper did not answer within ${seconds} s; the change may still take effect. Look at the list again before retrying.`,
        });
      }, timeoutMs);
      this.pending.set(request.id, { resolve, timer });
      this.child.stdin.write(line);
    });
  }

  /** Closes stdin (the helper finishes its current request and exits); SIGTERM after `graceMs`. */
  async close(graceMs: number): Promise<void> {
    this.closing = true;
    this.child.stdin.end();
    const waited = await settle(this.exited, graceMs);
    if (!waited) {
      // Behind pkexec the helper runs as root and this is refused (EPERM); the closed stdin still ends it.
      tryKill(this.child);
      await settle(this.exited, 2000);
    }
    this.end(null);
  }

  private onLine(line: string): void {
    const parsed = parseHelperReply(line);
    if (!parsed.ok) {
      this.failOldest(parsed.message, parsed.id);
      return;
    }
    const message = parsed.message;
    if ('hello' in message) {
      this.events.onHello();
      return;
    }
    const id = message.id ?? this.oldestId();
    if (id === undefined || !this.pending.has(id)) {
      this.log.warn(`helper: reply for no pending request (${line.slice(0, 200)})`);
      return;
    }
    this.settle(id, message.ok ? ok(null) : fail(message.error));
  }

  private failOldest(message: string, id: number | null): void {
    const target = id !== null && this.pending.has(id) ? id : this.oldestId();
    this.log.warn(`helper: protocol error: ${message}`);
    if (target === undefined) return;
    this.settle(
      target,
      fail({ kind: 'protocol', message: `The privileged helper answered wrongly: ${message}` }),
    );
  }

  private oldestId(): number | undefined {
    return this.pending.keys().next().value;
  }

  private settle(id: number, result: Result<null>): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(result);
  }

  /** Fails everything pending and lets the process end on its own; late replies are logged and dropped. */
  private abandon(error: AppError): void {
    this.closing = true;
    this.child.stdin.end();
    tryKill(this.child);
    this.end(error);
  }

  private end(error: AppError | null): void {
    if (this.gone) {
      this.failAll(error ?? goneError);
      return;
    }
    this.gone = true;
    this.failAll(error ?? goneError);
    this.events.onGone(error);
  }

  private failAll(error: AppError): void {
    for (const id of [...this.pending.keys()]) this.settle(id, fail(error));
  }
}

const goneError: AppError = {
  kind: 'daemon-unavailable',
  message: 'The privileged helper was stopped before it answered.',
};

function tryKill(child: ChildProcessWithoutNullStreams): void {
  try {
    child.kill('SIGTERM');
  } catch {
    // not ours to signal (root behind pkexec), or already gone
  }
}

/** True when `promise` settled within `ms`. */
function settle(promise: Promise<void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
