// Which symbols the pages want, counted, so two pages watching one symbol share one server
// subscription and it ends only when neither wants it.

export class SubscriptionSet {
  private readonly counts = new Map<string, number>();

  /** Adds one interest in each symbol; returns those that were not wanted before. */
  add(symbols: Iterable<string>): string[] {
    const added: string[] = [];
    for (const symbol of symbols) {
      const count = this.counts.get(symbol) ?? 0;
      this.counts.set(symbol, count + 1);
      if (count === 0) {
        added.push(symbol);
      }
    }

    return added;
  }

  /** Removes one interest in each symbol; returns those no longer wanted. */
  remove(symbols: Iterable<string>): string[] {
    const removed: string[] = [];
    for (const symbol of symbols) {
      const count = this.counts.get(symbol);
      if (count === undefined) {
        continue;
      }

      if (count <= 1) {
        this.counts.delete(symbol);
        removed.push(symbol);
      } else {
        this.counts.set(symbol, count - 1);
      }
    }

    return removed;
  }

  has(symbol: string): boolean {
    return this.counts.has(symbol);
  }

  all(): string[] {
    return [...this.counts.keys()];
  }

  get size(): number {
    return this.counts.size;
  }
}
