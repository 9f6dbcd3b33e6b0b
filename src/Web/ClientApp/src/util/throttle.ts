// Lets an action through at most once per interval: `ready(now)` says whether it may run now.

export class Throttle {
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly intervalMs: number) {}

  ready(now: number): boolean {
    if (now - this.last < this.intervalMs) {
      return false;
    }

    this.last = now;
    return true;
  }

  reset(): void {
    this.last = Number.NEGATIVE_INFINITY;
  }
}
