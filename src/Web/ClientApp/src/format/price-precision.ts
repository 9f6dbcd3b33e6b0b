import { priceDecimals } from './numbers';

/**
 * Decimals per symbol: the most seen in any of its prices, so a column of one symbol's prices
 * keeps its digits aligned (101.20 rather than 101.2) and DOGE-USD keeps its five.
 */
export class PricePrecision {
  private readonly decimals = new Map<string, number>();

  observe(symbol: string, price: number): number {
    const seen = this.decimals.get(symbol) ?? 2;
    const next = Math.max(seen, priceDecimals(price));
    if (next !== seen || !this.decimals.has(symbol)) {
      this.decimals.set(symbol, next);
    }

    return next;
  }

  of(symbol: string): number {
    return this.decimals.get(symbol) ?? 2;
  }
}

/** One registry for the whole page, so every view of a symbol uses the same decimals. */
export const pricePrecision = new PricePrecision();
