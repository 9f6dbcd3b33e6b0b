import { h } from '../ui/dom';
import type { Page } from './page';

export function notFoundPage(pathname: string): Page {
  const element = h(
    'div',
    { class: 'page not-found' },
    h('h1', { text: 'Page not found' }),
    h('p', { text: `Nothing lives at ${pathname}. ` }, h('a', { text: 'Go to the market overview', attrs: { href: '/' } })),
  );
  return { element, title: 'Not found', dispose: () => undefined };
}
