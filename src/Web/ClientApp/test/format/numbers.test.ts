import { describe, expect, it } from 'vitest';
import { direction, formatChange, formatCompact, formatCount, formatPercent, formatPrice, formatQuantity, formatRate, priceDecimals } from '../../src/format/numbers';
import { PricePrecision } from '../../src/format/price-precision';

const en = 'en-US';

describe('number formatting', () => {
  it('formats prices with fixed decimals and grouping', () => {
    expect(formatPrice(95099.2, 2, en)).toBe('95,099.20');
    expect(formatPrice(0.34998, 5, en)).toBe('0.34998');
    expect(formatPrice(null, 2, en)).toBe('–');
    expect(formatPrice(Number.NaN, 2, en)).toBe('–');
  });

  it('signs changes and percentages, but not zero', () => {
    expect(formatChange(1.5, 2, en)).toBe('+1.50');
    expect(formatChange(-0.4, 2, en)).toBe('-0.40');
    expect(formatChange(0, 2, en)).toBe('0.00');
    expect(formatPercent(1.234, en)).toBe('+1.23%');
    expect(formatPercent(-0.5, en)).toBe('-0.50%');
  });

  it('uses compact notation for large quantities and groups counts', () => {
    expect(formatCompact(1_234_567, en)).toBe('1.23M');
    expect(formatCompact(950, en)).toBe('950');
    expect(formatCompact(12_345, en)).toBe('12.3K');
    expect(formatCompact(0.04321, en)).toBe('0.0432');
    expect(formatCount(1234567.8, en)).toBe('1,234,568');
    expect(formatQuantity(0.123456, 4, en)).toBe('0.1235');
    expect(formatRate(1999.54, en)).toBe('1,999.5');
  });

  it('follows the user locale', () => {
    expect(formatPrice(1234.5, 2, 'de-DE')).toBe('1.234,50');
  });

  it('finds the decimals a price is quoted in', () => {
    expect(priceDecimals(101.2)).toBe(2);
    expect(priceDecimals(101)).toBe(2);
    expect(priceDecimals(0.34998)).toBe(5);
    expect(priceDecimals(1e-7)).toBe(7);
    expect(priceDecimals(1.5e-10)).toBe(8);
  });

  it('keeps the most decimals seen per symbol so columns stay aligned', () => {
    const precision = new PricePrecision();
    expect(precision.observe('DOGE-USD', 0.35)).toBe(2);
    expect(precision.observe('DOGE-USD', 0.34998)).toBe(5);
    expect(precision.observe('DOGE-USD', 0.35)).toBe(5);
    expect(precision.of('AAPL')).toBe(2);
  });

  it('gives the direction of a change', () => {
    expect([direction(2), direction(-1), direction(0), direction(null)]).toEqual([1, -1, 0, 0]);
  });
});
