import type { Quote, SymbolSummary } from '../../api/types';

// The overview grid's rows as plain values, and how they are filtered and sorted. Pure.

export type SortKey = 'symbol' | 'price' | 'change' | 'changePercent' | 'high' | 'low' | 'volume' | 'vwap' | 'updated';

export const sortKeys: readonly SortKey[] = ['symbol', 'price', 'change', 'changePercent', 'high', 'low', 'volume', 'vwap', 'updated'];

export interface SortState {
  key: SortKey;
  descending: boolean;
}

export const defaultSort: SortState = { key: 'symbol', descending: false };

export interface RowData {
  symbol: string;
  price: number | null;
  change: number | null;
  changePercent: number | null;
  high: number | null;
  low: number | null;
  volume: number | null;
  vwap: number | null;
  /** Event time of the last trade, unix ms. */
  updated: number | null;
}

/** A row from the live quote when there is one, else from the `/symbols` listing. */
export function rowData(symbol: string, quote: Quote | undefined, summary: SymbolSummary | undefined): RowData {
  if (quote) {
    return {
      symbol,
      price: quote.price,
      change: quote.change24h,
      changePercent: quote.changePercent24h,
      high: quote.high24h,
      low: quote.low24h,
      volume: quote.volume24h,
      vwap: quote.vwap,
      updated: Date.parse(quote.timestamp),
    };
  }

  return {
    symbol,
    price: summary?.price ?? null,
    change: null,
    changePercent: summary?.changePercent24h ?? null,
    high: null,
    low: null,
    volume: null,
    vwap: null,
    updated: summary ? Date.parse(summary.lastTradeTime) : null,
  };
}

/** Clicking a column: the same one flips the direction; a new one starts descending for numbers. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) {
    return { key, descending: !current.descending };
  }

  return { key, descending: key !== 'symbol' };
}

/** Whether the order can change with every quote (then re-sorting is throttled). */
export function isLiveSort(sort: SortState): boolean {
  return sort.key !== 'symbol';
}

/** Filter terms: words separated by spaces or commas, any of which may match. */
export function parseFilter(text: string): string[] {
  return text
    .toUpperCase()
    .split(/[\s,]+/)
    .filter((term) => term.length > 0);
}

export function matchesFilter(symbol: string, terms: readonly string[]): boolean {
  return terms.length === 0 || terms.some((term) => symbol.includes(term));
}

/** Compares by the sort key; missing values go last in either direction; ties by symbol. */
export function compareRows(a: RowData, b: RowData, sort: SortState): number {
  if (sort.key !== 'symbol') {
    const x = a[sort.key];
    const y = b[sort.key];
    if (x === null || y === null || Number.isNaN(x) || Number.isNaN(y)) {
      const missingA = x === null || Number.isNaN(x);
      const missingB = y === null || Number.isNaN(y);
      if (missingA !== missingB) {
        return missingA ? 1 : -1;
      }
    } else if (x !== y) {
      return sort.descending ? y - x : x - y;
    }
  } else if (sort.descending) {
    return a.symbol < b.symbol ? 1 : a.symbol > b.symbol ? -1 : 0;
  }

  return a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0;
}

/** The symbols to show, in order. */
export function arrange(rows: readonly RowData[], terms: readonly string[], sort: SortState): string[] {
  return rows
    .filter((row) => matchesFilter(row.symbol, terms))
    .sort((a, b) => compareRows(a, b, sort))
    .map((row) => row.symbol);
}

export function parseSort(key: string | null, direction: string | null): SortState {
  const known = sortKeys.find((candidate) => candidate === key);
  return known ? { key: known, descending: direction === 'desc' } : defaultSort;
}
