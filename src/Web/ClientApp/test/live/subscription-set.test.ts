import { describe, expect, it } from 'vitest';
import { SubscriptionSet } from '../../src/live/subscription-set';

describe('SubscriptionSet', () => {
  it('reports a symbol as added on the first interest and removed on the last', () => {
    const set = new SubscriptionSet();
    expect(set.add(['AAPL', 'MSFT'])).toEqual(['AAPL', 'MSFT']);
    expect(set.add(['AAPL'])).toEqual([]);
    expect(set.remove(['AAPL'])).toEqual([]);
    expect(set.has('AAPL')).toBe(true);
    expect(set.remove(['AAPL', 'MSFT'])).toEqual(['AAPL', 'MSFT']);
    expect(set.size).toBe(0);
  });

  it('ignores removing what was never added', () => {
    const set = new SubscriptionSet();
    expect(set.remove(['NOPE'])).toEqual([]);
  });
});
