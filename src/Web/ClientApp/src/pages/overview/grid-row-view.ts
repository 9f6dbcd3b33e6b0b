import { h } from '../../ui/dom';
import { Sparkline } from '../../ui/sparkline';
import type { RowView } from '../../ui/virtual-rows';
import { gridColumns } from './grid-columns';

/** One recycled row of the overview grid and its cells. */
export interface GridRowView extends RowView {
  symbol: string | null;
  /** When the price cell's flash ends (performance.now() time), 0 when not flashing. */
  flashUntil: number;
  link: HTMLAnchorElement;
  cells: Record<string, HTMLElement>;
  sparkline: Sparkline;
}

let nextId = 0;

export function createGridRowView(): GridRowView {
  const id = `grid-row-${nextId++}`;
  const element = h('div', { class: 'grid-row', attrs: { role: 'row', id, 'aria-selected': 'false' } });
  const link = h('a', { class: 'symbol-link', attrs: { tabindex: -1 } });
  const sparkline = new Sparkline();
  const cells: Record<string, HTMLElement> = {};
  for (const column of gridColumns) {
    const cell = h('div', {
      class: `cell col-${column.id}${column.numeric ? ' num' : ''}${column.hideBelow ? ` hide-${column.hideBelow}` : ''}`,
      attrs: { role: 'gridcell' },
    });
    if (column.id === 'symbol') {
      cell.append(link);
    } else if (column.id === 'trend') {
      cell.append(sparkline.element);
    } else if (column.id === 'updated') {
      cell.append(h('time'));
    }

    cells[column.id] = cell;
    element.append(cell);
  }

  return { element, index: -1, symbol: null, flashUntil: 0, link, cells, sparkline };
}
