import { h } from './dom';
import { visibleRange, scrollToReveal, type VirtualRange } from './virtual-window';

export interface RowView {
  readonly element: HTMLElement;
  /** The row index this view shows, -1 when unused. */
  index: number;
}

/**
 * A scrolling list of fixed-height rows that keeps only the rows in view (and a few around them)
 * in the DOM. Row `i` always uses view `i % capacity`, so scrolling renders only the rows that
 * came into view; the others keep their content and position.
 */
export class VirtualRows<V extends RowView> {
  readonly viewport: HTMLElement;
  private readonly canvas: HTMLElement;
  private views: V[] = [];
  private range: VirtualRange = { first: 0, last: 0 };
  private count = 0;
  private viewportHeight = 0;
  private frame: number | null = null;
  private readonly resizeObserver: ResizeObserver;

  constructor(
    private readonly rowHeight: number,
    private readonly create: () => V,
    private readonly render: (view: V, index: number) => void,
    private readonly onRangeChange: (range: VirtualRange) => void = () => undefined,
    private readonly overscan = 6,
  ) {
    this.canvas = h('div', { class: 'vrows-canvas', attrs: { role: 'rowgroup' } });
    this.viewport = h('div', { class: 'vrows-viewport' }, this.canvas);
    this.viewport.addEventListener('scroll', () => this.schedule(), { passive: true });
    this.resizeObserver = new ResizeObserver(() => {
      this.viewportHeight = this.viewport.clientHeight;
      this.schedule();
    });
    this.resizeObserver.observe(this.viewport);
  }

  get visible(): VirtualRange {
    return this.range;
  }

  get rowCount(): number {
    return this.count;
  }

  setCount(count: number): void {
    if (count !== this.count) {
      this.count = count;
      this.canvas.style.height = `${count * this.rowHeight}px`;
    }
  }

  /** Lays out and renders every row in view (after the order or the count changed). */
  renderAll(): void {
    this.layout(true);
  }

  /** Renders again the rows in view that `pick` selects (their data changed). */
  renderWhere(pick: (index: number) => boolean): void {
    for (const view of this.views) {
      if (view.index >= 0 && pick(view.index)) {
        this.render(view, view.index);
      }
    }
  }

  /** Views in view, for state that follows the data (the active row, say). */
  forEachVisible(action: (view: V) => void): void {
    for (const view of this.views) {
      if (view.index >= 0) {
        action(view);
      }
    }
  }

  reveal(index: number): void {
    const top = scrollToReveal(index, this.viewport.scrollTop, this.viewportHeight || this.viewport.clientHeight, this.rowHeight);
    if (top !== null) {
      this.viewport.scrollTop = top;
    }
  }

  /** Rows a page-key moves by. */
  get pageRows(): number {
    return Math.max(1, Math.floor((this.viewportHeight || this.viewport.clientHeight) / this.rowHeight) - 1);
  }

  dispose(): void {
    this.resizeObserver.disconnect();
    if (this.frame !== null) {
      cancelAnimationFrame(this.frame);
    }
  }

  private schedule(): void {
    if (this.frame === null) {
      this.frame = requestAnimationFrame(() => {
        this.frame = null;
        this.layout(false);
      });
    }
  }

  private layout(force: boolean): void {
    const range = visibleRange(this.viewport.scrollTop, this.viewportHeight, this.rowHeight, this.count, this.overscan);
    const needed = Math.ceil(this.viewportHeight / this.rowHeight) + 2 * this.overscan + 2;
    if (needed > this.views.length) {
      this.grow(needed);
      force = true;
    }

    const capacity = this.views.length;
    for (const view of this.views) {
      if (view.index >= 0 && (view.index < range.first || view.index >= range.last)) {
        view.index = -1;
        view.element.hidden = true;
      }
    }

    for (let index = range.first; index < range.last; index++) {
      const view = this.views[index % capacity]!;
      if (view.index !== index || force) {
        if (view.index !== index) {
          view.element.style.transform = `translateY(${index * this.rowHeight}px)`;
          view.element.hidden = false;
          view.index = index;
        }

        this.render(view, index);
      }
    }

    const changed = range.first !== this.range.first || range.last !== this.range.last;
    this.range = range;
    if (changed || force) {
      this.onRangeChange(range);
    }
  }

  private grow(capacity: number): void {
    // The index-to-view mapping depends on the capacity: start every view afresh.
    for (const view of this.views) {
      view.index = -1;
      view.element.hidden = true;
    }

    while (this.views.length < capacity) {
      const view = this.create();
      view.index = -1;
      view.element.hidden = true;
      this.views.push(view);
      this.canvas.append(view.element);
    }
  }
}
