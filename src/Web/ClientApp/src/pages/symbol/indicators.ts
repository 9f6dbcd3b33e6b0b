import type { Bar } from './candle-book';

// Chart overlays computed from the loaded candles. The service's own SMA/EMA (stats endpoint)
// are single current values over the last N trades; a chart line needs one value per candle, so
// these are computed here, over candle closes. Pure.

export interface LinePoint {
  time: number;
  value: number;
}

/** Simple moving average of closes over `period` candles; starts at the period-th candle. */
export function sma(bars: readonly Bar[], period: number): LinePoint[] {
  const points: LinePoint[] = [];
  let sum = 0;
  for (let i = 0; i < bars.length; i++) {
    sum += bars[i]!.close;
    if (i >= period) {
      sum -= bars[i - period]!.close;
    }

    if (i >= period - 1) {
      points.push({ time: bars[i]!.time, value: sum / period });
    }
  }

  return points;
}

/** Exponential moving average of closes, smoothing 2/(period+1), seeded with the SMA of the first period. */
export function ema(bars: readonly Bar[], period: number): LinePoint[] {
  const points: LinePoint[] = [];
  if (bars.length < period) {
    return points;
  }

  const k = 2 / (period + 1);
  let value = 0;
  for (let i = 0; i < period; i++) {
    value += bars[i]!.close;
  }

  value /= period;
  points.push({ time: bars[period - 1]!.time, value });
  for (let i = period; i < bars.length; i++) {
    value = bars[i]!.close * k + value * (1 - k);
    points.push({ time: bars[i]!.time, value });
  }

  return points;
}

/**
 * VWAP anchored at the start of each session (UTC day): cumulative turnover over cumulative
 * volume, exact because every candle carries its turnover (sum of price × size). For daily
 * candles each session is one candle, so this is the day's own VWAP.
 */
export function sessionVwap(bars: readonly Bar[], sessionMs = 86_400_000): LinePoint[] {
  const points: LinePoint[] = [];
  let session = Number.NaN;
  let turnover = 0;
  let volume = 0;
  for (const bar of bars) {
    const start = Math.floor(bar.time / sessionMs) * sessionMs;
    if (start !== session) {
      session = start;
      turnover = 0;
      volume = 0;
    }

    turnover += bar.turnover;
    volume += bar.volume;
    if (volume > 0) {
      points.push({ time: bar.time, value: turnover / volume });
    }
  }

  return points;
}
