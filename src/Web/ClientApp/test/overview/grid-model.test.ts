import { describe, expect, it } from 'vitest';
import { arrange, compareRows, matchesFilter, nextSort, parseFilter, parseSort, rowData, type RowData } from '../../src/pages/overview/grid-model';
import { quote } from '../support/quotes';

function row(symbol: string, changePercent: number | null, price: number | null = 1): RowData {
  return { symbol, price, change: null, changePercent, high: null, low: null, volume: null, vwap: null, updated: null };
}

describe('grid model', () => {
  const rows = [row('MSFT', 1.5), row('AAPL', -0.2), row('BTC-USD', 3.1), row('NEW', null, null)];

  it('sorts by symbol by default and by any column either way, missing values last', () => {
    expect(arrange(rows, [], { key: 'symbol', descending: false })).toEqual(['AAPL', 'BTC-USD', 'MSFT', 'NEW']);
    expect(arrange(rows, [], { key: 'changePercent', descending: true })).toEqual(['BTC-USD', 'MSFT', 'AAPL', 'NEW']);
    expect(arrange(rows, [], { key: 'changePercent', descending: false })).toEqual(['AAPL', 'MSFT', 'BTC-USD', 'NEW']);
  });

  it('breaks ties by symbol', () => {
    expect(compareRows(row('B', 1), row('A', 1), { key: 'changePercent', descending: true })).toBeGreaterThan(0);
  });

  it('filters on any of several terms, case-insensitively', () => {
    const terms = parseFilter('btc, ms');
    expect(terms).toEqual(['BTC', 'MS']);
    expect(arrange(rows, terms, { key: 'symbol', descending: false })).toEqual(['BTC-USD', 'MSFT']);
    expect(matchesFilter('AAPL', [])).toBe(true);
  });

  it('flips the direction on the same column; numbers start descending', () => {
    expect(nextSort({ key: 'symbol', descending: false }, 'symbol')).toEqual({ key: 'symbol', descending: true });
    expect(nextSort({ key: 'symbol', descending: false }, 'volume')).toEqual({ key: 'volume', descending: true });
  });

  it('reads the sort from the URL, falling back to symbol order', () => {
    expect(parseSort('changePercent', 'desc')).toEqual({ key: 'changePercent', descending: true });
    expect(parseSort('bogus', 'desc')).toEqual({ key: 'symbol', descending: false });
  });

  it('builds a row from the live quote, or from the listing before the first quote', () => {
    expect(rowData('AAPL', quote('AAPL', 1, 230, { changePercent24h: 0.5, vwap: 229.9 }), undefined)).toMatchObject({ price: 230, changePercent: 0.5, vwap: 229.9 });
    expect(
      rowData('AAPL', undefined, { symbol: 'AAPL', price: 229, changePercent24h: 0.1, tradeCount: 1, lastTradeTime: '2026-11-22T10:00:00Z', sequence: 1 }),
    ).toMatchObject({ price: 229, changePercent: 0.1, vwap: null, updated: Date.parse('2026-11-22T10:00:00Z') });
  });
});
