import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchAlerts, normalizeAlert } from '../../src/api/alerts-api';

function respond(status: number, body: unknown): void {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })));
}

describe('alerts API client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says the API is unavailable when the route does not exist (404)', async () => {
    respond(404, { title: 'Not Found', status: 404 });
    expect(await fetchAlerts({}, 50)).toEqual({ kind: 'unavailable' });
  });

  it('passes an unknown symbol on as such', async () => {
    respond(404, { title: 'Not Found', detail: 'unknown symbol NOPE' });
    expect(await fetchAlerts({ symbol: 'NOPE' }, 50)).toEqual({ kind: 'unknown-symbol', detail: 'unknown symbol NOPE' });
  });

  it('sends the filters and the cursor, and reads the page', async () => {
    const fetch = vi.fn(async (_url: string) => new Response(JSON.stringify({ items: [{ id: 7, symbol: 'AAPL', severity: 'critical', rule: 'priceMove', message: 'up 5%', timestamp: '2026-11-22T10:00:00Z' }], nextCursor: 'c2' })));
    vi.stubGlobal('fetch', fetch);

    const result = await fetchAlerts({ symbol: 'AAPL', severity: 'critical' }, 50, 'c1');

    expect(fetch.mock.calls[0]![0]).toBe('/api/v1/alerts?symbol=AAPL&severity=critical&limit=50&before=c1');
    expect(result).toEqual({
      kind: 'page',
      page: { items: [{ id: '7', symbol: 'AAPL', rule: 'priceMove', severity: 'critical', message: 'up 5%', timestamp: '2026-11-22T10:00:00Z', value: null, threshold: null }], nextCursor: 'c2' },
    });
  });

  it('tolerates field names the final contract may use, and drops what it cannot show', () => {
    expect(normalizeAlert({ symbol: 'MSFT', raisedAt: '2026-11-22T10:00:00Z', kind: 'volumeSpike', detail: 'z=4.1', severity: 'WARNING', value: 4.1 })).toMatchObject({
      symbol: 'MSFT',
      timestamp: '2026-11-22T10:00:00Z',
      rule: 'volumeSpike',
      message: 'z=4.1',
      severity: 'warning',
      value: 4.1,
    });
    expect(normalizeAlert({ symbol: 'MSFT' })).toBeNull();
    expect(normalizeAlert(null)).toBeNull();
  });
});
