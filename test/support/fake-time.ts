import type { Timers } from '../../daemon-bridge/desktop/background-checker.ts';

/** Lets every pending promise and I/O callback run. */
export const settle = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/** A clock and timers that move only when the test says so. */
export class FakeTime implements Timers {
  private current: number;
  private nextId = 1;
  private readonly queue = new Map<number, { at: number; callback: () => void }>();

  constructor(start: number) {
    this.current = start;
  }

  now = (): number => this.current;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.queue.set(id, { at: this.current + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.queue.delete(handle as number);
  }

  get pending(): number {
    return this.queue.size;
  }

  /**
   * Moves the clock by `ms`, firing due timers in order; promises settle
   * before each timer and after the last.
   */
  async advance(ms: number): Promise<void> {
    const end = this.current + ms;
    for (;;) {
      await settle();
      const due = [...this.queue.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.queue.delete(due[0]);
      this.current = Math.max(this.current, due[1].at);
      due[1].callback();
    }
    this.current = end;
    await settle();
  }

  /** The wall clock jumps (a suspended machine wakes); timers do not fire. */
  jump(ms: number): void {
    this.current += ms;
  }
}
