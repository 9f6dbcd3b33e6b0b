import { marketApi } from '../../api/market-api';
import type { SymbolSummary } from '../../api/types';
import { formatCount } from '../../format';
import { h, setText } from '../../ui/dom';
import { Throttle } from '../../util/throttle';
import type { Page, PageContext } from '../page';
import { parseSort, rowData, type SortState } from './grid-model';
import { sparklineMinutes, SparklineStore } from './sparkline-store';
import { SummaryBar } from './summary-bar';
import { SymbolGrid } from './symbol-grid';

/** Market overview: the summary, then every symbol live in a sortable, filterable grid. */
export function overviewPage(context: PageContext, query: URLSearchParams): Page {
  const { feed } = context;
  const summaries = new Map<string, SymbolSummary>();
  let symbols: string[] = [];
  let releaseSymbols = () => {};
  let disposed = false;
  const reloadThrottle = new Throttle(5_000);
  const status = h('span', { class: 'toolbar-status', attrs: { role: 'status' } });
  const error = h('p', { class: 'notice error', attrs: { role: 'alert' } });
  error.hidden = true;

  const sparklines = new SparklineStore(
    async (symbol) => (await marketApi.candles(symbol, '1m', sparklineMinutes)).items,
    (symbol) => grid.sparklineChanged(symbol),
  );

  let visibleTimer: number | null = null;
  const grid = new SymbolGrid(
    {
      symbols: () => symbols,
      row: (symbol) => rowData(symbol, feed.quotes.get(symbol), summaries.get(symbol)),
      sparkline: (symbol) => sparklines.points(symbol),
    },
    {
      open: (symbol) => context.navigate(`/symbols/${encodeURIComponent(symbol)}`),
      // Scrolling fast through 5,000 rows should not fetch history for each: wait until it settles.
      visible: (inView) => {
        if (visibleTimer !== null) {
          window.clearTimeout(visibleTimer);
        }

        visibleTimer = window.setTimeout(() => sparklines.ensureHistory(inView), 150);
      },
      sortChanged: () => writeQuery(),
    },
    parseSort(query.get('sort'), query.get('dir')),
  );

  const filter = h('input', {
    class: 'filter',
    attrs: {
      type: 'search',
      placeholder: 'Filter symbols…',
      'aria-label': 'Filter symbols',
      'aria-keyshortcuts': '/',
      'data-search': '',
      autocomplete: 'off',
      spellcheck: 'false',
      value: query.get('q') ?? '',
    },
    on: {
      input: () => {
        grid.setFilter(filter.value);
        renderStatus();
        writeQuery();
      },
      keydown: (event) => {
        if (event.key === 'Escape' && filter.value) {
          filter.value = '';
          filter.dispatchEvent(new Event('input'));
        } else if (event.key === 'ArrowDown') {
          event.preventDefault();
          grid.element.focus();
        }
      },
    },
  });
  grid.setFilter(filter.value);

  const bar = new SummaryBar();
  const element = h(
    'div',
    { class: 'page overview' },
    h('h1', { class: 'visually-hidden', text: 'Market overview' }),
    bar.element,
    h('div', { class: 'toolbar' }, filter, status),
    error,
    grid.element,
  );

  function renderStatus(): void {
    const shown = grid.rowCount;
    const total = symbols.length;
    setText(status, shown === total ? `${formatCount(total)} symbols` : `${formatCount(shown)} of ${formatCount(total)} symbols`);
  }

  function writeQuery(): void {
    const parameters = new URLSearchParams();
    if (filter.value) {
      parameters.set('q', filter.value);
    }

    const sort: SortState = grid.sortState;
    if (sort.key !== 'symbol' || sort.descending) {
      parameters.set('sort', sort.key);
      parameters.set('dir', sort.descending ? 'desc' : 'asc');
    }

    const search = parameters.toString();
    history.replaceState(null, '', search ? `/?${search}` : '/');
  }

  async function loadSymbols(): Promise<void> {
    try {
      const list = await marketApi.symbols();
      if (disposed) {
        return;
      }

      summaries.clear();
      for (const summary of list) {
        summaries.set(summary.symbol, summary);
      }

      symbols = list.map((summary) => summary.symbol);
      // Watch the new list before letting the old one go, so shared symbols stay subscribed.
      const release = releaseSymbols;
      releaseSymbols = feed.watch(symbols);
      release();
      error.hidden = true;
      grid.refresh();
      renderStatus();
    } catch (failure) {
      error.textContent = `Could not load the symbol list: ${failure instanceof Error ? failure.message : String(failure)}. Retrying…`;
      error.hidden = false;
      window.setTimeout(() => void (disposed || loadSymbols()), 3_000);
    }
  }

  let connectionsSeen = feed.stats.connections;
  const releases = [
    feed.watchSummary(),
    feed.onSummary((summary) => {
      bar.render(summary);
      // A symbol trades for the first time: the list grows.
      if (summary.symbols > symbols.length && reloadThrottle.ready(performance.now())) {
        void loadSymbols();
      }
    }),
    feed.onQuotes((changed, time) => {
      for (const symbol of changed) {
        const quote = feed.quotes.get(symbol);
        if (quote) {
          sparklines.applyPrice(symbol, Date.parse(quote.timestamp), quote.price);
        }
      }

      grid.quotesChanged(changed, time);
    }),
    feed.connection.onChange((state) => {
      // A new connection after a drop: the silo may have restarted, with other history and symbols.
      if (state.kind === 'live' && feed.stats.connections > connectionsSeen) {
        const reconnected = connectionsSeen > 0;
        connectionsSeen = feed.stats.connections;
        if (reconnected) {
          sparklines.clear();
          void loadSymbols();
        }
      }
    }),
  ];

  void loadSymbols();

  return {
    element,
    title: 'Market',
    dispose: () => {
      disposed = true;
      releases.forEach((release) => release());
      releaseSymbols();
      grid.dispose();
      sparklines.clear();
      if (visibleTimer !== null) {
        window.clearTimeout(visibleTimer);
      }
    },
  };
}
