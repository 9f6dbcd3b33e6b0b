import { marketApi } from '../../api/market-api';
import type { ClusterStatus, SiloStatus } from '../../api/types';
import { formatAge, formatCount, formatDuration, formatRate, formatTime } from '../../format';
import { h, setText } from '../../ui/dom';
import { Sparkline } from '../../ui/sparkline';
import { setTimeText } from '../../ui/time-text';
import { Poller } from '../../util/poller';
import type { SparkPoint } from '../overview/sparkline-series';
import type { Page, PageContext } from '../page';
import { ingestHealth, partitionOwners, partitionRanges, totals } from './cluster-model';

const historyLength = 60;

/**
 * The cluster at a glance, in the spirit of OrleansDashboard: every live silo with its uptime,
 * partitions, activations, ingest rate (with its recent trend), consumer lag and rejected
 * messages, plus which silo owns which partition. Refreshed every 2 s while visible.
 */
export function clusterPage(_context: PageContext): Page {
  const rates = new Map<string, SparkPoint[]>();
  const figures = new Map<string, HTMLElement>();
  const asOf = h('time');
  const body = h('tbody');
  const partitionMap = h('ol', { class: 'partition-map', attrs: { 'aria-label': 'Partition owners' } });
  const error = h('p', { class: 'notice error', attrs: { role: 'alert' } });
  error.hidden = true;

  const figure = (id: string, label: string) => {
    const value = h('span', { class: 'value', text: '–' });
    figures.set(id, value);
    return h('div', { class: 'figure' }, h('span', { class: 'label', text: label }), value);
  };

  const columns: [string, boolean][] = [
    ['Silo', false],
    ['Ingest', false],
    ['Uptime', true],
    ['Heartbeat', true],
    ['Partitions', false],
    ['Activations', true],
    ['Applied', true],
    ['Ticks/s', true],
    ['Trend', false],
    ['Lag', true],
    ['Rejected', true],
  ];
  const element = h(
    'div',
    { class: 'page cluster' },
    h('h1', { text: 'Cluster' }),
    h(
      'section',
      { class: 'summary', attrs: { 'aria-label': 'Cluster totals' } },
      h(
        'div',
        { class: 'summary-figures' },
        figure('mode', 'Mode'),
        figure('silos', 'Silos'),
        figure('rate', 'Ticks/s'),
        figure('lag', 'Consumer lag'),
        figure('activations', 'Activations'),
        figure('partitions', 'Partitions owned'),
        figure('rejected', 'Rejected'),
        h('div', { class: 'figure' }, h('span', { class: 'label', text: 'As of' }), h('span', { class: 'value' }, asOf)),
      ),
    ),
    error,
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'table silos-table' },
        h('thead', null, h('tr', null, ...columns.map(([label, numeric]) => h('th', { text: label, class: numeric ? 'num' : '', attrs: { scope: 'col' } })))),
        body,
      ),
    ),
    h('section', { class: 'panel partitions', attrs: { 'aria-labelledby': 'partitions-title' } }, h('h2', { text: 'Partition ownership', attrs: { id: 'partitions-title' } }), partitionMap),
  );

  function render(status: ClusterStatus): void {
    const total = totals(status);
    setText(figures.get('mode')!, status.mode);
    setText(figures.get('silos')!, formatCount(total.silos));
    setText(figures.get('rate')!, formatRate(total.ticksPerSecond));
    setText(figures.get('lag')!, formatCount(total.consumerLag));
    setText(figures.get('activations')!, formatCount(total.activations));
    setText(figures.get('partitions')!, `${formatCount(total.partitionsOwned)} / ${formatCount(total.partitionsKnown)}`);
    setText(figures.get('rejected')!, formatCount(total.rejected));
    setTimeText(asOf, status.asOf, (value) => formatTime(value));

    const now = Date.parse(status.asOf);
    for (const silo of status.silos) {
      const history = rates.get(silo.id) ?? [];
      history.push({ t: now, v: silo.ticksPerSecond });
      rates.set(silo.id, history.slice(-historyLength));
    }

    body.replaceChildren(...status.silos.map((silo) => siloRow(silo, now, rates.get(silo.id) ?? [])));
    const owners = partitionOwners(status.silos, total.partitionsKnown);
    const ids = status.silos.map((silo) => silo.id);
    partitionMap.replaceChildren(
      ...owners.map((owner, partition) =>
        h('li', { class: `partition owner-${owner === null ? 'none' : ids.indexOf(owner) % 6}`, title: `Partition ${partition}: ${owner ?? 'unowned'}` }, h('span', { text: String(partition) })),
      ),
    );
  }

  const poller = new Poller(async (signal) => {
    try {
      render(await marketApi.cluster(signal));
      error.hidden = true;
    } catch (failure) {
      if (!signal.aborted) {
        error.textContent = `Could not load the cluster view: ${failure instanceof Error ? failure.message : String(failure)}`;
        error.hidden = false;
      }
    }
  }, 2_000).start();

  return { element, title: 'Cluster', dispose: () => poller.dispose() };
}

function siloRow(silo: SiloStatus, now: number, history: SparkPoint[]): HTMLTableRowElement {
  const trend = new Sparkline(80, 20);
  trend.draw(history);
  const health = ingestHealth(silo.ingest);
  const heartbeat = h('time', { text: formatAge(now - Date.parse(silo.heartbeatAt)) });
  setTimeText(heartbeat, silo.heartbeatAt, () => formatAge(now - Date.parse(silo.heartbeatAt)));
  const started = h('time', { text: formatDuration(now - Date.parse(silo.startedAt)) });
  setTimeText(started, silo.startedAt, () => formatDuration(now - Date.parse(silo.startedAt)));
  return h(
    'tr',
    { dataset: { silo: silo.id } },
    h('th', { attrs: { scope: 'row' } }, h('span', { class: 'silo-id', text: silo.id }), h('span', { class: 'silo-address', text: silo.address })),
    h('td', null, h('span', { class: `badge health-${health}`, text: silo.ingest, title: silo.detail }), silo.detail ? h('span', { class: 'silo-detail', text: silo.detail }) : null),
    h('td', { class: 'num' }, started),
    h('td', { class: 'num' }, heartbeat),
    h('td', { title: `Partitions ${partitionRanges(silo.partitions)}` }, `${silo.partitions.length} `, h('span', { class: 'muted', text: `(${partitionRanges(silo.partitions)})` })),
    h('td', { class: 'num', text: formatCount(silo.activations) }),
    h('td', { class: 'num', text: formatCount(silo.ticksApplied) }),
    h('td', { class: 'num', text: formatRate(silo.ticksPerSecond) }),
    h('td', null, trend.element),
    h('td', { class: `num${silo.consumerLag > 0 ? ' warn' : ''}`, text: formatCount(silo.consumerLag) }),
    h('td', { class: `num${silo.rejected > 0 ? ' warn' : ''}`, text: formatCount(silo.rejected) }),
  );
}
