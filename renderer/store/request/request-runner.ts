import type { AppError, Result } from '../../../daemon-bridge/contract/domain.ts';
import type { SetState } from '../app-store.ts';
import type { ActionCommand, RequestStatus } from './request-slice.ts';

/** Runs the commands that change the system, for every slice that has some. */
export interface RequestRunner {
  /**
   * Runs one command and always leaves `running`, so the UI is never stuck in
   * "working". A request made while another runs is sent too — never dropped:
   * the main process runs them in order. A failure is always reported; a
   * success shows whatever is still outstanding, else idle. Resolves to
   * whether the command succeeded. `again` is what "Try again" does after a
   * failure (default: the same call through run); an action that does more
   * than the call (the kernel-argument draft) passes itself.
   */
  readonly run: (
    command: ActionCommand,
    call: () => Promise<Result<null>>,
    again?: () => Promise<unknown>,
  ) => Promise<boolean>;
  /** Sends one command without marking it running; reports only a failure. */
  readonly runQuietly: (command: ActionCommand, call: () => Promise<Result<null>>) => Promise<void>;
  /** "Try again": sends the request whose failure is shown once more, as it was made. */
  readonly retry: () => Promise<void>;
}

export function errorOf(err: unknown): AppError {
  return { kind: 'protocol', message: err instanceof Error ? err.message : String(err) };
}

async function settle(
  command: ActionCommand,
  call: () => Promise<Result<null>>,
): Promise<RequestStatus> {
  try {
    const result = await call();
    return result.ok ? { kind: 'idle' } : { kind: 'failed', command, error: result.error };
  } catch (err) {
    return { kind: 'failed', command, error: errorOf(err) };
  }
}

/** One runner per store, so requests from every view share one "outstanding" list. */
export function createRequestRunner(set: SetState): RequestRunner {
  /** Requests sent and not yet answered, oldest first. */
  const outstanding: ActionCommand[] = [];
  /** How to send the request whose failure is shown once more. */
  let retry: (() => Promise<unknown>) | null = null;
  const reportFailure = (status: RequestStatus, again: () => Promise<unknown>) => {
    retry = again;
    set({ request: status });
  };
  const runner: RequestRunner = {
    async run(command, call, again) {
      outstanding.push(command);
      set({ request: { kind: 'running', command } });
      const outcome = await settle(command, call);
      outstanding.splice(outstanding.indexOf(command), 1);
      const next = outstanding.at(-1);
      if (outcome.kind === 'failed')
        reportFailure(outcome, again ?? (() => runner.run(command, call)));
      else set({ request: next ? { kind: 'running', command: next } : outcome });
      return outcome.kind !== 'failed';
    },
    async runQuietly(command, call) {
      const outcome = await settle(command, call);
      if (outcome.kind === 'failed') reportFailure(outcome, () => runner.runQuietly(command, call));
    },
    async retry() {
      const again = retry;
      retry = null;
      await again?.();
    },
  };
  return runner;
}
