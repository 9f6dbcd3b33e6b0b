import { formatChange, formatCompact, formatPercent, formatPrice, formatTime, toneOf } from '../../format';
import { pricePrecision } from '../../format/price-precision';
import { h, setAttr, setText, setTone } from '../../ui/dom';
import { setTimeText } from '../../ui/time-text';
import { VirtualRows } from '../../ui/virtual-rows';
import type { VirtualRange } from '../../ui/virtual-window';
import { Throttle } from '../../util/throttle';
import { gridColumns } from './grid-columns';
import { arrange, isLiveSort, nextSort, parseFilter, type RowData, type SortState } from './grid-model';
import { createGridRowView, type GridRowView } from './grid-row-view';
import type { SparkPoint } from './sparkline-series';

export interface GridSource {
  symbols(): readonly string[];
  row(symbol: string): RowData;
  sparkline(symbol: string): readonly SparkPoint[];
}

export interface GridEvents {
  open(symbol: string): void;
  /** Rows that came into view (to load their sparkline history). */
  visible(symbols: string[]): void;
  sortChanged(sort: SortState): void;
}

const rowHeight = 30;
/** How long a price cell stays tinted after a change. */
const flashMs = 500;
/** A live sort re-orders at most this often, so rows do not jump under the reader's eyes. */
const resortIntervalMs = 1000;

/**
 * The overview's symbol grid: sortable columns, filter, keyboard navigation (arrows, Page Up/Down,
 * Home/End, Enter), only the rows in view in the DOM, and a brief flash on each price change.
 */
export class SymbolGrid {
  readonly element: HTMLElement;
  private readonly rows: VirtualRows<GridRowView>;
  private readonly headers = new Map<string, HTMLElement>();
  private readonly lastPrices = new Map<string, number>();
  private readonly resort = new Throttle(resortIntervalMs);
  private readonly empty: HTMLElement;
  private order: string[] = [];
  private positions = new Map<string, number>();
  private terms: string[] = [];
  private activeSymbol: string | null = null;
  private resortTimer: number | null = null;
  private readonly flashing = new Set<GridRowView>();
  private flashTimer: number | null = null;

  constructor(
    private readonly source: GridSource,
    private readonly events: GridEvents,
    private sort: SortState,
  ) {
    this.rows = new VirtualRows(rowHeight, createGridRowView, (view, index) => this.renderRow(view, index), (range) => this.onRange(range));
    this.empty = h('p', { class: 'grid-empty', attrs: { role: 'status' } });
    this.element = h(
      'div',
      {
        class: 'grid live-data',
        attrs: { role: 'grid', tabindex: 0, 'aria-label': 'Symbols', 'aria-rowcount': 1, 'aria-colcount': gridColumns.length },
        on: { keydown: (event) => this.onKey(event), click: (event) => this.onClick(event) },
      },
      this.header(),
      this.rows.viewport,
      this.empty,
    );
    this.renderSortState();
  }

  get sortState(): SortState {
    return this.sort;
  }

  get rowCount(): number {
    return this.order.length;
  }

  setFilter(text: string): void {
    this.terms = parseFilter(text);
    this.rearrange();
  }

  setSort(sort: SortState): void {
    this.sort = sort;
    this.renderSortState();
    this.rearrange();
  }

  /** The symbol list changed. */
  refresh(): void {
    this.rearrange();
  }

  /** Symbols whose quotes changed in this frame. */
  quotesChanged(symbols: ReadonlySet<string>, now: number): void {
    if (isLiveSort(this.sort)) {
      if (this.resort.ready(now)) {
        this.rearrange();
        return;
      }

      this.scheduleResort();
    }

    this.rows.renderWhere((index) => symbols.has(this.order[index] ?? ''));
  }

  /** Redraws the sparkline of a row in view whose history arrived. */
  sparklineChanged(symbol: string): void {
    this.rows.forEachVisible((view) => {
      if (view.symbol === symbol && this.order[view.index] === symbol) {
        view.sparkline.draw(this.source.sparkline(symbol), true);
      }
    });
  }

  dispose(): void {
    this.rows.dispose();
    if (this.resortTimer !== null) {
      window.clearTimeout(this.resortTimer);
    }

    if (this.flashTimer !== null) {
      window.clearTimeout(this.flashTimer);
    }
  }

  private header(): HTMLElement {
    const row = h('div', { class: 'grid-row grid-head', attrs: { role: 'row', 'aria-rowindex': 1 } });
    for (const column of gridColumns) {
      const cell = h('div', {
        class: `cell col-${column.id}${column.numeric ? ' num' : ''}${column.hideBelow ? ` hide-${column.hideBelow}` : ''}`,
        attrs: { role: 'columnheader', title: column.title },
      });
      if (column.sort) {
        const key = column.sort;
        cell.append(
          h('button', {
            class: 'sort',
            text: column.label,
            attrs: { type: 'button', tabindex: -1 },
            on: { click: () => this.changeSort(key) },
          }),
        );
      } else {
        cell.append(column.label);
      }

      this.headers.set(column.id, cell);
      row.append(cell);
    }

    return row;
  }

  private changeSort(key: SortState['key']): void {
    this.setSort(nextSort(this.sort, key));
    this.events.sortChanged(this.sort);
  }

  private renderSortState(): void {
    for (const column of gridColumns) {
      const cell = this.headers.get(column.id);
      if (!cell || !column.sort) {
        continue;
      }

      const active = column.sort === this.sort.key;
      setAttr(cell, 'aria-sort', active ? (this.sort.descending ? 'descending' : 'ascending') : 'none');
      cell.classList.toggle('sorted', active);
    }
  }

  private rearrange(): void {
    this.resort.ready(performance.now());
    const rows = this.source.symbols().map((symbol) => this.source.row(symbol));
    this.order = arrange(rows, this.terms, this.sort);
    this.positions = new Map(this.order.map((symbol, index) => [symbol, index]));
    setAttr(this.element, 'aria-rowcount', String(this.order.length + 1));
    this.rows.setCount(this.order.length);
    this.rows.renderAll();
    this.renderEmpty(rows.length);
    this.renderActive();
  }

  private scheduleResort(): void {
    if (this.resortTimer === null) {
      this.resortTimer = window.setTimeout(() => {
        this.resortTimer = null;
        this.rearrange();
      }, resortIntervalMs);
    }
  }

  private renderEmpty(total: number): void {
    const text =
      total === 0 ? 'Waiting for the first trade…' : this.order.length === 0 ? `No symbol matches “${this.terms.join(' ')}”.` : '';
    setText(this.empty, text);
    this.empty.hidden = text === '';
  }

  private renderRow(view: GridRowView, index: number): void {
    const symbol = this.order[index];
    if (symbol === undefined) {
      return;
    }

    const same = view.symbol === symbol;
    if (!same) {
      view.symbol = symbol;
      view.link.href = `/symbols/${encodeURIComponent(symbol)}`;
      setText(view.link, symbol);
      this.endFlash(view);
    }

    const active = symbol === this.activeSymbol;
    view.element.classList.toggle('active', active);
    setAttr(view.element, 'aria-selected', String(active));
    if (active) {
      setAttr(this.element, 'aria-activedescendant', view.element.id);
    }

    setAttr(view.element, 'aria-rowindex', String(index + 2));
    const row = this.source.row(symbol);
    const decimals = row.price === null ? pricePrecision.of(symbol) : pricePrecision.observe(symbol, row.price);
    const cells = view.cells;
    setText(cells['price']!, formatPrice(row.price, decimals));
    setText(cells['change']!, formatChange(row.change, decimals));
    setTone(cells['change']!, toneOf(row.change));
    setText(cells['changePercent']!, formatPercent(row.changePercent));
    setTone(cells['changePercent']!, toneOf(row.changePercent));
    setText(cells['high']!, formatPrice(row.high, decimals));
    setText(cells['low']!, formatPrice(row.low, decimals));
    setText(cells['volume']!, formatCompact(row.volume));
    setText(cells['vwap']!, formatPrice(row.vwap, decimals));
    const time = cells['updated']!.firstElementChild as HTMLElement;
    if (row.updated === null) {
      setText(time, '–');
    } else {
      setTimeText(time, new Date(row.updated).toISOString(), (value) => formatTime(value));
    }

    view.sparkline.draw(this.source.sparkline(symbol), !same);
    this.flash(view, symbol, row.price, same);
  }

  private flash(view: GridRowView, symbol: string, price: number | null, same: boolean): void {
    if (price === null) {
      return;
    }

    const previous = this.lastPrices.get(symbol);
    this.lastPrices.set(symbol, price);
    if (!same || previous === undefined || previous === price) {
      return;
    }

    const list = view.cells['price']!.classList;
    list.remove('flash-up', 'flash-down');
    list.add(price > previous ? 'flash-up' : 'flash-down');
    view.flashUntil = performance.now() + flashMs;
    this.flashing.add(view);
    if (this.flashTimer === null) {
      this.flashTimer = window.setTimeout(() => this.sweepFlashes(), flashMs);
    }
  }

  /** Clears the flashes that are over, all in one task. */
  private sweepFlashes(): void {
    this.flashTimer = null;
    const now = performance.now();
    let next = Number.POSITIVE_INFINITY;
    for (const view of this.flashing) {
      if (view.flashUntil <= now) {
        this.endFlash(view);
      } else {
        next = Math.min(next, view.flashUntil);
      }
    }

    if (this.flashing.size > 0) {
      this.flashTimer = window.setTimeout(() => this.sweepFlashes(), Math.max(50, next - now));
    }
  }

  private endFlash(view: GridRowView): void {
    view.cells['price']!.classList.remove('flash-up', 'flash-down');
    view.flashUntil = 0;
    this.flashing.delete(view);
  }

  private onRange(range: VirtualRange): void {
    this.events.visible(this.order.slice(range.first, range.last));
  }

  private onClick(event: MouseEvent): void {
    const row = (event.target as Element).closest('.grid-row:not(.grid-head)');
    if (!row || (event.target as Element).closest('a')) {
      return; // links navigate by themselves
    }

    const view = this.findView(row);
    if (view?.symbol) {
      this.setActive(view.symbol);
      this.events.open(view.symbol);
    }
  }

  private findView(element: Element): GridRowView | undefined {
    let found: GridRowView | undefined;
    this.rows.forEachVisible((view) => {
      if (view.element === element) {
        found = view;
      }
    });
    return found;
  }

  private onKey(event: KeyboardEvent): void {
    if (this.order.length === 0) {
      return;
    }

    const current = this.activeSymbol === null ? -1 : (this.positions.get(this.activeSymbol) ?? -1);
    const last = this.order.length - 1;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(last, current + 1);
        break;
      case 'ArrowUp':
        next = Math.max(0, current - 1);
        break;
      case 'PageDown':
        next = Math.min(last, current + this.rows.pageRows);
        break;
      case 'PageUp':
        next = Math.max(0, current - this.rows.pageRows);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'Enter':
        if (this.activeSymbol) {
          event.preventDefault();
          this.events.open(this.activeSymbol);
        }

        return;
      default:
        return;
    }

    event.preventDefault();
    const symbol = this.order[next];
    if (symbol !== undefined) {
      this.setActive(symbol);
      this.rows.reveal(next);
    }
  }

  private setActive(symbol: string): void {
    this.activeSymbol = symbol;
    this.renderActive();
  }

  private renderActive(): void {
    let activeId = '';
    this.rows.forEachVisible((view) => {
      const active = view.symbol === this.activeSymbol && this.order[view.index] === view.symbol;
      view.element.classList.toggle('active', active);
      setAttr(view.element, 'aria-selected', String(active));
      if (active) {
        activeId = view.element.id;
      }
    });
    if (activeId) {
      setAttr(this.element, 'aria-activedescendant', activeId);
    } else {
      this.element.removeAttribute('aria-activedescendant');
    }
  }
}
