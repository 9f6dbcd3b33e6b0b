import { marketApi } from '../../api/market-api';
import { formatPrice, formatQuantity, formatTimeMs } from '../../format';
import { pricePrecision } from '../../format/price-precision';
import { h, setText } from '../../ui/dom';
import { timeElement } from '../../ui/time-text';
import { Poller } from '../../util/poller';
import { TradeTape } from './trade-tape';

const pageSize = 50;

/** Recent trades: the newest page, refreshed while the symbol trades; older pages on demand. */
export class TradesPanel {
  readonly element: HTMLElement;
  private readonly tape = new TradeTape();
  private readonly body = h('tbody');
  private readonly more: HTMLButtonElement;
  private readonly latest: HTMLButtonElement;
  private readonly note = h('p', { class: 'panel-note', attrs: { role: 'status' } });
  private readonly poller: Poller;
  private changed = true;
  private loadingMore = false;
  /** Bumped when the user leaves or returns to the head, so a refresh in flight does not undo it. */
  private view = 0;

  constructor(private readonly symbol: string) {
    this.more = h('button', { class: 'button', text: 'Load more', attrs: { type: 'button' }, on: { click: () => void this.loadMore() } });
    this.latest = h('button', { class: 'button', text: 'Back to live', attrs: { type: 'button' }, on: { click: () => this.backToLive() } });
    this.latest.hidden = true;
    this.element = h(
      'section',
      { class: 'panel trades', attrs: { 'aria-labelledby': 'trades-title' } },
      h('div', { class: 'panel-head' }, h('h2', { text: 'Recent trades', attrs: { id: 'trades-title' } }), this.latest),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'table trades-table' },
          h('thead', null, h('tr', null, h('th', { text: 'Time', attrs: { scope: 'col' } }), h('th', { class: 'num', text: 'Price', attrs: { scope: 'col' } }), h('th', { class: 'num', text: 'Size', attrs: { scope: 'col' } }))),
          this.body,
        ),
      ),
      this.note,
      h('div', { class: 'panel-foot' }, this.more),
    );
    this.poller = new Poller(() => this.refreshHead(), 1_000).start();
  }

  /** A quote arrived: there are new trades to show at the next refresh. */
  symbolTraded(): void {
    this.changed = true;
  }

  dispose(): void {
    this.poller.dispose();
  }

  private async refreshHead(): Promise<void> {
    if (!this.changed || !this.tape.atHead) {
      return;
    }

    this.changed = false;
    const view = this.view;
    try {
      const page = await marketApi.trades(this.symbol, pageSize);
      if (view !== this.view) {
        return; // "load more" or "back to live" meanwhile
      }

      this.render(this.tape.showHead(page));
    } catch (error) {
      this.changed = true;
      this.showNote(`Could not load trades: ${messageOf(error)}`);
    }
  }

  private async loadMore(): Promise<void> {
    if (this.loadingMore || this.tape.nextCursor === null) {
      return;
    }

    this.loadingMore = true;
    this.more.disabled = true;
    this.view++;
    try {
      this.tape.appendOlder(await marketApi.trades(this.symbol, pageSize, this.tape.nextCursor));
      this.render(new Set());
    } catch (error) {
      this.showNote(`Could not load older trades: ${messageOf(error)}`);
    } finally {
      this.loadingMore = false;
      this.more.disabled = false;
    }
  }

  private backToLive(): void {
    this.changed = true;
    this.view++;
    // Leaving history: the next refresh shows the newest page again.
    this.tape.showHead({ items: [], nextCursor: null });
    this.poller.trigger();
  }

  private render(fresh: ReadonlySet<number>): void {
    const decimals = pricePrecision.of(this.symbol);
    const rows = this.tape.items.map((trade, index) => {
      const tone = this.tape.tickDirection(index);
      return h(
        'tr',
        { class: fresh.has(trade.tradeId) ? 'fresh' : '' },
        h('td', null, timeElement(trade.timestamp, (value) => formatTimeMs(value))),
        h('td', { class: `num ${tone > 0 ? 'up' : tone < 0 ? 'down' : ''}`, text: formatPrice(trade.price, decimals) }),
        h('td', { class: 'num', text: formatQuantity(trade.size) }),
      );
    });
    this.body.replaceChildren(...rows);
    this.more.hidden = this.tape.nextCursor === null;
    this.latest.hidden = this.tape.atHead;
    this.showNote(this.tape.items.length === 0 ? 'No trades yet.' : this.tape.atHead ? '' : 'Paused while you browse older trades.');
  }

  private showNote(text: string): void {
    setText(this.note, text);
    this.note.hidden = text === '';
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
