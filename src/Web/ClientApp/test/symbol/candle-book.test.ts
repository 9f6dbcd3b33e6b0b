import { describe, expect, it } from 'vitest';
import type { Candle } from '../../src/api/types';
import { CandleBook } from '../../src/pages/symbol/candle-book';

const minute = 60_000;

function candle(startMinute: number, fields: Partial<Candle> = {}): Candle {
  const start = new Date(startMinute * minute).toISOString();
  return {
    symbol: 'AAPL',
    interval: '1m',
    start,
    end: new Date((startMinute + 1) * minute).toISOString(),
    open: 100,
    high: 101,
    low: 99,
    close: 100.5,
    volume: 10,
    turnover: 1005,
    vwap: 100.5,
    tradeCount: 3,
    closed: true,
    revision: 0,
    firstTradeAt: start,
    lastTradeAt: start,
    ...fields,
  };
}

describe('CandleBook', () => {
  it('loads a page (newest first) oldest first', () => {
    const book = new CandleBook(minute);
    book.load([candle(3), candle(2), candle(1)]);
    expect(book.all.map((bar) => bar.time / minute)).toEqual([1, 2, 3]);
  });

  it('moves the open candle with live prices: close, wider range, added volume', () => {
    const book = new CandleBook(minute);
    book.load([candle(5, { closed: false, high: 101, low: 99 })]);

    expect(book.applyTrade(102, 5 * minute + 30_000, 4)).toBe('updated-last');
    expect(book.applyTrade(98.5, 5 * minute + 40_000, 1)).toBe('updated-last');
    expect(book.last).toMatchObject({ close: 98.5, high: 102, low: 98.5, volume: 15 });
  });

  it('opens a new candle when a price falls into the next bucket', () => {
    const book = new CandleBook(minute);
    book.load([candle(5, { closed: false })]);

    expect(book.applyTrade(103, 6 * minute + 1, 2)).toBe('appended');
    expect(book.all).toHaveLength(2);
    expect(book.all[0]!.closed).toBe(true);
    expect(book.last).toMatchObject({ time: 6 * minute, open: 103, high: 103, low: 103, close: 103, volume: 2, closed: false });
  });

  it('ignores a price older than the open candle', () => {
    const book = new CandleBook(minute);
    book.load([candle(5)]);
    expect(book.applyTrade(1, 4 * minute, 1)).toBe('ignored');
  });

  it('aligns buckets to UTC for every interval (4h at 00, 04, 08 ...)', () => {
    const fourHours = 4 * 3_600_000;
    const book = new CandleBook(fourHours);
    book.applyTrade(10, Date.parse('2026-11-22T09:59:00Z'), 1);
    expect(new Date(book.last!.time).toISOString()).toBe('2026-11-22T08:00:00.000Z');
  });

  it('takes fetched candles as the truth: they replace the live estimate, amend the previous one, or extend', () => {
    const book = new CandleBook(minute);
    book.load([candle(6, { closed: false }), candle(5)]);
    book.applyTrade(150, 6 * minute + 10, 1);

    expect(book.upsert(candle(6, { high: 120, close: 110, closed: false }))).toBe('updated-last');
    expect(book.last).toMatchObject({ high: 120, close: 110 });
    expect(book.upsert(candle(5, { close: 99, revision: 1 }))).toBe('updated-older');
    expect(book.all[0]!.close).toBe(99);
    expect(book.upsert(candle(7))).toBe('appended');
    expect(book.upsert(candle(1))).toBe('ignored');
  });

  it('puts back a live price that overtook the fetch, without counting its volume again', () => {
    const book = new CandleBook(minute);
    book.load([candle(6, { closed: false, close: 100, high: 101, lastTradeAt: new Date(6 * minute + 10_000).toISOString() })]);
    book.applyTrade(103, 6 * minute + 20_000, 2);
    book.upsert(candle(6, { closed: false, close: 100, high: 101, volume: 10, lastTradeAt: new Date(6 * minute + 10_000).toISOString() }));

    expect(book.reapplyLatest(103, 6 * minute + 20_000)).toBe('updated-last');
    expect(book.last).toMatchObject({ close: 103, high: 103, volume: 10 });
    expect(book.reapplyLatest(99, 6 * minute + 5_000)).toBe('ignored');
  });

  it('prepends older pages without duplicates', () => {
    const book = new CandleBook(minute);
    book.load([candle(5), candle(4)]);
    expect(book.prependOlder([candle(4), candle(3), candle(2)])).toBe(2);
    expect(book.all.map((bar) => bar.time / minute)).toEqual([2, 3, 4, 5]);
  });
});
