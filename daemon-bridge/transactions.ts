import { activityLost, reduceActivity, startActivity } from './activity.ts';
import type { ActiveTransaction, AppError, Result } from './contract/domain.ts';
import { fail, ok } from './contract/domain.ts';
import type { Activity, QueuedRequest } from './contract/updates.ts';
import type { DaemonPort } from './daemon-port.ts';
import { DBUS_ERRORS, toAppError } from './errors.ts';
import { commandLineOf } from './requests.ts';
import type { TransactionRequest } from './requests.ts';
import type { TransactionEvent } from './rpm-ostree/transaction/events.ts';
import type { TransactionInfo } from './rpm-ostree/transaction/index.ts';

/** How the transaction side reports to the manager. */
export interface TransactionHost {
  port(): DaemonPort | null;
  now(): number;
  /** `urgent` = publish now (start, end); otherwise coalesce progress floods. */
  setActivity(activity: Activity | null, urgent: boolean): void;
  setQueued(queued: QueuedRequest | null): void;
}

/**
 * BUSY while the daemon shows no transaction of its own means the sysroot
 * lock is held by someone else (`ostree admin`, our helper pinning, bootc):
 * no property change will say when it is free, so ask again this often…
 */
export const LOCK_RETRY_MS = 1000;
/** …and after this many tries report the daemon's answer ("System transaction in progress"). */
export const LOCK_RETRIES = 10;

/**
 * Runs this app's transactions one at a time, waits behind another client's
 * transaction when the daemon is busy (and runs the request afterwards), and
 * observes other clients' transactions so the panel always tells the truth.
 */
export class Transactions {
  private own: { abort: AbortController; address: string | null } | null = null;
  private observing: { address: string; detach: AbortController } | null = null;
  private idleWaiters: (() => void)[] = [];
  private activity: Activity | null = null;
  /** The daemon's ActiveTransaction as last read. */
  private daemonActive: ActiveTransaction | null = null;

  constructor(private readonly host: TransactionHost) {}

  /** Runs `request` to its end. Expected failures are results, never rejections. */
  async run(request: TransactionRequest, name: string): Promise<Result<null>> {
    let askedAgain = false;
    let lockWaits = 0;
    for (;;) {
      const port = this.host.port();
      if (!port)
        return fail({ kind: 'daemon-unavailable', message: 'Not connected to an update daemon.' });
      const abort = new AbortController();
      this.own = { abort, address: null };
      let address: string;
      try {
        address = await port.start(request);
      } catch (err) {
        this.own = null;
        const error = toAppError(err);
        // NoReply: the daemon left without answering (it crashed, or exited in the
        // idle-exit race of reference §2.2). Whatever it had begun died with it and
        // nothing runs before Start, so asking once more is safe: the bus
        // activates a new daemon, as rpm-ostree's CLI does for RegisterClient.
        if (error.detail === DBUS_ERRORS.noReply && !askedAgain) {
          askedAgain = true;
          continue;
        }
        const locked = error.kind === 'daemon-busy' && !this.daemonActive;
        if (error.kind !== 'daemon-busy' || (locked && lockWaits >= LOCK_RETRIES)) {
          this.host.setQueued(null);
          return fail(error);
        }
        // Another client holds the daemon: wait for it, then ask again.
        this.host.setQueued({
          command: name,
          commandLine: commandLineOf(request),
          since: this.host.now(),
        });
        if (locked) {
          lockWaits++;
          await this.waitForIdle(LOCK_RETRY_MS);
        } else await this.waitForIdle();
        continue;
      }
      this.host.setQueued(null);
      if (address === '') {
        this.own = null;
        return ok(null);
      }
      this.own.address = address;
      try {
        return await this.follow(port, address, request, abort);
      } finally {
        this.own = null;
      }
    }
  }

  private async follow(
    port: DaemonPort,
    address: string,
    request: TransactionRequest,
    abort: AbortController,
  ): Promise<Result<null>> {
    this.setActivity(
      startActivity({
        title: request.kind,
        initiator: 'this app',
        owner: 'this-app',
        commandLine: commandLineOf(request),
        now: this.host.now(),
      }),
      true,
    );
    try {
      const outcome = await port.follow(address, 'run', {
        signal: abort.signal,
        onInfo: (info) => this.infoRead(info),
        onEvent: (event) => this.onEvent(event, abort.signal.aborted),
      });
      // Finished travels on the peer socket, properties on the bus: Reload is the barrier.
      await port.refresh().catch(() => undefined);
      if (outcome.success) return ok(null);
      const error: AppError = abort.signal.aborted
        ? { kind: 'cancelled', message: outcome.message || 'Cancelled.' }
        : { kind: 'transaction-failed', message: outcome.message || 'The transaction failed.' };
      return fail(error);
    } catch (err) {
      const error = toAppError(err);
      this.update((a) => activityLost(a, error.message, this.host.now()), true);
      // The daemon died or dropped us: read what the system looks like now (the
      // call activates a new daemon), so no stale ActiveTransaction stays shown.
      await port.refresh().catch(() => undefined);
      return fail(error);
    }
  }

  /** Cancel: ours through its AbortSignal, someone else's like `rpm-ostree cancel`. */
  async cancel(active: ActiveTransaction | null): Promise<Result<null>> {
    if (this.own?.address) {
      this.own.abort.abort();
      return ok(null);
    }
    const port = this.host.port();
    if (!active || !port)
      return fail({ kind: 'invalid-input', message: 'No transaction is running.' });
    try {
      await port.cancel(active.address);
      return ok(null);
    } catch (err) {
      return fail(toAppError(err));
    }
  }

  /** Called with every new daemon state: follows other clients' transactions. */
  activeTransactionChanged(active: ActiveTransaction | null): void {
    this.daemonActive = active && active.address !== '' ? active : null;
    if (!active || active.address === '') {
      for (const wake of this.idleWaiters.splice(0)) wake();
      if (this.observing && this.activity?.phase === 'running') {
        // It closed without us seeing Finished: we attached too late to learn the outcome.
        this.observing.detach.abort();
        this.setActivity(null, true);
      }
      return;
    }
    if (this.own || this.observing?.address === active.address) return;
    void this.observe(active);
  }

  /** Wakes requests queued behind a busy daemon, e.g. when the daemon went away. */
  wakeQueued(): void {
    for (const wake of this.idleWaiters.splice(0)) wake();
  }

  dismiss(): void {
    if (this.activity && this.activity.phase !== 'running') this.setActivity(null, true);
  }

  private async observe(active: ActiveTransaction): Promise<void> {
    const port = this.host.port();
    if (!port) return;
    const detach = new AbortController();
    this.observing = { address: active.address, detach };
    this.setActivity(
      startActivity({
        title: active.method,
        initiator: active.initiator,
        owner: 'another-client',
        commandLine: null,
        now: this.host.now(),
      }),
      true,
    );
    try {
      await port.follow(active.address, 'attach', {
        signal: detach.signal,
        onInfo: (info) => this.infoRead(info),
        onEvent: (event) => this.onEvent(event, false),
      });
    } catch {
      // The connection closed without a Finished. Most often we attached after
      // the daemon had sent it (a short transaction of the CLI or the timer)
      // and it dropped us once it stopped waiting for its peers; if the daemon
      // itself died, the link reports that. Either way the outcome is unknown
      // here, and calling it a failure would be a lie: forget the activity and
      // read what the system looks like now.
      if (!detach.signal.aborted && this.activity?.phase === 'running') {
        this.setActivity(null, true);
        await port.refresh().catch(() => undefined);
      }
    } finally {
      if (this.observing?.detach === detach) this.observing = null;
    }
  }

  /** Title and InitiatingClientDescription, read from the transaction itself. */
  private infoRead(info: TransactionInfo): void {
    this.update(
      (a) => ({ ...a, title: info.title || a.title, initiator: info.initiator || a.initiator }),
      true,
    );
  }

  private onEvent(event: TransactionEvent, cancelRequested: boolean): void {
    this.update(
      (a) => reduceActivity(a, event, this.host.now(), cancelRequested),
      event.kind === 'finished',
    );
  }

  private update(change: (a: Activity) => Activity, urgent: boolean): void {
    if (this.activity) this.setActivity(change(this.activity), urgent);
  }

  private setActivity(activity: Activity | null, urgent: boolean): void {
    this.activity = activity;
    this.host.setActivity(activity, urgent);
  }

  /** Until the daemon is idle (or gone), or at most `timeoutMs`. */
  private waitForIdle(timeoutMs?: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.idleWaiters = this.idleWaiters.filter((w) => w !== wake);
        resolve();
      };
      const timer = timeoutMs === undefined ? undefined : setTimeout(wake, timeoutMs);
      this.idleWaiters.push(wake);
    });
  }
}
