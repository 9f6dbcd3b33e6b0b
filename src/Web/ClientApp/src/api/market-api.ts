import { getJson, query } from './http';
import type { Candle, ClusterStatus, Interval, MarketSummary, Page, Quote, SymbolStats, SymbolSummary, Trade } from './types';

// The REST API under /api/v1 (src/Web/Apis/MarketApi.cs). Symbols are URL-encoded: BRK.B, BTC-USD.
const base = '/api/v1';
const enc = encodeURIComponent;

export const marketApi = {
  symbols: (signal?: AbortSignal) => getJson<SymbolSummary[]>(`${base}/symbols`, signal),

  quote: (symbol: string, signal?: AbortSignal) => getJson<Quote>(`${base}/quotes/${enc(symbol)}`, signal),

  stats: (symbol: string, signal?: AbortSignal) => getJson<SymbolStats>(`${base}/symbols/${enc(symbol)}/stats`, signal),

  candles: (symbol: string, interval: Interval, limit: number, before?: string | null, signal?: AbortSignal) =>
    getJson<Page<Candle>>(`${base}/candles/${enc(symbol)}${query({ interval, limit, before })}`, signal),

  trades: (symbol: string, limit: number, before?: string | null, signal?: AbortSignal) =>
    getJson<Page<Trade>>(`${base}/trades/${enc(symbol)}${query({ limit, before })}`, signal),

  summary: (signal?: AbortSignal) => getJson<MarketSummary>(`${base}/market-summary`, signal),

  cluster: (signal?: AbortSignal) => getJson<ClusterStatus>(`${base}/cluster`, signal),
};
