import type { Quote } from '../../src/api/types';

export function quote(symbol: string, sequence: number, price = 100, overrides: Partial<Quote> = {}): Quote {
  return {
    symbol,
    sequence,
    price,
    size: 1,
    timestamp: '2026-11-22T10:00:00Z',
    change24h: 0,
    changePercent24h: 0,
    high24h: price,
    low24h: price,
    volume24h: 10,
    vwap: price,
    tradeCount: sequence,
    volume: sequence,
    ...overrides,
  };
}
