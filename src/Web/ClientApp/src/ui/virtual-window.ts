// Which rows of a fixed-height list are in view, plus a few either side. Pure.

export interface VirtualRange {
  /** First index shown. */
  first: number;
  /** One past the last index shown. */
  last: number;
}

export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan = 4): VirtualRange {
  if (count <= 0 || rowHeight <= 0) {
    return { first: 0, last: 0 };
  }

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + Math.max(0, viewportHeight)) / rowHeight) + overscan);
  return { first: Math.min(first, last), last };
}

/** The scrollTop that brings row `index` fully into view, or null when it already is. */
export function scrollToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) {
    return top;
  }

  if (bottom > scrollTop + viewportHeight) {
    return bottom - viewportHeight;
  }

  return null;
}
