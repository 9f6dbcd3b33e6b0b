import type { SymbolStats } from '../../api/types';
import { formatCompact, formatCount, formatPrice } from '../../format';
import { pricePrecision } from '../../format/price-precision';
import { h, setText } from '../../ui/dom';

/** Every statistic the service keeps for the symbol (`GET /symbols/{symbol}/stats`). */
export class StatsPanel {
  readonly element: HTMLElement;
  private readonly list = h('dl', { class: 'stats-list' });
  private readonly rows = new Map<string, HTMLElement>();

  constructor() {
    this.element = h('section', { class: 'panel stats', attrs: { 'aria-labelledby': 'stats-title' } }, h('h2', { text: 'Statistics', attrs: { id: 'stats-title' } }), this.list);
  }

  render(stats: SymbolStats): void {
    const decimals = pricePrecision.observe(stats.quote.symbol, stats.quote.price);
    const price = (value: number | null | undefined) => formatPrice(value ?? null, decimals);
    this.set('VWAP (all time)', price(stats.vwapAllTime));
    this.set(`VWAP (${formatCount(stats.vwapTicks.ticks ?? 0)} trades)`, price(stats.vwapTicks.value));
    this.set(`VWAP (${windowLabel(stats.vwapWindow.windowSeconds)})`, price(stats.vwapWindow.value));
    for (const average of stats.sma) {
      this.set(`SMA ${average.period} trades`, price(average.value));
    }

    for (const average of stats.ema) {
      this.set(`EMA ${average.period} trades`, price(average.value));
    }

    const sigma = stats.volatility.stdDevLogReturns;
    this.set(`Volatility (${stats.volatility.window} returns)`, sigma === null ? '–' : `${(sigma * 100).toFixed(4)} %`, 'Standard deviation of log returns per trade, not annualised');
    this.set('Turnover', formatCompact(stats.turnover));
    this.set('Volume (all)', formatCompact(stats.quote.volume));
    this.set('Trades (all)', formatCount(stats.quote.tradeCount));
    const late = stats.lateTicks.reduce((sum, entry) => sum + entry.count, 0);
    this.set('Late ticks', formatCount(late), stats.lateTicks.map((entry) => `${entry.interval}: ${entry.count}`).join(', ') || 'none');
    this.set('Partitions', Object.keys(stats.appliedOffsets).sort().join(', ') || '–', 'Input partitions this symbol was read from, with the highest offset applied');
  }

  private set(label: string, value: string, title?: string): void {
    let dd = this.rows.get(label);
    if (!dd) {
      dd = h('dd', { class: 'num' });
      this.rows.set(label, dd);
      this.list.append(h('dt', { text: label }), dd);
    }

    setText(dd, value);
    if (title !== undefined) {
      dd.title = title;
    }
  }
}

function windowLabel(seconds: number | null): string {
  if (seconds === null) {
    return 'window';
  }

  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}
