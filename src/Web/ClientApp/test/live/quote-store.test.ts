import { describe, expect, it } from 'vitest';
import { QuoteStore } from '../../src/live/quote-store';
import { quote } from '../support/quotes';

describe('QuoteStore', () => {
  it('applies updates above the snapshot sequence and ignores stale ones', () => {
    const store = new QuoteStore();
    store.newEpoch();
    store.reset(quote('AAPL', 10, 100));

    expect(store.apply(quote('AAPL', 11, 101))).toBe('applied');
    expect(store.apply(quote('AAPL', 11, 999))).toBe('stale');
    expect(store.apply(quote('AAPL', 9, 999))).toBe('stale');
    expect(store.get('AAPL')?.price).toBe(101);
  });

  it('treats a jump in sequence within a connection as conflation, not a gap', () => {
    const store = new QuoteStore();
    store.newEpoch();
    store.reset(quote('AAPL', 10));

    expect(store.apply(quote('AAPL', 250))).toBe('applied');
    expect(store.get('AAPL')?.sequence).toBe(250);
  });

  it('reports a gap for an update without a baseline', () => {
    const store = new QuoteStore();
    store.newEpoch();

    expect(store.apply(quote('MSFT', 5))).toBe('gap');
    expect(store.get('MSFT')).toBeUndefined();
  });

  it('needs a new snapshot for every symbol after a reconnect', () => {
    const store = new QuoteStore();
    store.newEpoch();
    store.reset(quote('AAPL', 10));
    store.newEpoch();

    expect(store.apply(quote('AAPL', 11))).toBe('gap');
    // The old value is still shown until the new snapshot arrives.
    expect(store.get('AAPL')?.sequence).toBe(10);
  });

  it('takes the snapshot of a restarted silo even though its sequence is lower', () => {
    const store = new QuoteStore();
    store.newEpoch();
    store.reset(quote('AAPL', 5000, 100));
    store.newEpoch();
    store.reset(quote('AAPL', 3, 90));

    expect(store.get('AAPL')?.price).toBe(90);
    expect(store.apply(quote('AAPL', 4, 91))).toBe('applied');
  });

  it('ignores a gap snapshot fetched for an older connection or older than the baseline', () => {
    const store = new QuoteStore();
    const epoch = store.newEpoch();
    expect(store.resetFor(epoch, quote('AAPL', 7))).toBe(true);
    expect(store.resetFor(epoch, quote('AAPL', 6))).toBe(false);

    store.newEpoch();
    expect(store.resetFor(epoch, quote('AAPL', 100))).toBe(false);
    expect(store.get('AAPL')?.sequence).toBe(7);
  });
});
