/**
 * rpm-ostreed's idle exit (reference §2.2): while there is no registered
 * client and no transaction, a one-shot timer runs; leaving the idle state
 * cancels it, re-entering arms a fresh one. A timeout of 0 disables it. The
 * real daemon adds 0–4 s of jitter; the sandbox does not, to keep tests exact.
 */
export class IdleExit {
  private timer: NodeJS.Timeout | null = null;
  /** Null until the first update(): no timer runs before the daemon serves. */
  private busy: boolean | null = null;

  constructor(
    private timeoutSeconds: number,
    private readonly onExpire: () => void,
    private readonly log: (line: string) => void,
  ) {}

  /** Reports whether anything keeps the daemon alive (clients or a transaction). */
  update(busy: boolean): void {
    this.busy = busy;
    const idle = !busy && this.timeoutSeconds > 0;
    if (idle && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.onExpire();
      }, this.timeoutSeconds * 1000);
      this.log(`In idle state; will auto-exit in ${this.timeoutSeconds} seconds`);
    } else if (!idle && this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  /** Changes the timeout (ReloadConfig); a running timer restarts with it. */
  setTimeoutSeconds(seconds: number): void {
    if (seconds === this.timeoutSeconds) return;
    this.timeoutSeconds = seconds;
    if (this.busy === null) return;
    this.stop();
    this.update(this.busy);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
