import { ApiError, getJson, query } from './http';
import type { Page } from './types';

// Alerts are planned (issue 5): GET /api/v1/alerts?symbol=&severity=&since=&limit=&before= returning
// a page with a cursor, and a hub subscription. This module is the page's only contact with that
// contract; it tolerates a server without the endpoint (404 on the route) and field names that
// may still move (timestamp/raisedAt, rule/kind, message/detail).

export const severities = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof severities)[number];

export function isSeverity(value: string | null | undefined): value is Severity {
  return (severities as readonly string[]).includes(value ?? '');
}

export interface Alert {
  id: string;
  symbol: string;
  rule: string;
  severity: Severity;
  message: string;
  timestamp: string;
  value: number | null;
  threshold: number | null;
}

export interface AlertFilter {
  symbol?: string | undefined;
  severity?: Severity | undefined;
  since?: string | undefined;
}

export type AlertsResult =
  | { kind: 'page'; page: Page<Alert> }
  | { kind: 'unavailable' }
  | { kind: 'unknown-symbol'; detail: string };

export async function fetchAlerts(filter: AlertFilter, limit: number, before?: string | null, signal?: AbortSignal): Promise<AlertsResult> {
  const path = `/api/v1/alerts${query({ symbol: filter.symbol, severity: filter.severity, since: filter.since, limit, before })}`;
  try {
    const page = await getJson<{ items: unknown[]; nextCursor: string | null }>(path, signal);
    return { kind: 'page', page: { items: page.items.map(normalizeAlert).filter(isDefined), nextCursor: page.nextCursor } };
  } catch (error) {
    if (error instanceof ApiError && error.notFound) {
      // The API names an unknown symbol in the detail; a bare 404 means the route does not exist yet.
      return filter.symbol && /symbol/i.test(error.detail) ? { kind: 'unknown-symbol', detail: error.detail } : { kind: 'unavailable' };
    }

    throw error;
  }
}

/** Maps one alert as the server sends it to the page's shape; null when it lacks what the page needs. */
export function normalizeAlert(raw: unknown): Alert | null {
  if (typeof raw !== 'object' || raw === null) {
    return null;
  }

  const r = raw as Record<string, unknown>;
  const symbol = text(r['symbol']);
  const timestamp = text(r['timestamp'] ?? r['raisedAt'] ?? r['triggeredAt'] ?? r['at']);
  if (!symbol || !timestamp) {
    return null;
  }

  const severity = text(r['severity']).toLowerCase();
  const rule = text(r['rule'] ?? r['kind'] ?? r['type']);
  return {
    id: text(r['id'] ?? r['alertId']) || `${symbol}:${rule}:${timestamp}`,
    symbol,
    rule,
    severity: isSeverity(severity) ? severity : 'info',
    message: text(r['message'] ?? r['detail'] ?? r['description']),
    timestamp,
    value: number(r['value']),
    threshold: number(r['threshold']),
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function number(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function isDefined<T>(value: T | null): value is T {
  return value !== null;
}
