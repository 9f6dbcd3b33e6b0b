import { describe, expect, it } from 'vitest';
import type { Bar } from '../../src/pages/symbol/candle-book';
import { ema, sessionVwap, sma } from '../../src/pages/symbol/indicators';

function bars(closes: number[], step = 60_000, start = 0): Bar[] {
  return closes.map((close, i) => ({ time: start + i * step, open: close, high: close, low: close, close, volume: 1, turnover: close, closed: true, lastTradeAt: start + i * step }));
}

describe('indicators', () => {
  it('SMA averages the last n closes, starting at the n-th candle', () => {
    expect(sma(bars([1, 2, 3, 4, 5]), 3)).toEqual([
      { time: 120_000, value: 2 },
      { time: 180_000, value: 3 },
      { time: 240_000, value: 4 },
    ]);
    expect(sma(bars([1, 2]), 3)).toEqual([]);
  });

  it('EMA is seeded with the SMA and smooths with 2/(n+1)', () => {
    const points = ema(bars([2, 4, 6, 8]), 3);
    expect(points[0]).toEqual({ time: 120_000, value: 4 });
    expect(points[1]!.value).toBeCloseTo(8 * 0.5 + 4 * 0.5, 12);
    expect(ema(bars([1]), 3)).toEqual([]);
  });

  it('VWAP accumulates turnover over volume and restarts each UTC day', () => {
    const day = 86_400_000;
    const data: Bar[] = [
      { time: day - 120_000, open: 0, high: 0, low: 0, close: 10, volume: 1, turnover: 10, closed: true, lastTradeAt: 0 },
      { time: day - 60_000, open: 0, high: 0, low: 0, close: 20, volume: 3, turnover: 60, closed: true, lastTradeAt: 0 },
      { time: day, open: 0, high: 0, low: 0, close: 30, volume: 2, turnover: 60, closed: true, lastTradeAt: 0 },
      { time: day + 60_000, open: 0, high: 0, low: 0, close: 0, volume: 0, turnover: 0, closed: true, lastTradeAt: 0 },
    ];
    expect(sessionVwap(data).map((p) => p.value)).toEqual([10, 70 / 4, 30, 30]);
  });
});
