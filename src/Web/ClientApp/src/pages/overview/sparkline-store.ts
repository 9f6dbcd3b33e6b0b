import type { Candle } from '../../api/types';
import { TaskQueue } from '../../util/task-queue';
import { applyPrice, mergeHistory, pointsFromCandles, type SparkPoint } from './sparkline-series';

const bucketMs = 60_000;
export const sparklineMinutes = 60;

interface Series {
  points: SparkPoint[];
  /** History requested (or loaded) for this series. */
  seeded: boolean;
}

/**
 * The last hour of each symbol in one-minute closes: history from the 1m candles, fetched only
 * for rows that come into view (three requests at a time), then kept current from live quotes.
 */
export class SparklineStore {
  private readonly series = new Map<string, Series>();
  private readonly queue = new TaskQueue(3);

  constructor(
    private readonly fetchCandles: (symbol: string) => Promise<Candle[]>,
    private readonly onSeeded: (symbol: string) => void,
  ) {}

  points(symbol: string): readonly SparkPoint[] {
    return this.series.get(symbol)?.points ?? [];
  }

  /** A live price; returns whether the sparkline changed. */
  applyPrice(symbol: string, time: number, price: number): boolean {
    return applyPrice(this.get(symbol).points, time, price, bucketMs, sparklineMinutes);
  }

  /** Loads history for these symbols if not done yet. */
  ensureHistory(symbols: readonly string[]): void {
    for (const symbol of symbols) {
      const series = this.get(symbol);
      if (series.seeded) {
        continue;
      }

      series.seeded = true;
      this.queue.push(async () => {
        try {
          const candles = await this.fetchCandles(symbol);
          const current = this.series.get(symbol);
          if (current === series) {
            series.points = mergeHistory(pointsFromCandles(candles), series.points, sparklineMinutes);
            this.onSeeded(symbol);
          }
        } catch (error) {
          series.seeded = false; // try again when it next comes into view
          throw error;
        }
      });
    }
  }

  /** Forgets everything: the silo may have restarted with a new history. */
  clear(): void {
    this.queue.clear();
    this.series.clear();
  }

  private get(symbol: string): Series {
    let series = this.series.get(symbol);
    if (!series) {
      series = { points: [], seeded: false };
      this.series.set(symbol, series);
    }

    return series;
  }
}
