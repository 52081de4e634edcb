import type { HelperStatus, UserUpdatePolicy } from '../contract/desktop.ts';
import { fail } from '../contract/domain.ts';
import type { AppError, Result } from '../contract/domain.ts';
import { helperRequest } from '../contract/helper-protocol.ts';
import type { HelperRequest } from '../contract/helper-protocol.ts';
import type { PinTarget } from '../desktop-port.ts';
import type { Logger } from '../logger.ts';
import type { HelperLaunch } from './helper-launch.ts';
import { HelperProcess } from './helper-process.ts';

/** Two minutes: long enough for a person to read the password dialog and type. */
export const DEFAULT_HELPER_TIMEOUT_MS = 120_000;

export interface HelperClientOptions {
  readonly launch: HelperLaunch;
  readonly log: Logger;
  /** Per request, including the time the password dialog is open. */
  readonly timeoutMs?: number;
  /** How long stop() waits for the helper to exit after closing its stdin. */
  readonly stopGraceMs?: number;
}

/**
 * The main-process side of the privileged helper. Starts it lazily on the
 * first request (one pkexec prompt per session, thanks to auth_admin_keep
 * and the helper staying up), restarts it on the next request after it
 * died, and turns everything that can go wrong into a failed Result.
 */
export class HelperClient {
  private process: HelperProcess | null = null;
  private nextId = 1;
  private stopped = false;
  private current: HelperStatus = { kind: 'not-started' };
  private readonly listeners = new Set<(status: HelperStatus) => void>();
  private readonly timeoutMs: number;

  constructor(private readonly options: HelperClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_HELPER_TIMEOUT_MS;
  }

  get status(): HelperStatus {
    return this.current;
  }

  /** Calls `listener` on every status change; returns the unsubscribe function. */
  onStatus(listener: (status: HelperStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Pins or unpins deployment `target.index`, if it still is `target`'s deployment. */
  pin(target: PinTarget): Promise<Result<null>> {
    return this.request((id) => ({
      id,
      method: 'pin',
      params: {
        index: target.index,
        osname: target.osname,
        checksum: target.checksum,
        serial: target.serial,
        pinned: target.pinned,
      },
    }));
  }

  /** Sets the daemon's AutomaticUpdatePolicy (its config file, then ReloadConfig). */
  setAutomaticUpdatePolicy(policy: UserUpdatePolicy): Promise<Result<null>> {
    return this.request((id) => ({
      id,
      method: 'set-automatic-update-policy',
      params: { policy },
    }));
  }

  /** Ends the helper for good (app quit): later requests fail instead of prompting again. */
  async stop(): Promise<void> {
    this.stopped = true;
    const running = this.process;
    this.process = null;
    if (running) await running.close(this.options.stopGraceMs ?? 5000);
    this.setStatus({ kind: 'stopped', message: null });
  }

  private async request(build: (id: number) => HelperRequest): Promise<Result<null>> {
    if (this.stopped)
      return fail({
        kind: 'daemon-unavailable',
        message: 'The privileged helper has been shut down with the app.',
      });
    const checked = helperRequest.safeParse(build(this.nextId++));
    if (!checked.success)
      return fail({
        kind: 'invalid-input',
        message: `Not a valid request for the helper: ${checked.error.issues[0]?.message ?? 'rejected'}`,
      });
    return this.ensureProcess().send(checked.data, this.timeoutMs);
  }

  private ensureProcess(): HelperProcess {
    if (this.process?.alive) return this.process;
    this.options.log.info(
      `starting the privileged helper: ${[this.options.launch.command, ...this.options.launch.args].join(' ')}`,
    );
    const started: HelperProcess = new HelperProcess(this.options.launch, this.options.log, {
      onHello: () => {
        if (this.process === started) this.setStatus({ kind: 'running' });
      },
      onGone: (error) => this.onGone(started, error),
    });
    this.process = started;
    return started;
  }

  private onGone(gone: HelperProcess, error: AppError | null): void {
    if (this.process !== gone) return;
    this.process = null;
    if (error) this.options.log.warn(`privileged helper: ${error.message}`);
    this.setStatus({ kind: 'stopped', message: error?.message ?? null });
  }

  private setStatus(status: HelperStatus): void {
    const same =
      status.kind === this.current.kind &&
      (status.kind !== 'stopped' ||
        (this.current.kind === 'stopped' && status.message === this.current.message));
    if (same) return;
    this.current = status;
    for (const listener of this.listeners) listener(status);
  }
}
