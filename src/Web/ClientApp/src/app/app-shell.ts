import type { MarketFeed } from '../live/market-feed';
import { alertsPage } from '../pages/alerts/alerts-page';
import { clusterPage } from '../pages/cluster/cluster-page';
import { notFoundPage } from '../pages/not-found-page';
import { overviewPage } from '../pages/overview/overview-page';
import type { Page, PageContext } from '../pages/page';
import { symbolPage } from '../pages/symbol/symbol-page';
import type { Location } from '../router/router';
import { Router } from '../router/router';
import { ConnectionIndicator } from '../ui/connection-indicator';
import { h } from '../ui/dom';
import { navSection, routes, type RouteName } from './routes';

/** Header (brand, navigation, symbol jump box, connection state), the page outlet, and routing. */
export class AppShell {
  private readonly main = h('main', { class: 'outlet', attrs: { id: 'main', tabindex: -1 } });
  private readonly nav = new Map<string, HTMLAnchorElement>();
  private readonly indicator = new ConnectionIndicator();
  private readonly router: Router;
  private readonly context: PageContext;
  private page: Page | null = null;
  private current: { name: RouteName | null; key: string } = { name: null, key: '' };

  constructor(
    private readonly root: HTMLElement,
    feed: MarketFeed,
  ) {
    this.router = new Router(routes, (location) => this.show(location));
    this.context = { feed, navigate: (url, options) => this.router.navigate(url, options) };
    feed.connection.onChange((state) => this.indicator.show(state));
  }

  start(): void {
    this.root.replaceChildren(
      h('a', { class: 'skip-link', text: 'Skip to content', attrs: { href: '#main' } }),
      this.header(),
      this.main,
      h('footer', { class: 'footer' }, 'REST API: ', h('a', { text: 'reference', attrs: { href: '/swagger', 'data-external': '' } }), ' · live updates over SignalR at ', h('code', { text: '/hubs/market' })),
    );
    document.addEventListener('keydown', (event) => this.onShortcut(event));
    this.router.start();
  }

  private header(): HTMLElement {
    const links = h('nav', { class: 'nav', attrs: { 'aria-label': 'Main' } });
    for (const [section, label, href] of [
      ['market', 'Market', '/'],
      ['alerts', 'Alerts', '/alerts'],
      ['cluster', 'Cluster', '/cluster'],
    ] as const) {
      const link = h('a', { text: label, attrs: { href } });
      this.nav.set(section, link);
      links.append(link);
    }

    const jump = h('input', { attrs: { type: 'search', placeholder: 'Symbol…', title: 'Go to a symbol (Enter)', 'aria-label': 'Go to symbol', autocomplete: 'off', spellcheck: 'false' } });
    const form = h(
      'form',
      {
        class: 'jump',
        attrs: { role: 'search' },
        on: {
          submit: (event) => {
            event.preventDefault();
            const symbol = jump.value.trim().toUpperCase();
            if (symbol) {
              jump.value = '';
              jump.blur();
              this.router.navigate(`/symbols/${encodeURIComponent(symbol)}`);
            }
          },
        },
      },
      jump,
    );
    return h(
      'header',
      { class: 'topbar' },
      h('a', { class: 'brand', attrs: { href: '/', 'aria-label': 'Pricing, market overview' } }, h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }), 'Pricing'),
      links,
      form,
      this.indicator.element,
    );
  }

  private show(location: Location): void {
    const name = (location.match?.name ?? null) as RouteName | null;
    const key = `${name}:${JSON.stringify(location.match?.params ?? {})}`;
    if (this.page?.updateQuery && this.current.key === key) {
      this.page.updateQuery(location.query);
      return;
    }

    const focusPage = this.page !== null;
    this.page?.dispose();
    this.page = this.create(name, location);
    this.current = { name, key };
    this.main.replaceChildren(this.page.element);
    document.title = `${this.page.title} · Pricing`;
    for (const [section, link] of this.nav) {
      if (name !== null && navSection[name] === section) {
        link.setAttribute('aria-current', 'page');
      } else {
        link.removeAttribute('aria-current');
      }
    }

    if (focusPage) {
      // Screen readers announce the new page; keyboard users continue from its top.
      this.main.focus({ preventScroll: true });
    }
  }

  private create(name: RouteName | null, location: Location): Page {
    switch (name) {
      case 'overview':
        return overviewPage(this.context, location.query);
      case 'symbol':
        return symbolPage(this.context, location.match?.params['symbol'] ?? '', location.query);
      case 'alerts':
        return alertsPage(this.context, location.query);
      case 'cluster':
        return clusterPage(this.context);
      case null:
        return notFoundPage(location.pathname);
    }
  }

  /** "/" focuses the page's search or filter box. */
  private onShortcut(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null;
    const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
    if (event.key !== '/' || typing || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }

    const box = this.main.querySelector<HTMLInputElement>('[data-search]') ?? this.root.querySelector<HTMLInputElement>('.jump input');
    if (box) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  }
}
