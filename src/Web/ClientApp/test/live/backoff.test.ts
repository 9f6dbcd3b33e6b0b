import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff } from '../../src/live/backoff';

describe('backoffDelay', () => {
  const noJitter = () => 0;

  it('doubles from the initial delay up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((attempt) => backoffDelay(attempt, defaultBackoff, noJitter))).toEqual([500, 1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it('spreads retries by up to the jitter fraction, never above the delay', () => {
    expect(backoffDelay(3, defaultBackoff, () => 1)).toBe(1400);
    expect(backoffDelay(3, defaultBackoff, () => 0.5)).toBe(1700);
  });

  it('treats attempt 0 like the first retry', () => {
    expect(backoffDelay(0, defaultBackoff, noJitter)).toBe(500);
  });
});
