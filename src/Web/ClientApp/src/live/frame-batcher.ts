// Collects keys that changed and hands them over in an animation frame, so any number of updates
// between two renders costs one render, with the latest values. `minIntervalMs` spaces renders out
// further (the frames in between pass without work). In a hidden tab frames stop, and the set
// simply holds each changed key once until the tab is shown again.

export interface FrameScheduler {
  request(callback: (time: number) => void): number;
  cancel(handle: number): void;
}

export const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export class FrameBatcher<K> {
  private pending = new Set<K>();
  private spare = new Set<K>();
  private handle: number | null = null;
  private lastFlush = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly flush: (keys: ReadonlySet<K>, time: number) => void,
    private readonly scheduler: FrameScheduler = animationFrames,
    private readonly minIntervalMs = 0,
  ) {}

  get pendingCount(): number {
    return this.pending.size;
  }

  mark(key: K): void {
    this.pending.add(key);
    if (this.handle === null) {
      this.handle = this.scheduler.request((time) => this.run(time));
    }
  }

  dispose(): void {
    if (this.handle !== null) {
      this.scheduler.cancel(this.handle);
      this.handle = null;
    }

    this.pending.clear();
  }

  private run(time: number): void {
    this.handle = null;
    if (time - this.lastFlush < this.minIntervalMs) {
      this.handle = this.scheduler.request((next) => this.run(next));
      return;
    }

    this.lastFlush = time;
    // Swap the two sets so marks made during the flush land in the next frame, without allocating.
    const keys = this.pending;
    this.pending = this.spare;
    this.spare = keys;
    try {
      this.flush(keys, time);
    } finally {
      keys.clear();
    }
  }
}
