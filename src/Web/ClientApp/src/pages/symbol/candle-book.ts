import type { Candle } from '../../api/types';

/** A candle as the chart draws it: `time` is the bucket start in unix ms. */
export interface Bar {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  turnover: number;
  closed: boolean;
  /** Event time of the last trade in the bar, unix ms. */
  lastTradeAt: number;
}

export type Change = 'appended' | 'updated-last' | 'updated-older' | 'ignored';

export function barFromCandle(candle: Candle): Bar {
  return {
    time: Date.parse(candle.start),
    open: candle.open,
    high: candle.high,
    low: candle.low,
    close: candle.close,
    volume: candle.volume,
    turnover: candle.turnover,
    closed: candle.closed,
    lastTradeAt: Date.parse(candle.lastTradeAt),
  };
}

/**
 * The candles of one symbol and interval, oldest first. The server's candles are the truth;
 * between two fetches, live quotes move the open candle's close (and extend its range) so the
 * chart moves with the price. Pure: the chart mirrors what this returns.
 */
export class CandleBook {
  private readonly bars: Bar[] = [];

  constructor(readonly intervalMs: number) {}

  get all(): readonly Bar[] {
    return this.bars;
  }

  get last(): Bar | undefined {
    return this.bars[this.bars.length - 1];
  }

  /** Replaces everything with a page from the API (newest first). */
  load(candles: readonly Candle[]): void {
    this.bars.length = 0;
    this.bars.push(...candles.map(barFromCandle).sort((a, b) => a.time - b.time));
  }

  /** Adds an older page (newest first); returns how many bars were added. */
  prependOlder(candles: readonly Candle[]): number {
    const first = this.bars[0]?.time ?? Number.POSITIVE_INFINITY;
    const older = candles
      .map(barFromCandle)
      .filter((bar) => bar.time < first)
      .sort((a, b) => a.time - b.time);
    this.bars.unshift(...older);
    return older.length;
  }

  /** Takes a candle fetched from the API: it replaces the bar of the same start, or extends the book. */
  upsert(candle: Candle): Change {
    const bar = barFromCandle(candle);
    const last = this.last;
    if (!last || bar.time > last.time) {
      if (last) {
        last.closed = true;
      }

      this.bars.push(bar);
      return 'appended';
    }

    const index = this.indexOf(bar.time);
    if (index < 0) {
      return 'ignored'; // older than what is loaded, or in a hole: the next full load has it
    }

    this.bars[index] = bar;
    return index === this.bars.length - 1 ? 'updated-last' : 'updated-older';
  }

  /**
   * A live trade price (a conflated quote, so intermediate prices may be missing: the high and
   * low only widen, and the next fetch sets them exactly). `volume` is the quantity traded since
   * the previous quote, added to the open candle.
   */
  applyTrade(price: number, time: number, volume: number): Change {
    const bucket = Math.floor(time / this.intervalMs) * this.intervalMs;
    const last = this.last;
    if (last && bucket < last.time) {
      return 'ignored';
    }

    if (!last || bucket > last.time) {
      if (last) {
        last.closed = true;
      }

      this.bars.push({ time: bucket, open: price, high: price, low: price, close: price, volume, turnover: price * volume, closed: false, lastTradeAt: time });
      return 'appended';
    }

    last.close = price;
    last.high = Math.max(last.high, price);
    last.low = Math.min(last.low, price);
    last.volume += volume;
    last.turnover += price * volume;
    last.lastTradeAt = Math.max(last.lastTradeAt, time);
    return 'updated-last';
  }

  /**
   * After a fetch: a live price newer than anything the fetched candles had seen (the quote
   * overtook the request) moves the open candle again, so the chart never steps back. Its volume
   * is already counted by the time the server has the trade; it is not added twice.
   */
  reapplyLatest(price: number, time: number): Change {
    const last = this.last;
    if (last && time <= last.lastTradeAt) {
      return 'ignored';
    }

    return this.applyTrade(price, time, 0);
  }

  private indexOf(time: number): number {
    // Binary search: the book is sorted by time.
    let low = 0;
    let high = this.bars.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const value = this.bars[middle]!.time;
      if (value === time) {
        return middle;
      }

      if (value < time) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }

    return -1;
  }
}
