import { describe, expect, it } from 'vitest';
import type { Trade } from '../../src/api/types';
import { TradeTape } from '../../src/pages/symbol/trade-tape';

function trades(...ids: number[]): Trade[] {
  return ids.map((tradeId) => ({ symbol: 'AAPL', tradeId, price: 100 + (tradeId % 3), size: 1, timestamp: '2026-11-22T10:00:00Z' }));
}

describe('TradeTape', () => {
  it('follows the newest page and tells which trades are new', () => {
    const tape = new TradeTape();
    expect(tape.showHead({ items: trades(5, 4, 3), nextCursor: '3' })).toEqual(new Set());
    expect(tape.showHead({ items: trades(7, 6, 5), nextCursor: '5' })).toEqual(new Set([7, 6]));
    expect(tape.items.map((t) => t.tradeId)).toEqual([7, 6, 5]);
    expect(tape.atHead).toBe(true);
  });

  it('appends older pages through the cursor and leaves the head', () => {
    const tape = new TradeTape();
    tape.showHead({ items: trades(9, 8), nextCursor: '8' });
    tape.appendOlder({ items: trades(8, 7, 6), nextCursor: null });

    expect(tape.items.map((t) => t.tradeId)).toEqual([9, 8, 7, 6]);
    expect(tape.nextCursor).toBeNull();
    expect(tape.atHead).toBe(false);
  });

  it('colours a trade by its price against the one before', () => {
    const tape = new TradeTape();
    tape.showHead({ items: trades(5, 4, 3), nextCursor: null }); // prices 102, 101, 100
    expect([tape.tickDirection(0), tape.tickDirection(1), tape.tickDirection(2)]).toEqual([1, 1, 0]);
  });
});
