import type { SortKey } from './grid-model';

/** The overview grid's columns, in order; `narrow` columns hide on small screens (see grid.css). */
export interface GridColumn {
  id: string;
  label: string;
  title: string;
  sort: SortKey | null;
  numeric: boolean;
  hideBelow: 'phone' | 'tablet' | null;
}

export const gridColumns: readonly GridColumn[] = [
  { id: 'symbol', label: 'Symbol', title: 'Symbol', sort: 'symbol', numeric: false, hideBelow: null },
  { id: 'price', label: 'Last', title: 'Last trade price', sort: 'price', numeric: true, hideBelow: null },
  { id: 'change', label: 'Chg', title: 'Change over 24 hours', sort: 'change', numeric: true, hideBelow: 'phone' },
  { id: 'changePercent', label: 'Chg %', title: 'Change over 24 hours, percent', sort: 'changePercent', numeric: true, hideBelow: null },
  { id: 'high', label: 'High', title: '24-hour high', sort: 'high', numeric: true, hideBelow: 'tablet' },
  { id: 'low', label: 'Low', title: '24-hour low', sort: 'low', numeric: true, hideBelow: 'tablet' },
  { id: 'volume', label: 'Volume', title: 'Volume over 24 hours', sort: 'volume', numeric: true, hideBelow: 'phone' },
  { id: 'vwap', label: 'VWAP', title: 'Volume-weighted average price, last 5 minutes', sort: 'vwap', numeric: true, hideBelow: 'phone' },
  { id: 'trend', label: '1h', title: 'Last hour, one-minute closes', sort: null, numeric: false, hideBelow: null },
  { id: 'updated', label: 'Last trade', title: 'Time of the last trade (your time zone; UTC on hover)', sort: 'updated', numeric: true, hideBelow: 'tablet' },
];
