// Runs a task now and then every `intervalMs` after it finishes, while the tab is visible: a
// hidden dashboard costs the server nothing. Becoming visible runs the task at once.

export class Poller {
  private timer: number | null = null;
  private running = false;
  private disposed = false;
  private abort = new AbortController();
  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible') {
      this.runSoon(0);
    }
  };

  constructor(
    private readonly task: (signal: AbortSignal) => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  start(): this {
    document.addEventListener('visibilitychange', this.onVisibility);
    this.runSoon(0);
    return this;
  }

  /** Runs the task as soon as the current run (if any) is done. */
  trigger(): void {
    this.runSoon(0);
  }

  dispose(): void {
    this.disposed = true;
    this.abort.abort();
    document.removeEventListener('visibilitychange', this.onVisibility);
    if (this.timer !== null) {
      window.clearTimeout(this.timer);
    }
  }

  private runSoon(delay: number): void {
    if (this.disposed) {
      return;
    }

    if (this.timer !== null) {
      window.clearTimeout(this.timer);
    }

    this.timer = window.setTimeout(() => void this.run(), delay);
  }

  private async run(): Promise<void> {
    this.timer = null;
    if (this.running || this.disposed || document.visibilityState === 'hidden') {
      return;
    }

    this.running = true;
    try {
      await this.task(this.abort.signal);
    } catch {
      // The task shows its own errors; polling goes on.
    } finally {
      this.running = false;
    }

    if (!this.disposed && this.timer === null) {
      this.runSoon(this.intervalMs);
    }
  }
}
