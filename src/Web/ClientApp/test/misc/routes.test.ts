import { describe, expect, it } from 'vitest';
import { routes } from '../../src/app/routes';
import { matchRoute } from '../../src/router/routes';

describe('routes', () => {
  it('matches the pages and their parameters', () => {
    expect(matchRoute(routes, '/')).toEqual({ name: 'overview', params: {} });
    expect(matchRoute(routes, '/symbols/BTC-USD')).toEqual({ name: 'symbol', params: { symbol: 'BTC-USD' } });
    expect(matchRoute(routes, '/symbols/BRK.B/')).toEqual({ name: 'symbol', params: { symbol: 'BRK.B' } });
    expect(matchRoute(routes, '/symbols/a%2Fb')).toEqual({ name: 'symbol', params: { symbol: 'a/b' } });
    expect(matchRoute(routes, '/cluster')).toEqual({ name: 'cluster', params: {} });
    expect(matchRoute(routes, '/alerts')).toEqual({ name: 'alerts', params: {} });
  });

  it('matches nothing else', () => {
    expect(matchRoute(routes, '/symbols')).toBeNull();
    expect(matchRoute(routes, '/symbols/AAPL/extra')).toBeNull();
    expect(matchRoute(routes, '/nowhere')).toBeNull();
  });
});
