import type { MarketSummary, SymbolSummary } from '../../api/types';
import { formatCompact, formatCount, formatPercent, formatRate, formatTime, toneOf } from '../../format';
import { h, setText, setTone } from '../../ui/dom';
import { setTimeText } from '../../ui/time-text';

/** The market at a glance: breadth, activity and the movers, from the hub's summary messages. */
export class SummaryBar {
  readonly element: HTMLElement;
  private readonly values = new Map<string, HTMLElement>();
  private readonly breadth: { up: HTMLElement; down: HTMLElement; flat: HTMLElement };
  private readonly movers = new Map<string, HTMLElement>();
  private readonly asOf: HTMLTimeElement;

  constructor() {
    this.breadth = { up: h('span', { class: 'up' }), down: h('span', { class: 'down' }), flat: h('span', { class: 'flat' }) };
    this.asOf = h('time');
    this.element = h(
      'section',
      { class: 'summary live-data', attrs: { 'aria-label': 'Market summary' } },
      h(
        'div',
        { class: 'summary-figures' },
        this.figure('symbols', 'Symbols'),
        this.breadthFigure(),
        this.figure('trades', 'Trades'),
        this.figure('volume', 'Volume 24h'),
        this.figure('rate', 'Ticks/s'),
        h('div', { class: 'figure' }, h('span', { class: 'label', text: 'As of' }), h('span', { class: 'value' }, this.asOf)),
      ),
      h('div', { class: 'movers' }, this.moverList('gainers', 'Top gainers'), this.moverList('losers', 'Top losers'), this.moverList('active', 'Most active')),
    );
  }

  render(summary: MarketSummary): void {
    this.set('symbols', formatCount(summary.symbols));
    this.set('trades', formatCount(summary.totalTrades));
    this.set('volume', formatCompact(summary.totalVolume24h));
    this.set('rate', formatRate(summary.ticksPerSecond));
    setText(this.values.get('breadth')!, `${formatCount(summary.advancers)} / ${formatCount(summary.decliners)} / ${formatCount(summary.unchanged)}`);
    const total = Math.max(1, summary.advancers + summary.decliners + summary.unchanged);
    this.breadth.up.style.flexGrow = String(summary.advancers / total);
    this.breadth.down.style.flexGrow = String(summary.decliners / total);
    this.breadth.flat.style.flexGrow = String(summary.unchanged / total);
    setTimeText(this.asOf, summary.asOf, (value) => formatTime(value));
    this.renderMovers('gainers', summary.topGainers.slice(0, 3), (s) => formatPercent(s.changePercent24h), (s) => s.changePercent24h);
    this.renderMovers('losers', summary.topLosers.slice(0, 3), (s) => formatPercent(s.changePercent24h), (s) => s.changePercent24h);
    this.renderMovers('active', summary.mostActive.slice(0, 3), (s) => `${formatCompact(s.tradeCount)} trades`, () => 0);
  }

  private figure(id: string, label: string): HTMLElement {
    const value = h('span', { class: 'value', text: '–' });
    this.values.set(id, value);
    return h('div', { class: 'figure' }, h('span', { class: 'label', text: label }), value);
  }

  private breadthFigure(): HTMLElement {
    const value = h('span', { class: 'value', text: '–' });
    this.values.set('breadth', value);
    return h(
      'div',
      { class: 'figure breadth', title: 'Advancers / decliners / unchanged over 24 hours' },
      h('span', { class: 'label', text: 'Up / down / flat' }),
      value,
      h('span', { class: 'breadth-bar', attrs: { 'aria-hidden': 'true' } }, this.breadth.up, this.breadth.flat, this.breadth.down),
    );
  }

  private moverList(id: string, label: string): HTMLElement {
    const list = h('ol', { class: 'mover-list' });
    this.movers.set(id, list);
    return h('div', { class: 'mover-group' }, h('span', { class: 'label', text: label }), list);
  }

  private renderMovers(id: string, symbols: SymbolSummary[], text: (s: SymbolSummary) => string, tone: (s: SymbolSummary) => number): void {
    const list = this.movers.get(id)!;
    while (list.children.length > symbols.length) {
      list.lastElementChild!.remove();
    }

    symbols.forEach((summary, i) => {
      let item = list.children[i] as HTMLElement | undefined;
      if (!item) {
        item = h('li', null, h('a', { class: 'mover-symbol' }), h('span', { class: 'num mover-value' }));
        list.append(item);
      }

      const link = item.firstElementChild as HTMLAnchorElement;
      const href = `/symbols/${encodeURIComponent(summary.symbol)}`;
      if (link.getAttribute('href') !== href) {
        link.setAttribute('href', href);
      }

      setText(link, summary.symbol);
      const value = item.lastElementChild as HTMLElement;
      setText(value, text(summary));
      setTone(value, toneOf(tone(summary)));
    });
  }

  private set(id: string, text: string): void {
    setText(this.values.get(id)!, text);
  }
}
