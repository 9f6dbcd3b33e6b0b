import type { Quote } from '../api/types';

export type UpdateOutcome = 'applied' | 'stale' | 'gap';

interface Entry {
  quote: Quote;
  /** The connection (epoch) on which this symbol's baseline was established. */
  epoch: number;
}

/**
 * The latest quote of each symbol, kept by sequence number.
 *
 * Every quote is the symbol's full state and the hub conflates (at most one message per symbol
 * per interval, always the last value), so a jump in sequence within one connection is normal,
 * not a loss. Continuity is per connection: a new connection (epoch) invalidates every baseline
 * until its `Subscribe` snapshot arrives, and the snapshot replaces what we had even when its
 * sequence is lower (an embedded silo that restarted counts from 1 again). An update is:
 * - stale when its sequence is at or below the baseline (ignored);
 * - a gap when the symbol has no baseline on this connection: the caller re-fetches a snapshot.
 */
export class QuoteStore {
  private readonly entries = new Map<string, Entry>();
  private epoch = 0;

  get(symbol: string): Quote | undefined {
    return this.entries.get(symbol)?.quote;
  }

  get size(): number {
    return this.entries.size;
  }

  symbols(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** A new connection: every baseline must be established again. Returns the new epoch. */
  newEpoch(): number {
    return ++this.epoch;
  }

  get currentEpoch(): number {
    return this.epoch;
  }

  /** A snapshot on the current connection: the server's baseline, taken as is. */
  reset(quote: Quote): void {
    this.entries.set(quote.symbol, { quote, epoch: this.epoch });
  }

  /** A snapshot fetched for a gap while `epoch` was current; ignored if the connection changed since. */
  resetFor(epoch: number, quote: Quote): boolean {
    if (epoch !== this.epoch) {
      return false;
    }

    const entry = this.entries.get(quote.symbol);
    if (entry && entry.epoch === epoch && entry.quote.sequence >= quote.sequence) {
      return false; // a newer baseline arrived meanwhile
    }

    this.reset(quote);
    return true;
  }

  /** A live update. */
  apply(quote: Quote): UpdateOutcome {
    const entry = this.entries.get(quote.symbol);
    if (!entry || entry.epoch !== this.epoch) {
      return 'gap';
    }

    if (quote.sequence <= entry.quote.sequence) {
      return 'stale';
    }

    entry.quote = quote;
    return 'applied';
  }

  delete(symbol: string): void {
    this.entries.delete(symbol);
  }
}
