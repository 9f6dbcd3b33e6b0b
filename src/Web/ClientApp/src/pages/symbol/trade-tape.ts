import type { Page, Trade } from '../../api/types';

/**
 * The recent-trades list, newest first. At the head it follows the newest page (polled while
 * the symbol trades) and says which trades are new; "load more" appends older pages through the
 * API's cursor and leaves the head, so the list stops moving while the user reads history. Pure.
 */
export class TradeTape {
  private trades: Trade[] = [];
  private cursor: string | null = null;
  private pages = 0;

  get items(): readonly Trade[] {
    return this.trades;
  }

  get nextCursor(): string | null {
    return this.cursor;
  }

  /** Only the newest page is loaded: live updates replace it. */
  get atHead(): boolean {
    return this.pages <= 1;
  }

  /** Takes the newest page; returns the ids of trades not seen before (none on the first load). */
  showHead(page: Page<Trade>): Set<number> {
    const newest = this.trades[0]?.tradeId;
    const fresh = new Set<number>();
    if (newest !== undefined) {
      for (const trade of page.items) {
        if (trade.tradeId > newest) {
          fresh.add(trade.tradeId);
        }
      }
    }

    this.trades = [...page.items];
    this.cursor = page.nextCursor;
    this.pages = 1;
    return fresh;
  }

  /** Appends an older page (from `nextCursor`). */
  appendOlder(page: Page<Trade>): void {
    const oldest = this.trades[this.trades.length - 1]?.tradeId ?? Number.POSITIVE_INFINITY;
    this.trades.push(...page.items.filter((trade) => trade.tradeId < oldest));
    this.cursor = page.nextCursor;
    this.pages++;
  }

  /** −1, 0 or 1: the trade's price against the trade before it (the next one in the list). */
  tickDirection(index: number): -1 | 0 | 1 {
    const trade = this.trades[index];
    const before = this.trades[index + 1];
    if (!trade || !before || trade.price === before.price) {
      return 0;
    }

    return trade.price > before.price ? 1 : -1;
  }
}
