import { describe, expect, it } from 'vitest';
import { scrollToReveal, visibleRange } from '../../src/ui/virtual-window';

describe('virtual window', () => {
  it('covers the rows in view plus the overscan, within bounds', () => {
    expect(visibleRange(0, 300, 30, 5000, 4)).toEqual({ first: 0, last: 14 });
    expect(visibleRange(3000, 300, 30, 5000, 4)).toEqual({ first: 96, last: 114 });
    expect(visibleRange(149_800, 300, 30, 5000, 4)).toEqual({ first: 4989, last: 5000 });
  });

  it('renders nothing for an empty list', () => {
    expect(visibleRange(0, 300, 30, 0)).toEqual({ first: 0, last: 0 });
  });

  it('keeps 5,000 rows down to a screenful of DOM rows', () => {
    const range = visibleRange(60_000, 800, 30, 5000, 6);
    expect(range.last - range.first).toBeLessThanOrEqual(40);
  });

  it('scrolls just enough to reveal a row', () => {
    expect(scrollToReveal(5, 0, 300, 30)).toBeNull();
    expect(scrollToReveal(12, 0, 300, 30)).toBe(90);
    expect(scrollToReveal(2, 300, 300, 30)).toBe(60);
  });
});
