// Shapes of the REST API and the hub messages (src/Grains.Interfaces/Model, JSON camelCase).
// Decimals arrive as JSON numbers; times as ISO 8601 strings.

export interface Quote {
  symbol: string;
  sequence: number;
  price: number;
  size: number;
  timestamp: string;
  change24h: number;
  changePercent24h: number;
  high24h: number;
  low24h: number;
  volume24h: number;
  vwap: number;
  tradeCount: number;
  volume: number;
}

export interface SymbolSummary {
  symbol: string;
  price: number;
  changePercent24h: number;
  tradeCount: number;
  lastTradeTime: string;
  sequence: number;
}

export interface MarketSummary {
  asOf: string;
  symbols: number;
  advancers: number;
  decliners: number;
  unchanged: number;
  totalTrades: number;
  totalVolume24h: number;
  ticksPerSecond: number;
  topGainers: SymbolSummary[];
  topLosers: SymbolSummary[];
  mostActive: SymbolSummary[];
}

export interface Candle {
  symbol: string;
  interval: string;
  start: string;
  end: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  turnover: number;
  vwap: number;
  tradeCount: number;
  closed: boolean;
  revision: number;
  firstTradeAt: string;
  lastTradeAt: string;
}

export interface Trade {
  symbol: string;
  tradeId: number;
  price: number;
  size: number;
  timestamp: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface RollingVwap {
  value: number | null;
  ticks: number | null;
  windowSeconds: number | null;
  count: number;
}

export interface MovingAverage {
  period: number;
  value: number | null;
  count: number;
}

export interface SymbolStats {
  quote: Quote;
  turnover: number;
  vwapAllTime: number;
  vwapTicks: RollingVwap;
  vwapWindow: RollingVwap;
  sma: MovingAverage[];
  ema: MovingAverage[];
  volatility: { window: number; stdDevLogReturns: number | null; count: number };
  openCandles: Candle[];
  lateTicks: { interval: string; count: number }[];
  appliedOffsets: Record<string, number>;
}

export interface SiloStatus {
  id: string;
  address: string;
  startedAt: string;
  heartbeatAt: string;
  partitions: number[];
  activations: number;
  ticksApplied: number;
  ticksPerSecond: number;
  consumerLag: number;
  rejected: number;
  ingest: string;
  detail: string;
}

export interface ClusterStatus {
  asOf: string;
  mode: string;
  silos: SiloStatus[];
}

export const intervals = ['1m', '5m', '15m', '1h', '4h', '1d'] as const;
export type Interval = (typeof intervals)[number];

export function isInterval(value: string | null | undefined): value is Interval {
  return (intervals as readonly string[]).includes(value ?? '');
}

/** Interval lengths in milliseconds; buckets are aligned to UTC midnight. */
export const intervalMs: Record<Interval, number> = {
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '4h': 14_400_000,
  '1d': 86_400_000,
};
