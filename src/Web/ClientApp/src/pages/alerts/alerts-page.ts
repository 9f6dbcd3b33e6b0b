import { fetchAlerts, isSeverity, normalizeAlert, severities, type Alert, type AlertFilter } from '../../api/alerts-api';
import { marketApi } from '../../api/market-api';
import { alertHub } from '../../live/alerts-hub';
import { h, setText } from '../../ui/dom';
import { Poller } from '../../util/poller';
import type { Page, PageContext } from '../page';
import { alertRows, mergeAlerts } from './alert-list';

const pageSize = 50;

type LiveMode = 'hub' | 'poll' | 'off';

function filterFrom(query: URLSearchParams): AlertFilter {
  const symbol = query.get('symbol')?.trim().toUpperCase();
  const severity = query.get('severity');
  return { symbol: symbol || undefined, severity: isSeverity(severity) ? severity : undefined };
}

/**
 * Alerts: history with filters (symbol, severity) through the REST cursor, and new alerts live
 * from the hub (or by polling when the hub has no alert subscription). Until the service offers
 * alerts (issue 5) the page says so and checks again now and then.
 */
export function alertsPage(context: PageContext, query: URLSearchParams): Page {
  const { feed } = context;
  let filter = filterFrom(query);
  let alerts: Alert[] = [];
  let cursor: string | null = null;
  let available = false;
  let liveMode: LiveMode = 'off';
  let generation = 0;
  const releases: (() => void)[] = [];

  const symbolInput = h('input', {
    attrs: { type: 'search', list: 'alert-symbols', placeholder: 'All symbols', autocomplete: 'off', spellcheck: 'false', value: filter.symbol ?? '', 'aria-label': 'Symbol', 'data-search': '' },
  });
  const symbolList = h('datalist', { attrs: { id: 'alert-symbols' } });
  const severitySelect = h('select', { attrs: { 'aria-label': 'Severity' } }, h('option', { text: 'All severities', attrs: { value: '' } }), ...severities.map((s) => h('option', { text: s, attrs: { value: s } })));
  severitySelect.value = filter.severity ?? '';
  const liveLabel = h('span', { class: 'toolbar-status', attrs: { role: 'status' } });
  const body = h('tbody');
  const table = h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'table alerts-table' },
      h('thead', null, h('tr', null, ...['Time', 'Severity', 'Symbol', 'Rule', 'Message'].map((label) => h('th', { text: label, attrs: { scope: 'col' }, class: label === 'Time' ? 'num' : '' })))),
      body,
    ),
  );
  const empty = h('div', { class: 'empty-state', attrs: { role: 'status' } });
  const more = h('button', { class: 'button', text: 'Load more', attrs: { type: 'button' }, on: { click: () => void loadMore() } });

  const form = h(
    'form',
    {
      class: 'toolbar',
      attrs: { role: 'search', 'aria-label': 'Filter alerts' },
      on: {
        submit: (event) => {
          event.preventDefault();
          applyFilter();
        },
        change: () => applyFilter(),
      },
    },
    h('label', { class: 'field' }, h('span', { class: 'label', text: 'Symbol' }), symbolInput),
    symbolList,
    h('label', { class: 'field' }, h('span', { class: 'label', text: 'Severity' }), severitySelect),
    liveLabel,
  );

  const element = h('div', { class: 'page alerts' }, h('h1', { text: 'Alerts' }), form, empty, table, h('div', { class: 'panel-foot' }, more));

  function applyFilter(): void {
    const next: AlertFilter = {
      symbol: symbolInput.value.trim().toUpperCase() || undefined,
      severity: isSeverity(severitySelect.value) ? severitySelect.value : undefined,
    };
    if (next.symbol === filter.symbol && next.severity === filter.severity) {
      return;
    }

    const previous = filter;
    filter = next;
    const parameters = new URLSearchParams();
    if (filter.symbol) {
      parameters.set('symbol', filter.symbol);
    }

    if (filter.severity) {
      parameters.set('severity', filter.severity);
    }

    const search = parameters.toString();
    history.replaceState(null, '', `/alerts${search ? `?${search}` : ''}`);
    if (liveMode === 'hub' && previous.symbol !== filter.symbol) {
      feed.invoke(alertHub.unsubscribe, previous.symbol ?? null).catch(() => undefined);
      liveMode = 'off';
    }

    void load();
  }

  async function load(): Promise<void> {
    const current = ++generation;
    const result = await fetchAlerts(filter, pageSize).catch((error: unknown) => ({ kind: 'error' as const, error }));
    if (current !== generation) {
      return;
    }

    alerts = [];
    cursor = null;
    available = result.kind === 'page' || result.kind === 'unknown-symbol';
    switch (result.kind) {
      case 'page':
        alerts = result.page.items;
        cursor = result.page.nextCursor;
        render(new Set(), filter.symbol || filter.severity ? 'No alerts match these filters.' : 'No alerts yet. They appear here as the rules fire.');
        await startLive();
        break;
      case 'unavailable':
        render(new Set(), 'Alerts are not available on this server yet: it has no alerts API. This page checks again every 30 seconds.');
        break;
      case 'unknown-symbol':
        render(new Set(), result.detail);
        break;
      case 'error':
        render(new Set(), `Could not load alerts: ${result.error instanceof Error ? result.error.message : String(result.error)}`);
        break;
    }
  }

  async function loadMore(): Promise<void> {
    if (cursor === null) {
      return;
    }

    const result = await fetchAlerts(filter, pageSize, cursor).catch(() => null);
    if (result?.kind === 'page') {
      alerts = mergeAlerts(alerts, result.page.items);
      cursor = result.page.nextCursor;
      render(new Set(), '');
    }
  }

  async function startLive(): Promise<void> {
    if (liveMode === 'hub') {
      return;
    }

    try {
      await feed.invoke(alertHub.subscribe, filter.symbol ?? null);
      liveMode = 'hub';
    } catch {
      liveMode = 'poll'; // no alert subscription on this hub (yet): the poller below keeps the list fresh
    }

    renderLive();
  }

  function onAlert(raw: unknown): void {
    const alert = normalizeAlert(raw);
    if (!alert || (filter.symbol && alert.symbol !== filter.symbol) || (filter.severity && alert.severity !== filter.severity)) {
      return;
    }

    alerts = mergeAlerts([alert], alerts);
    render(new Set([alert.id]), '');
  }

  async function poll(): Promise<void> {
    if (!available) {
      await load();
      return;
    }

    if (liveMode !== 'poll') {
      return;
    }

    const result = await fetchAlerts(filter, pageSize);
    if (result.kind === 'page') {
      const known = new Set(alerts.map((alert) => alert.id));
      const fresh = new Set(result.page.items.filter((alert) => !known.has(alert.id)).map((alert) => alert.id));
      if (fresh.size > 0) {
        alerts = mergeAlerts(result.page.items, alerts);
        render(fresh, '');
      }
    }
  }

  function render(fresh: ReadonlySet<string>, emptyText: string): void {
    body.replaceChildren(...alertRows(alerts, fresh));
    table.hidden = alerts.length === 0;
    empty.hidden = alerts.length > 0;
    if (alerts.length === 0) {
      empty.replaceChildren(h('p', { class: 'empty-title', text: available ? 'No alerts yet' : 'No alerts' }), h('p', { class: 'empty-detail', text: emptyText }));
    }

    more.hidden = cursor === null;
    renderLive();
  }

  function renderLive(): void {
    setText(liveLabel, !available ? '' : liveMode === 'hub' ? 'Live' : liveMode === 'poll' ? 'Refreshing every 5 s' : '');
  }

  let pollEvery = 0;
  const poller = new Poller(async () => {
    // Checking for a missing API every 30 s; refreshing a live list every 5 s.
    pollEvery = (pollEvery + 1) % 6;
    if (available || pollEvery === 0) {
      await poll();
    }
  }, 5_000);

  releases.push(
    feed.onMessage(alertHub.message, onAlert),
    feed.connection.onChange((state) => {
      if (state.kind === 'live' && available) {
        liveMode = 'off';
        void startLive(); // a new connection has forgotten any subscription
      }
    }),
  );

  marketApi
    .symbols()
    .then((list) => symbolList.replaceChildren(...list.map((s) => h('option', { attrs: { value: s.symbol } }))))
    .catch(() => undefined);
  void load().then(() => poller.start());

  return {
    element,
    title: 'Alerts',
    dispose() {
      generation++;
      poller.dispose();
      releases.forEach((release) => release());
      if (liveMode === 'hub') {
        feed.invoke(alertHub.unsubscribe, filter.symbol ?? null).catch(() => undefined);
      }
    },
  };
}
