import { matchRoute, type RouteDefinition, type RouteMatch } from './routes';

export interface Location {
  match: RouteMatch | null;
  pathname: string;
  query: URLSearchParams;
}

/**
 * History API routing: links inside the app navigate without a page load (the server serves
 * index.html for these paths too, so a reload or a shared link lands on the same page).
 */
export class Router {
  constructor(
    private readonly routes: readonly RouteDefinition[],
    private readonly onChange: (location: Location) => void,
  ) {}

  start(): void {
    window.addEventListener('popstate', () => this.emit());
    document.addEventListener('click', (event) => this.onClick(event));
    this.emit();
  }

  navigate(url: string, options: { replace?: boolean } = {}): void {
    const target = new URL(url, window.location.href);
    if (target.origin !== window.location.origin) {
      window.location.assign(target.href);
      return;
    }

    const path = target.pathname + target.search + target.hash;
    if (path === window.location.pathname + window.location.search + window.location.hash) {
      return;
    }

    if (options.replace) {
      history.replaceState(null, '', path);
    } else {
      history.pushState(null, '', path);
    }

    this.emit();
  }

  private emit(): void {
    const { pathname, search } = window.location;
    this.onChange({ match: matchRoute(this.routes, pathname), pathname, query: new URLSearchParams(search) });
  }

  private onClick(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return; // new tab, new window, download: the browser's business
    }

    const anchor = (event.target as Element | null)?.closest('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download') || anchor.origin !== window.location.origin) {
      return;
    }

    // Server pages (the API reference, the OpenAPI document) are not client routes.
    if (anchor.dataset['external'] !== undefined || matchRoute(this.routes, anchor.pathname) === null) {
      return;
    }

    event.preventDefault();
    this.navigate(anchor.href);
  }
}
