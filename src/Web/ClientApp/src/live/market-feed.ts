import type { MarketSummary, Quote } from '../api/types';
import { systemClock, type Clock } from './clock';
import { emptyStats, type FeedStats } from './feed-stats';
import { animationFrames, FrameBatcher, type FrameScheduler } from './frame-batcher';
import { unknownSymbolIn } from './hub-errors';
import type { HubPort } from './hub-port';
import { MarketConnection } from './market-connection';
import { QuoteStore } from './quote-store';
import { SubscriptionSet } from './subscription-set';

export interface MarketFeedOptions {
  /** REST snapshot of one symbol, for gaps. */
  fetchQuote: (symbol: string) => Promise<Quote>;
  /** Symbols the server knows, to subscribe around an unknown one in one more call. */
  fetchKnownSymbols: () => Promise<string[]>;
  clock?: Clock;
  frames?: FrameScheduler;
  /** Pricing:Hub:MaxSymbolsPerCall on the server (default 1000). */
  maxSymbolsPerCall?: number;
  /** A symbol no page watches any more stays subscribed this long, so going back is instant. */
  releaseDelayMs?: number;
  /** How often symbols the server did not know yet are tried again. */
  unknownRetryMs?: number;
  /** Least time between two renders of quote changes (each still in an animation frame). */
  renderIntervalMs?: number;
}

export type QuotesListener = (symbols: ReadonlySet<string>, time: number) => void;
export type SummaryListener = (summary: MarketSummary) => void;

/**
 * The page's one live data source: the hub connection, what the pages watch (reference
 * counted), the latest quote of each symbol (by sequence) and the market summary. Listeners
 * hear about changed symbols once per animation frame.
 */
export class MarketFeed {
  readonly quotes = new QuoteStore();
  readonly stats: FeedStats = emptyStats();
  readonly connection: MarketConnection;

  private readonly wanted = new SubscriptionSet();
  /** Subscribed (or being subscribed) on the current connection. */
  private readonly serverSide = new Set<string>();
  /** Wanted, but unknown to the server when we tried. */
  private readonly unknown = new Set<string>();
  private readonly gapFetches = new Map<string, Quote>();
  private readonly quoteListeners = new Set<QuotesListener>();
  private readonly summaryListeners = new Set<SummaryListener>();
  private readonly batcher: FrameBatcher<string>;
  private readonly clock: Clock;
  private readonly maxSymbolsPerCall: number;
  private readonly releaseDelayMs: number;
  private readonly unknownRetryMs: number;
  private summaryWanted = 0;
  private summaryOnServer = false;
  private latestSummary: MarketSummary | null = null;
  private hubReady = false;
  private unknownTimer: number | null = null;
  private liveInFrame = false;

  constructor(
    private readonly hub: HubPort,
    private readonly options: MarketFeedOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.maxSymbolsPerCall = options.maxSymbolsPerCall ?? 1000;
    this.releaseDelayMs = options.releaseDelayMs ?? 15_000;
    this.unknownRetryMs = options.unknownRetryMs ?? 3_000;
    this.batcher = new FrameBatcher((symbols, time) => this.flush(symbols, time), options.frames ?? animationFrames, options.renderIntervalMs ?? 0);
    hub.on('quote', (quote: Quote) => this.receiveQuote(quote));
    hub.on('summary', (summary: MarketSummary) => this.receiveSummary(summary));
    hub.onclose(() => {
      this.hubReady = false;
      this.summaryOnServer = false;
    });
    this.connection = new MarketConnection(hub, () => this.resubscribe(), this.clock);
  }

  get summary(): MarketSummary | null {
    return this.latestSummary;
  }

  start(): void {
    this.connection.start();
  }

  /** Wants live quotes of `symbols`; call the returned function once to let them go. */
  watch(symbols: readonly string[]): () => void {
    const added = this.wanted.add(symbols);
    if (added.length > 0 && this.hubReady) {
      this.subscribeOnServer(added).catch(() => {
        // The connection is failing; the next one subscribes everything wanted.
      });
    }

    let released = false;
    return () => {
      if (released) {
        return;
      }

      released = true;
      const removed = this.wanted.remove(symbols);
      if (removed.length > 0) {
        this.clock.setTimeout(() => this.unsubscribeUnwanted(removed), this.releaseDelayMs);
      }
    };
  }

  /** Wants the market summary; call the returned function once to let it go. */
  watchSummary(): () => void {
    this.summaryWanted++;
    if (this.summaryWanted === 1 && this.hubReady && !this.summaryOnServer) {
      this.subscribeSummary().catch(() => undefined);
    }

    let released = false;
    return () => {
      if (released) {
        return;
      }

      released = true;
      this.summaryWanted--;
      this.clock.setTimeout(() => {
        if (this.summaryWanted === 0 && this.summaryOnServer && this.hubReady) {
          this.summaryOnServer = false;
          this.hub.invoke('UnsubscribeSummary').catch(() => undefined);
        }
      }, this.releaseDelayMs);
    };
  }

  /**
   * Calls a hub method on the current connection (for subscriptions other pages own, such as
   * alerts); they must subscribe again when the connection becomes live again.
   */
  invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    return this.hubReady ? this.hub.invoke<T>(method, ...args) : Promise.reject(new Error('not connected'));
  }

  /** Listens to a server-to-client message; returns the function that stops listening. */
  onMessage<T>(method: string, handler: (message: T) => void): () => void {
    this.hub.on(method, handler);
    return () => this.hub.off(method, handler);
  }

  onQuotes(listener: QuotesListener): () => void {
    this.quoteListeners.add(listener);
    return () => this.quoteListeners.delete(listener);
  }

  /** Calls `listener` with the latest summary now (if any) and with every newer one. */
  onSummary(listener: SummaryListener): () => void {
    this.summaryListeners.add(listener);
    if (this.latestSummary) {
      listener(this.latestSummary);
    }

    return () => this.summaryListeners.delete(listener);
  }

  /** Runs on every new connection, before it counts as live. */
  private async resubscribe(): Promise<void> {
    this.stats.connections++;
    this.serverSide.clear();
    this.unknown.clear();
    this.gapFetches.clear();
    this.quotes.newEpoch();
    this.hubReady = true;
    await this.subscribeOnServer(this.wanted.all());
    if (this.summaryWanted > 0) {
      await this.subscribeSummary();
    }
  }

  private async subscribeSummary(): Promise<void> {
    this.summaryOnServer = true;
    try {
      this.receiveSummary(await this.hub.invoke<MarketSummary>('SubscribeSummary'));
    } catch (error) {
      this.summaryOnServer = false;
      throw error;
    }
  }

  private async subscribeOnServer(symbols: readonly string[]): Promise<void> {
    const todo = symbols.filter((symbol) => !this.serverSide.has(symbol));
    for (const symbol of todo) {
      this.serverSide.add(symbol);
    }

    for (let i = 0; i < todo.length; i += this.maxSymbolsPerCall) {
      await this.subscribeChunk(todo.slice(i, i + this.maxSymbolsPerCall));
    }
  }

  private async subscribeChunk(chunk: string[]): Promise<void> {
    let rest = chunk;
    while (rest.length > 0) {
      try {
        const snapshots = await this.hub.invoke<Quote[]>('Subscribe', rest);
        for (const quote of snapshots) {
          this.quotes.reset(quote);
          this.stats.snapshots++;
          this.batcher.mark(quote.symbol);
        }

        return;
      } catch (error) {
        const unknown = unknownSymbolIn(error);
        if (unknown === null || !rest.includes(unknown)) {
          rest.forEach((symbol) => this.serverSide.delete(symbol));
          throw error;
        }

        // One call per unknown symbol would take as many round trips as there are new symbols
        // after a restart: ask which are known and subscribe those at once.
        const known = new Set(await this.options.fetchKnownSymbols());
        known.delete(unknown);
        const later = rest.filter((symbol) => !known.has(symbol));
        later.forEach((symbol) => {
          this.serverSide.delete(symbol);
          this.unknown.add(symbol);
        });
        rest = rest.filter((symbol) => known.has(symbol));
        this.scheduleUnknownRetry();
      }
    }
  }

  private scheduleUnknownRetry(): void {
    if (this.unknownTimer !== null) {
      return;
    }

    this.unknownTimer = this.clock.setTimeout(() => {
      this.unknownTimer = null;
      const retry = [...this.unknown].filter((symbol) => this.wanted.has(symbol));
      this.unknown.clear();
      if (retry.length > 0 && this.hubReady) {
        this.subscribeOnServer(retry).catch(() => undefined);
      }
    }, this.unknownRetryMs);
  }

  private unsubscribeUnwanted(symbols: readonly string[]): void {
    const unwanted = symbols.filter((symbol) => !this.wanted.has(symbol) && this.serverSide.has(symbol));
    if (unwanted.length === 0 || !this.hubReady) {
      return;
    }

    unwanted.forEach((symbol) => this.serverSide.delete(symbol));
    this.hub.invoke('Unsubscribe', unwanted).catch(() => undefined);
  }

  private receiveQuote(quote: Quote): void {
    this.stats.received++;
    switch (this.quotes.apply(quote)) {
      case 'applied':
        this.stats.applied++;
        this.liveInFrame = true;
        this.batcher.mark(quote.symbol);
        break;
      case 'stale':
        this.stats.stale++;
        break;
      case 'gap':
        this.stats.gaps++;
        this.recoverGap(quote);
        break;
    }
  }

  /** Fetches a snapshot for a symbol without a baseline; keeps the newest update seen meanwhile. */
  private recoverGap(quote: Quote): void {
    const pending = this.gapFetches.get(quote.symbol);
    if (pending) {
      if (quote.sequence > pending.sequence) {
        this.gapFetches.set(quote.symbol, quote);
      }

      return;
    }

    this.gapFetches.set(quote.symbol, quote);
    const epoch = this.quotes.currentEpoch;
    this.options
      .fetchQuote(quote.symbol)
      .then((snapshot) => {
        const newest = this.gapFetches.get(quote.symbol);
        if (!this.quotes.resetFor(epoch, snapshot)) {
          return;
        }

        this.stats.snapshots++;
        if (newest) {
          this.quotes.apply(newest);
        }

        this.batcher.mark(quote.symbol);
      })
      .catch(() => {
        // The next update is another gap and tries again.
      })
      .finally(() => this.gapFetches.delete(quote.symbol));
  }

  private receiveSummary(summary: MarketSummary): void {
    if (this.latestSummary && Date.parse(summary.asOf) < Date.parse(this.latestSummary.asOf)) {
      return; // an older one that crossed a newer one on a resubscription
    }

    this.latestSummary = summary;
    for (const listener of this.summaryListeners) {
      listener(summary);
    }
  }

  private flush(symbols: ReadonlySet<string>, time: number): void {
    this.stats.frames++;
    for (const listener of this.quoteListeners) {
      listener(symbols, time);
    }

    if (this.liveInFrame) {
      this.liveInFrame = false;
      markOnce('pricing:first-live-price');
    }

    markOnce('pricing:first-price');
  }
}

const marked = new Set<string>();

/** A Performance API mark, once per page load: the benchmarks read them. */
function markOnce(name: string): void {
  if (!marked.has(name) && typeof performance !== 'undefined' && typeof performance.mark === 'function') {
    marked.add(name);
    performance.mark(name);
  }
}
