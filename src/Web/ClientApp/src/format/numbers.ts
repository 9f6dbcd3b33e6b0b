// Number formatting for tables: the user's locale, fixed decimals per column so digits line up
// (the CSS sets tabular figures), cached formatters (Intl.NumberFormat is costly to create).

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string | undefined, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale ?? ''}|${key}`;
  let format = cache.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(id, format);
  }

  return format;
}

export const dash = '–';

/** Decimals a price is quoted in: those of its shortest decimal form, at least 2, at most 8. */
export function priceDecimals(value: number): number {
  if (!Number.isFinite(value)) {
    return 2;
  }

  const text = Math.abs(value).toString();
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) {
    const mantissa = text.split('e')[0] ?? '';
    const fraction = mantissa.split('.')[1]?.length ?? 0;
    return clamp(Number(exponent[1]) + fraction, 2, 8);
  }

  return clamp(text.split('.')[1]?.length ?? 0, 2, 8);
}

export function formatPrice(value: number | null | undefined, decimals = 2, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return dash;
  }

  return formatter(locale, `p${decimals}`, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** A signed change in price units: +1.25, −0.40. */
export function formatChange(value: number | null | undefined, decimals = 2, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return dash;
  }

  return formatter(locale, `c${decimals}`, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    signDisplay: 'exceptZero',
  }).format(value);
}

/** A signed percentage from a value already in percent (1.5 → +1.50%). */
export function formatPercent(value: number | null | undefined, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return dash;
  }

  return formatter(locale, 'pct', {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  }).format(value / 100);
}

/** Quantities in compact form with three significant digits: 1.23M, 45.6K, 0.0432. */
export function formatCompact(value: number | null | undefined, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return dash;
  }

  return formatter(locale, 'compact', { notation: 'compact', maximumSignificantDigits: 3 }).format(value);
}

/** Whole counts with grouping: 1,234,567. */
export function formatCount(value: number | null | undefined, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return dash;
  }

  return formatter(locale, 'count', { maximumFractionDigits: 0 }).format(value);
}

/** Quantities with up to `decimals` decimals: sizes, volumes in full. */
export function formatQuantity(value: number | null | undefined, decimals = 4, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return dash;
  }

  return formatter(locale, `q${decimals}`, { maximumFractionDigits: decimals }).format(value);
}

/** A rate with one decimal: 1,999.5. */
export function formatRate(value: number | null | undefined, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return dash;
  }

  return formatter(locale, 'rate', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** −1, 0 or 1: the colour class of a change. */
export function direction(value: number | null | undefined): -1 | 0 | 1 {
  if (value === null || value === undefined || !Number.isFinite(value) || value === 0) {
    return 0;
  }

  return value > 0 ? 1 : -1;
}

export function toneOf(value: number | null | undefined): 'up' | 'down' | 'flat' {
  const sign = direction(value);
  return sign > 0 ? 'up' : sign < 0 ? 'down' : 'flat';
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
