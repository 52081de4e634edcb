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
   * whether the command succeeded.
   */
  readonly run: (command: ActionCommand, call: () => Promise<Result<null>>) => Promise<boolean>;
  /** Sends one command without marking it running; reports only a failure. */
  readonly runQuietly: (command: ActionCommand, call: () => Promise<Result<null>>) => Promise<void>;
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
  return {
    async run(command, call) {
      outstanding.push(command);
      set({ request: { kind: 'running', command } });
      const outcome = await settle(command, call);
      outstanding.splice(outstanding.indexOf(command), 1);
      const next = outstanding.at(-1);
      if (outcome.kind === 'failed') set({ request: outcome });
      else set({ request: next ? { kind: 'running', command: next } : outcome });
      return outcome.kind !== 'failed';
    },
    async runQuietly(command, call) {
      const outcome = await settle(command, call);
      if (outcome.kind === 'failed') set({ request: outcome });
    },
  };
}
