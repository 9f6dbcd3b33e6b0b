// Times: shown in the user's time zone, with the exact UTC instant for a tooltip.

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, timeZone: string | undefined, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale ?? ''}|${timeZone ?? ''}|${key}`;
  let format = cache.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, timeZone ? { ...options, timeZone } : options);
    cache.set(id, format);
  }

  return format;
}

export interface TimeOptions {
  locale?: string;
  /** For tests; the user's zone when absent. */
  timeZone?: string;
}

function toDate(value: string | number | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/** 14:03:07 */
export function formatTime(value: string | number | Date, options: TimeOptions = {}): string {
  return formatter(options.locale, options.timeZone, 'time', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(toDate(value));
}

/** 14:03:07.125, for trades. */
export function formatTimeMs(value: string | number | Date, options: TimeOptions = {}): string {
  return formatter(options.locale, options.timeZone, 'timems', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
    hourCycle: 'h23',
  }).format(toDate(value));
}

/** 22 Nov 14:03, for candles and long spans. */
export function formatDateTime(value: string | number | Date, options: TimeOptions = {}): string {
  return formatter(options.locale, options.timeZone, 'datetime', {
    day: '2-digit',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(toDate(value));
}

/** The tooltip: 2026-11-22 14:03:07.125 UTC. */
export function formatUtc(value: string | number | Date): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) {
    return '';
  }

  return `${date.toISOString().replace('T', ' ').replace('Z', '')} UTC`;
}

/** A duration in its two largest units: 3d 4h, 2h 05m, 4m 09s, 12s. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) {
    return '–';
  }

  const seconds = Math.floor(ms / 1000);
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const rest = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) {
    return `${days}d ${hours}h`;
  }

  if (hours > 0) {
    return `${hours}h ${pad(minutes)}m`;
  }

  if (minutes > 0) {
    return `${minutes}m ${pad(rest)}s`;
  }

  return `${rest}s`;
}

/** How long ago, short: 3 s ago, 2 min ago. */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms)) {
    return '–';
  }

  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) {
    return `${seconds} s ago`;
  }

  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min ago` : `${formatDuration(ms)} ago`;
}
