import { ApiError } from '../../api/http';
import { marketApi } from '../../api/market-api';
import { intervals, isInterval, type Interval, type Quote } from '../../api/types';
import { h } from '../../ui/dom';
import { Segmented } from '../../ui/segmented';
import { Poller } from '../../util/poller';
import type { Page, PageContext } from '../page';
import { ChartPanel } from './chart-panel';
import { loadOverlayChoice, overlays, saveOverlayChoice, type OverlayId } from './overlays';
import { QuoteHeader } from './quote-header';
import { StatsPanel } from './stats-panel';
import { TradesPanel } from './trades-panel';

const intervalLabels: Record<Interval, string> = { '1m': '1 minute', '5m': '5 minutes', '15m': '15 minutes', '1h': '1 hour', '4h': '4 hours', '1d': '1 day' };

function intervalFrom(query: URLSearchParams): Interval {
  const value = query.get('interval');
  return isInterval(value) ? value : '1m';
}

/** One symbol: live quote, candlestick chart with volume and overlays, statistics, recent trades. */
export function symbolPage(context: PageContext, rawSymbol: string, query: URLSearchParams): Page {
  const { feed } = context;
  const symbol = rawSymbol.toUpperCase();
  let interval = intervalFrom(query);
  let chosen = loadOverlayChoice();
  let disposed = false;
  const releases: (() => void)[] = [];

  const header = new QuoteHeader(symbol);
  const chart = new ChartPanel(symbol, interval, chosen);
  const stats = new StatsPanel();
  const trades = new TradesPanel(symbol);
  const intervalPicker = new Segmented(
    'Candle interval',
    'radio',
    intervals.map((value) => ({ value, label: value, title: intervalLabels[value] })),
    (value) => context.navigate(`/symbols/${encodeURIComponent(symbol)}${value === '1m' ? '' : `?interval=${value}`}`, { replace: true }),
  );
  intervalPicker.select(interval);
  const overlayPicker = new Segmented<OverlayId>(
    'Overlays',
    'toggle',
    overlays.map((overlay) => ({ value: overlay.id, label: overlay.label, title: overlay.title })),
    (id) => {
      chosen = new Set(chosen);
      if (!chosen.delete(id)) {
        chosen.add(id);
      }

      saveOverlayChoice(chosen);
      overlayPicker.select(chosen);
      chart.setOverlays(chosen);
    },
  );
  overlayPicker.select(chosen);

  let statsChanged = true;
  const statsPoller = new Poller(async (signal) => {
    if (!statsChanged) {
      return;
    }

    statsChanged = false;
    stats.render(await marketApi.stats(symbol, signal));
  }, 2_000);

  const content = h(
    'div',
    { class: 'symbol-layout' },
    h('div', { class: 'symbol-main' }, h('div', { class: 'chart-toolbar' }, intervalPicker.element, overlayPicker.element), chart.element),
    h('div', { class: 'symbol-side' }, stats.element, trades.element),
  );
  const notice = h('div', { class: 'notice', attrs: { role: 'alert' } });
  notice.hidden = true;
  const element = h('div', { class: 'page symbol' }, h('nav', { class: 'crumbs', attrs: { 'aria-label': 'Breadcrumb' } }, link('/', 'Market')), header.element, notice, content);

  function onQuote(quote: Quote): void {
    header.render(quote);
    chart.quote(quote);
    trades.symbolTraded();
    statsChanged = true;
  }

  async function start(): Promise<void> {
    let quote: Quote;
    try {
      quote = await marketApi.quote(symbol);
    } catch (error) {
      if (disposed) {
        return;
      }

      content.hidden = true;
      notice.hidden = false;
      if (error instanceof ApiError && error.notFound) {
        notice.replaceChildren(`Unknown symbol ${symbol}: the service has seen no trade of it. `, link('/', 'Back to the market'));
      } else {
        notice.textContent = `Could not load ${symbol}: ${error instanceof Error ? error.message : String(error)}. Retrying…`;
        window.setTimeout(() => void (disposed || start()), 3_000);
      }

      return;
    }

    if (disposed) {
      return;
    }

    notice.hidden = true;
    content.hidden = false;
    onQuote(quote);
    let connectionsSeen = feed.stats.connections;
    releases.push(
      feed.watch([symbol]),
      feed.onQuotes((changed) => {
        const latest = changed.has(symbol) ? feed.quotes.get(symbol) : undefined;
        if (latest) {
          onQuote(latest);
        }
      }),
      feed.connection.onChange((state) => {
        if (state.kind === 'live' && feed.stats.connections > connectionsSeen) {
          const reconnected = connectionsSeen > 0;
          connectionsSeen = feed.stats.connections;
          if (reconnected) {
            void chart.load(); // the silo may have restarted with other candles
          }
        }
      }),
    );
    statsPoller.start();
    await chart.start();
  }

  void start();

  return {
    element,
    title: symbol,
    updateQuery(next) {
      const nextInterval = intervalFrom(next);
      if (nextInterval !== interval) {
        interval = nextInterval;
        intervalPicker.select(interval);
        chart.setInterval(interval);
      }
    },
    dispose() {
      disposed = true;
      releases.forEach((release) => release());
      statsPoller.dispose();
      header.dispose();
      chart.dispose();
      trades.dispose();
    },
  };
}

function link(href: string, text: string): HTMLAnchorElement {
  return h('a', { text, attrs: { href } });
}
