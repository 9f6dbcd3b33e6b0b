import type { FrameScheduler } from '../../src/live/frame-batcher';

/** Animation frames that run when the test calls `frame()`. */
export class ManualFrames implements FrameScheduler {
  private callbacks = new Map<number, (time: number) => void>();
  private nextHandle = 1;
  requested = 0;

  request(callback: (time: number) => void): number {
    this.requested++;
    const handle = this.nextHandle++;
    this.callbacks.set(handle, callback);
    return handle;
  }

  cancel(handle: number): void {
    this.callbacks.delete(handle);
  }

  get pending(): number {
    return this.callbacks.size;
  }

  frame(time = 0): void {
    const due = this.callbacks;
    this.callbacks = new Map();
    for (const callback of due.values()) {
      callback(time);
    }
  }
}
