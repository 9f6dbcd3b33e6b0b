import { describe, expect, it } from 'vitest';
import type { Candle } from '../../src/api/types';
import { applyPrice, mergeHistory, pointsFromCandles, polylinePoints, type SparkPoint } from '../../src/pages/overview/sparkline-series';

const minute = 60_000;

function candle(startMinute: number, open: number, close: number): Candle {
  const start = new Date(startMinute * minute).toISOString();
  const end = new Date((startMinute + 1) * minute).toISOString();
  return { symbol: 'X', interval: '1m', start, end, open, high: Math.max(open, close), low: Math.min(open, close), close, volume: 1, turnover: close, vwap: close, tradeCount: 1, closed: true, revision: 0, firstTradeAt: start, lastTradeAt: start };
}

describe('sparkline series', () => {
  it('keeps the last price of each minute and starts a new point each minute', () => {
    const points: SparkPoint[] = [];
    expect(applyPrice(points, 10 * minute + 1, 100, minute, 3)).toBe(true);
    expect(applyPrice(points, 10 * minute + 500, 101, minute, 3)).toBe(true);
    expect(applyPrice(points, 10 * minute + 900, 101, minute, 3)).toBe(false);
    expect(applyPrice(points, 11 * minute, 102, minute, 3)).toBe(true);
    expect(points).toEqual([
      { t: 10 * minute, v: 101 },
      { t: 11 * minute, v: 102 },
    ]);
  });

  it('ignores late prices and keeps at most `max` points', () => {
    const points: SparkPoint[] = [];
    for (let m = 0; m < 5; m++) {
      applyPrice(points, m * minute, m, minute, 3);
    }

    expect(applyPrice(points, 0, 99, minute, 3)).toBe(false);
    expect(points.map((p) => p.v)).toEqual([2, 3, 4]);
  });

  it('turns candles (newest first) into closes, led by the oldest open', () => {
    expect(pointsFromCandles([candle(2, 12, 13), candle(1, 10, 11)])).toEqual([
      { t: 0, v: 10 },
      { t: minute, v: 11 },
      { t: 2 * minute, v: 13 },
    ]);
    expect(pointsFromCandles([])).toEqual([]);
  });

  it('prefers live points over history for the same minutes', () => {
    const history = [
      { t: 0, v: 1 },
      { t: minute, v: 2 },
    ];
    const live = [
      { t: minute, v: 5 },
      { t: 2 * minute, v: 6 },
    ];
    expect(mergeHistory(history, live, 10)).toEqual([{ t: 0, v: 1 }, ...live]);
    expect(mergeHistory(history, live, 2)).toEqual(live);
  });

  it('scales points into the box, highest price at the top', () => {
    const text = polylinePoints(
      [
        { t: 0, v: 10 },
        { t: 1, v: 20 },
      ],
      100,
      20,
      2,
    );
    expect(text).toBe('0,18 100,2');
    expect(polylinePoints([{ t: 0, v: 5 }, { t: 1, v: 5 }], 100, 20)).toBe('0,10 100,10');
  });
});
