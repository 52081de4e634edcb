/**
 * What every fault test needs: a log of the requests the test made as the
 * user (to count the lost ones for the reliability ledger), a record of every
 * snapshot the app published, and the truth to compare the app with
 * (`ostree admin status` on the sandbox's sysroot).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import type { CommandArgs, CommandResults } from '../../../daemon-bridge/contract/commands.ts';
import type { AppState, Result } from '../../../daemon-bridge/contract/domain.ts';
import type { AppRuntime } from '../../../daemon-bridge/runtime.ts';
import type { RunningSandbox, StartSandboxOptions } from '../../../sandbox/launch.ts';
import { publish } from '../../../sandbox/remote/publish.ts';
import type { PublishOptions } from '../../../sandbox/remote/publish.ts';
import { recordReliability } from '../../support/reliability/ledger.ts';
import { ostreeAdminStatus } from '../../support/ostree-status.ts';
import { startSandboxRuntime } from '../../support/sandbox-runtime.ts';
import type { SandboxRuntime } from '../../support/sandbox-runtime.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { waitFor } from '../../support/wait-for.ts';

const run = async (command: string, args: readonly string[]): Promise<string> =>
  (await promisify(execFile)(command, args, { encoding: 'utf8' })).stderr;

/** The requests these tests make: the ones that change the system or read it from the daemon. */
type RequestName =
  | 'stageUpdate'
  | 'checkForUpdates'
  | 'refresh'
  | 'changePackages'
  | 'compareDeployments'
  | 'rollback';

interface Issued {
  readonly command: string;
  outcome: Result<unknown> | null;
}

/**
 * The requests a test makes, as the user would. A request is lost when it
 * neither ran (ok) nor was reported (a failure with a message): still pending
 * when the test ends, or failed without a word.
 */
export class RequestLog {
  private readonly issued: Issued[] = [];
  private survived = 0;

  /** Sends `command` through the runtime's handler, as the renderer would. */
  send<K extends RequestName>(
    runtime: AppRuntime,
    command: K,
    ...args: CommandArgs<K>
  ): Promise<CommandResults[K]> {
    const entry: Issued = { command, outcome: null };
    this.issued.push(entry);
    const reply = runtime.handler.handle(command, args);
    void reply.then((outcome) => (entry.outcome = outcome));
    return reply;
  }

  get inputs(): number {
    return this.issued.length;
  }

  get lost(): number {
    return this.issued.filter(
      ({ outcome }) => outcome === null || (!outcome.ok && outcome.error.message.trim() === ''),
    ).length;
  }

  /** A test calls this after its last assertion: the fault it injected was survived. */
  faultSurvived(): void {
    this.survived++;
  }

  /** Writes this file's line of the reliability ledger (issue #6). */
  record(fault: string): void {
    recordReliability({
      family: 'faults',
      case: fault,
      faults: this.survived,
      inputs: this.inputs,
      lost: this.lost,
    });
  }
}

/** One fault file's sandbox, app runtime and request log; see faultSuite. */
export interface FaultSuite {
  /** The sandbox's directory, made when the suite is declared. */
  readonly dir: { readonly path: string; remove(): void };
  readonly requests: RequestLog;
  /** The following three exist once the suite's beforeAll has run. */
  readonly env: SandboxRuntime;
  readonly sandbox: RunningSandbox;
  readonly runtime: AppRuntime;
}

/**
 * Declares, inside a `describe`, what every fault file sets up: a temp dir
 * (named after `tag`), a request log, a sandbox with the app's runtime on it
 * (started in beforeAll, then `publish`ed to when given), and an afterAll that
 * writes the ledger line for `fault`, stops both and removes the dir.
 */
export function faultSuite(
  tag: string,
  fault: string,
  options: {
    readonly sandbox?: Omit<StartSandboxOptions, 'dir' | 'profile'>;
    readonly publish?: PublishOptions;
  } = {},
): FaultSuite {
  const dir = tempDir(tag);
  const requests = new RequestLog();
  let env: SandboxRuntime | undefined;
  const started = (): SandboxRuntime => {
    if (!env) throw new Error(`the ${tag} sandbox is not running`);
    return env;
  };

  beforeAll(async () => {
    env = await startSandboxRuntime(dir.path, { sandbox: options.sandbox });
    if (options.publish) await publish(dir.path, options.publish);
  }, 120_000);

  afterAll(async () => {
    requests.record(fault);
    await env?.stop();
    dir.remove();
  });

  return {
    dir,
    requests,
    get env() {
      return started();
    },
    get sandbox() {
      return started().sandbox;
    },
    get runtime() {
      return started().runtime;
    },
  };
}

/** Every snapshot the runtime publishes, from now on. */
export function recordStates(runtime: AppRuntime): AppState[] {
  const seen: AppState[] = [];
  runtime.manager.subscribe((s) => seen.push(s));
  return seen;
}

/** `checksum.serial` of each deployment, in boot order, as ostree itself lists them. */
export function ostreeDeployments(dir: string): string[] {
  return ostreeAdminStatus(join(dir, 'sysroot')).map((d) => `${d.checksum}.${d.serial}`);
}

/** The same, as the app shows them. */
export function appDeployments(state: AppState): string[] {
  return (state.system?.deployments ?? []).map((d) => `${d.checksum}.${d.serial}`);
}

/**
 * Waits until the app is connected and shows the machine as ostree sees it,
 * with no transaction running: the app recovered to the true state.
 */
export async function waitForTrueState(
  runtime: AppRuntime,
  dir: string,
  timeoutMs = 20_000,
): Promise<AppState> {
  return waitFor(
    'the app showing the true state',
    () => {
      const s = runtime.manager.snapshot;
      if (s.daemon.kind !== 'ready' || s.system?.activeTransaction !== null) return undefined;
      return appDeployments(s).join() === ostreeDeployments(dir).join() ? s : undefined;
    },
    timeoutMs,
    200,
  );
}

/**
 * What libostree itself says when pulling `ref` from `url` fails: the
 * `ostree pull` CLI in a scratch repository, its "error: " line. Object
 * paths differ between two pulls, so they are replaced by `objects/…`.
 * Asynchronous: the sandbox's HTTP remote runs in this very process.
 */
export async function libostreePullError(
  scratchParent: string,
  url: string,
  ref: string,
): Promise<string> {
  const repo = mkdtempSync(join(scratchParent, 'cli-pull-'));
  try {
    await run('ostree', ['init', '--mode=archive', `--repo=${repo}`]);
    await run('ostree', ['remote', 'add', '--no-gpg-verify', `--repo=${repo}`, 'mirror', url]);
    const stderr = await run('ostree', ['pull', `--repo=${repo}`, 'mirror', ref]).then(
      () => {
        throw new Error('the pull from the faulty mirror succeeded');
      },
      (err: { stderr?: string }) => err.stderr ?? '',
    );
    const line = stderr.split('\n').find((l) => l.startsWith('error: ')) ?? stderr;
    return withoutObjectPaths(line.replace(/^error: /, '').trim());
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

/** Replaces object paths (`objects/ab/cdef….filez`) so two pulls' messages compare. */
export function withoutObjectPaths(text: string): string {
  return text.replace(/objects\/[0-9a-f]{2}\/[0-9a-f]{62}\.\w+/g, 'objects/…');
}
