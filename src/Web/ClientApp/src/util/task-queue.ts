// Runs async jobs with bounded concurrency, newest requests first: what scrolled into view last is
// what the user is looking at.

export class TaskQueue {
  private readonly waiting: (() => Promise<void>)[] = [];
  private active = 0;

  constructor(private readonly concurrency: number) {}

  push(job: () => Promise<void>): void {
    this.waiting.push(job);
    this.pump();
  }

  clear(): void {
    this.waiting.length = 0;
  }

  private pump(): void {
    while (this.active < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.pop()!;
      this.active++;
      job()
        .catch(() => undefined)
        .finally(() => {
          this.active--;
          this.pump();
        });
    }
  }
}
