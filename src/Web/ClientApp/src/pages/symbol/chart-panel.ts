import { marketApi } from '../../api/market-api';
import { intervalMs, type Interval, type Quote } from '../../api/types';
import { pricePrecision } from '../../format/price-precision';
import { h, setText } from '../../ui/dom';
import { Poller } from '../../util/poller';
import { CandleBook } from './candle-book';
import type { OverlayId } from './overlays';
import type { PriceChart } from './price-chart';

const pageSize = 300;
const initialBarsInView = 120;

/**
 * The chart and its data. The open candle follows live quotes at once (close, widening high
 * and low, volume from the quote's running total), and because quotes are conflated and may skip
 * the prices that set a high or low, the two newest candles are re-fetched at most once a second
 * while the symbol trades and the page is visible: cheap, exact within a second, and it also
 * delivers the final values of a candle that just closed (and late-tick amendments, which the
 * grace period limits to that candle).
 */
export class ChartPanel {
  readonly element: HTMLElement;
  private readonly host = h('div', { class: 'chart-host', attrs: { 'data-state': 'loading' } });
  private readonly message = h('p', { class: 'chart-message', attrs: { role: 'status' }, text: 'Loading chart…' });
  private readonly refresher: Poller;
  private chart: PriceChart | null = null;
  private book: CandleBook;
  private cursor: string | null = null;
  private generation = 0;
  private openDirty = false;
  private loadingOlder = false;
  private lastVolume: number | null = null;
  private latest: { price: number; time: number } | null = null;
  private overlays: ReadonlySet<OverlayId>;

  constructor(
    private readonly symbol: string,
    private interval: Interval,
    overlays: ReadonlySet<OverlayId>,
  ) {
    this.overlays = overlays;
    this.book = new CandleBook(intervalMs[interval]);
    this.element = h('section', { class: 'panel chart-panel', attrs: { 'aria-label': `${symbol} price chart` } }, this.host, this.message);
    this.refresher = new Poller(() => this.refreshOpen(), 1_000);
  }

  async start(): Promise<void> {
    // lightweight-charts is a chunk of its own: the overview never loads it.
    const { PriceChart } = await import('./price-chart');
    this.chart = new PriceChart(this.host, pricePrecision.of(this.symbol));
    this.chart.setOverlays(this.overlays);
    this.chart.onNearStart(() => void this.loadOlder());
    await this.load();
    this.refresher.start();
  }

  setInterval(interval: Interval): void {
    if (interval !== this.interval) {
      this.interval = interval;
      void this.load();
    }
  }

  setOverlays(overlays: ReadonlySet<OverlayId>): void {
    this.overlays = overlays;
    this.chart?.setOverlays(overlays);
  }

  /** A live quote of the symbol. */
  quote(quote: Quote): void {
    const traded = this.lastVolume === null ? 0 : Math.max(0, quote.volume - this.lastVolume);
    this.lastVolume = quote.volume;
    this.openDirty = true;
    if (!this.chart || this.host.dataset['state'] !== 'ready') {
      return;
    }

    this.chart.setDecimals(pricePrecision.observe(this.symbol, quote.price));
    const time = Date.parse(quote.timestamp);
    this.latest = { price: quote.price, time };
    const change = this.book.applyTrade(quote.price, time, traded);
    if (change !== 'ignored') {
      this.chart.updateBar(this.book.all, this.book.last!, false);
      this.describe();
    }
  }

  /** Loads the current interval from scratch (after a switch, or a reconnect to a restarted silo). */
  async load(): Promise<void> {
    const generation = ++this.generation;
    const interval = this.interval;
    this.host.dataset['state'] = 'loading';
    this.host.dataset['interval'] = interval;
    try {
      const page = await marketApi.candles(this.symbol, interval, pageSize);
      if (generation !== this.generation || !this.chart) {
        return;
      }

      this.book = new CandleBook(intervalMs[interval]);
      this.book.load(page.items);
      this.cursor = page.nextCursor;
      this.chart.setBars(this.book.all);
      this.chart.showLatest(initialBarsInView);
      this.host.dataset['state'] = 'ready';
      this.describe();
    } catch (error) {
      if (generation === this.generation) {
        this.host.dataset['state'] = 'error';
        this.showMessage(`Could not load candles: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  dispose(): void {
    this.generation++;
    this.refresher.dispose();
    this.chart?.dispose();
  }

  private async refreshOpen(): Promise<void> {
    if (!this.openDirty || !this.chart || this.host.dataset['state'] !== 'ready') {
      return;
    }

    this.openDirty = false;
    const generation = this.generation;
    const page = await marketApi.candles(this.symbol, this.interval, 2);
    if (generation !== this.generation) {
      return;
    }

    for (const candle of [...page.items].reverse()) {
      const change = this.book.upsert(candle);
      if (change === 'appended' || change === 'updated-last') {
        this.chart.updateBar(this.book.all, this.book.last!, false);
      } else if (change === 'updated-older') {
        this.chart.setBars(this.book.all);
      }
    }

    if (this.latest && this.book.reapplyLatest(this.latest.price, this.latest.time) !== 'ignored') {
      this.chart.updateBar(this.book.all, this.book.last!, false);
    }

    this.describe();
  }

  private async loadOlder(): Promise<void> {
    if (this.loadingOlder || this.cursor === null || !this.chart) {
      return;
    }

    this.loadingOlder = true;
    const generation = this.generation;
    try {
      const page = await marketApi.candles(this.symbol, this.interval, pageSize, this.cursor);
      if (generation !== this.generation) {
        return;
      }

      this.cursor = page.nextCursor;
      if (this.book.prependOlder(page.items) > 0) {
        this.chart.setBars(this.book.all);
        this.describe();
      }
    } finally {
      this.loadingOlder = false;
    }
  }

  private describe(): void {
    const count = this.book.all.length;
    this.host.dataset['candles'] = String(count);
    this.showMessage(count === 0 ? 'No candles yet: the first trade opens one.' : '');
  }

  private showMessage(text: string): void {
    setText(this.message, text);
    this.message.hidden = text === '';
  }
}
