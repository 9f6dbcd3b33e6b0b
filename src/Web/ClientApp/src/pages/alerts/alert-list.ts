import type { Alert } from '../../api/alerts-api';
import { formatDateTime, formatTime } from '../../format';
import { h } from '../../ui/dom';
import { timeElement } from '../../ui/time-text';

/** Merges alerts into a newest-first list without duplicates. Pure. */
export function mergeAlerts(current: readonly Alert[], incoming: readonly Alert[]): Alert[] {
  const seen = new Set(current.map((alert) => alert.id));
  const merged = [...current];
  for (const alert of incoming) {
    if (!seen.has(alert.id)) {
      seen.add(alert.id);
      merged.push(alert);
    }
  }

  return merged.sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
}

/** The alerts table's rows. */
export function alertRows(alerts: readonly Alert[], fresh: ReadonlySet<string>): HTMLTableRowElement[] {
  const today = new Date().toDateString();
  return alerts.map((alert) => {
    const sameDay = new Date(alert.timestamp).toDateString() === today;
    const detail = [alert.value !== null ? `value ${alert.value}` : '', alert.threshold !== null ? `threshold ${alert.threshold}` : ''].filter(Boolean).join(' · ');
    return h(
      'tr',
      { class: fresh.has(alert.id) ? 'fresh' : '' },
      h('td', { class: 'num' }, timeElement(alert.timestamp, (value) => (sameDay ? formatTime(value) : formatDateTime(value)))),
      h('td', null, h('span', { class: `badge severity-${alert.severity}`, text: alert.severity })),
      h('td', null, h('a', { text: alert.symbol, attrs: { href: `/symbols/${encodeURIComponent(alert.symbol)}` } })),
      h('td', { text: alert.rule }),
      h('td', { class: 'alert-message', text: alert.message, title: detail }),
    );
  });
}
