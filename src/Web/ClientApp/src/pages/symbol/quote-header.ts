import type { Quote } from '../../api/types';
import { formatChange, formatCompact, formatCount, formatPercent, formatPrice, formatTimeMs, toneOf } from '../../format';
import { pricePrecision } from '../../format/price-precision';
import { h, setText, setTone } from '../../ui/dom';
import { setTimeText } from '../../ui/time-text';

const flashMs = 500;

/** The symbol page's headline: last price (flashing on change), 24h change and the key figures. */
export class QuoteHeader {
  readonly element: HTMLElement;
  private readonly price = h('span', { class: 'headline-price num', text: '–' });
  private readonly change = h('span', { class: 'headline-change num' });
  private readonly figures = new Map<string, HTMLElement>();
  private readonly time = h('time');
  private lastPrice: number | null = null;
  private flashTimer: number | null = null;

  constructor(symbol: string) {
    this.element = h(
      'header',
      { class: 'quote-header' },
      h('h1', { class: 'headline-symbol', text: symbol }),
      h('div', { class: 'headline-quote live-data', attrs: { 'aria-live': 'off' } }, this.price, this.change),
      h(
        'dl',
        { class: 'headline-figures' },
        ...this.figure('high', '24h high'),
        ...this.figure('low', '24h low'),
        ...this.figure('volume', '24h volume'),
        ...this.figure('vwap', 'VWAP 5m'),
        ...this.figure('trades', 'Trades'),
        h('dt', { text: 'Last trade' }),
        h('dd', { class: 'num' }, this.time),
      ),
    );
  }

  render(quote: Quote): void {
    const decimals = pricePrecision.observe(quote.symbol, quote.price);
    setText(this.price, formatPrice(quote.price, decimals));
    setText(this.change, `${formatChange(quote.change24h, decimals)} (${formatPercent(quote.changePercent24h)})`);
    setTone(this.change, toneOf(quote.change24h));
    setText(this.figures.get('high')!, formatPrice(quote.high24h, decimals));
    setText(this.figures.get('low')!, formatPrice(quote.low24h, decimals));
    setText(this.figures.get('volume')!, formatCompact(quote.volume24h));
    setText(this.figures.get('vwap')!, formatPrice(quote.vwap, decimals));
    setText(this.figures.get('trades')!, formatCount(quote.tradeCount));
    setTimeText(this.time, quote.timestamp, (value) => formatTimeMs(value));
    if (this.lastPrice !== null && quote.price !== this.lastPrice) {
      this.flash(quote.price > this.lastPrice ? 'flash-up' : 'flash-down');
    }

    this.lastPrice = quote.price;
  }

  dispose(): void {
    if (this.flashTimer !== null) {
      window.clearTimeout(this.flashTimer);
    }
  }

  private flash(tone: 'flash-up' | 'flash-down'): void {
    this.price.classList.remove('flash-up', 'flash-down');
    this.price.classList.add(tone);
    if (this.flashTimer !== null) {
      window.clearTimeout(this.flashTimer);
    }

    this.flashTimer = window.setTimeout(() => {
      this.flashTimer = null;
      this.price.classList.remove('flash-up', 'flash-down');
    }, flashMs);
  }

  private figure(id: string, label: string): HTMLElement[] {
    const value = h('dd', { class: 'num', text: '–' });
    this.figures.set(id, value);
    return [h('dt', { text: label }), value];
  }
}
