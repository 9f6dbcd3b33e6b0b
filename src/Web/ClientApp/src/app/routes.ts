import type { RouteDefinition } from '../router/routes';

export type RouteName = 'overview' | 'symbol' | 'alerts' | 'cluster';

/** The client's pages. The server answers every other non-API path with index.html too. */
export const routes: readonly RouteDefinition<RouteName>[] = [
  { name: 'overview', pattern: '/' },
  { name: 'symbol', pattern: '/symbols/:symbol' },
  { name: 'alerts', pattern: '/alerts' },
  { name: 'cluster', pattern: '/cluster' },
];

/** Which nav entry a route belongs to. */
export const navSection: Record<RouteName, string> = { overview: 'market', symbol: 'market', alerts: 'alerts', cluster: 'cluster' };
