import type { Clock } from '../../src/live/clock';

/** A clock whose time moves only when the test says so. */
export class FakeClock implements Clock {
  private time = 1_000_000;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimeout(id: number): void {
    this.timers.delete(id);
  }

  get pending(): number {
    return this.timers.size;
  }

  /** The delay of the earliest timer, if any. */
  get nextDelay(): number | undefined {
    const next = Math.min(...[...this.timers.values()].map((timer) => timer.at));
    return Number.isFinite(next) ? next - this.time : undefined;
  }

  /** Moves time forward, running timers that fall due, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) {
        break;
      }

      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }

    this.time = end;
  }
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
