// The page follows the OS colour scheme through CSS (prefers-color-scheme). Canvas-drawn things
// (the chart) need the colours as values: read them from the CSS custom properties.

export function cssColor(name: string, fallback = '#888'): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** Calls `listener` when the OS switches between light and dark; returns the unsubscribe function. */
export function onSchemeChange(listener: () => void): () => void {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}
