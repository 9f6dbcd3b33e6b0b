import type { Candle } from '../../api/types';

// A sparkline's points: one close per time bucket (a minute), oldest first. Pure.

export interface SparkPoint {
  /** Bucket start, unix ms. */
  t: number;
  /** Last price in the bucket. */
  v: number;
}

/** Takes a live price into the series; returns whether the series changed. Late prices are ignored. */
export function applyPrice(points: SparkPoint[], time: number, price: number, bucketMs: number, max: number): boolean {
  const bucket = Math.floor(time / bucketMs) * bucketMs;
  const last = points[points.length - 1];
  if (last && bucket < last.t) {
    return false;
  }

  if (last && bucket === last.t) {
    if (last.v === price) {
      return false;
    }

    last.v = price;
    return true;
  }

  points.push({ t: bucket, v: price });
  if (points.length > max) {
    points.splice(0, points.length - max);
  }

  return true;
}

/**
 * Candles as the API returns them (newest first) to points, oldest first: each candle's close,
 * preceded by the oldest candle's open (as the bucket before it), so that even one candle of
 * history draws a line.
 */
export function pointsFromCandles(candles: readonly Candle[]): SparkPoint[] {
  const sorted = [...candles].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const oldest = sorted[0];
  if (!oldest) {
    return [];
  }

  const start = Date.parse(oldest.start);
  const length = Date.parse(oldest.end) - start;
  return [{ t: start - length, v: oldest.open }, ...sorted.map((candle) => ({ t: Date.parse(candle.start), v: candle.close }))];
}

/** History up to where the live points begin, then the live points (fresher for their buckets). */
export function mergeHistory(history: readonly SparkPoint[], live: readonly SparkPoint[], max: number): SparkPoint[] {
  const firstLive = live[0]?.t ?? Number.POSITIVE_INFINITY;
  const merged = [...history.filter((point) => point.t < firstLive), ...live.map((point) => ({ ...point }))];
  return merged.slice(Math.max(0, merged.length - max));
}

/** SVG polyline points for the series scaled into width × height, with `pad` pixels top and bottom. */
export function polylinePoints(points: readonly SparkPoint[], width: number, height: number, pad = 2): string {
  if (points.length === 0) {
    return '';
  }

  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const point of points) {
    min = Math.min(min, point.v);
    max = Math.max(max, point.v);
  }

  const span = max - min;
  const stepX = points.length > 1 ? width / (points.length - 1) : 0;
  const usable = height - 2 * pad;
  return points
    .map((point, i) => {
      const x = points.length > 1 ? i * stepX : width;
      const y = span > 0 ? pad + usable - ((point.v - min) / span) * usable : height / 2;
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
