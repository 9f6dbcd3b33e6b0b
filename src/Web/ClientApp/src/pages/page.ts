import type { MarketFeed } from '../live/market-feed';

/** What every page gets: the live feed and navigation. */
export interface PageContext {
  feed: MarketFeed;
  navigate(url: string, options?: { replace?: boolean }): void;
}

/** A mounted page. The shell disposes it on navigation; it must release what it watches. */
export interface Page {
  readonly element: HTMLElement;
  readonly title: string;
  /** Same route, new query string (the symbol page's interval): update in place. */
  updateQuery?(query: URLSearchParams): void;
  dispose(): void;
}
