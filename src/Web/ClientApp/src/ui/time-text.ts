import { formatUtc } from '../format/time';
import { h, setAttr, setText } from './dom';

/** A <time> element: local time as text, the UTC instant on hover and in `datetime`. */
export function timeElement(value: string, format: (value: string) => string, className?: string): HTMLTimeElement {
  const element = h('time', className ? { class: className } : null);
  setTimeText(element, value, format);
  return element;
}

export function setTimeText(element: HTMLElement, value: string, format: (value: string) => string): void {
  setText(element, format(value));
  setAttr(element, 'title', formatUtc(value));
  if (element instanceof HTMLTimeElement) {
    setAttr(element, 'datetime', value);
  }
}
