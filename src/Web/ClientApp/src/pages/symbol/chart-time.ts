import { TickMarkType, type Time } from 'lightweight-charts';

// The chart's axis and crosshair in the user's time zone (the library formats in UTC by default).

const cache = new Map<string, Intl.DateTimeFormat>();

function format(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(undefined, { ...options, hourCycle: 'h23' });
    cache.set(key, formatter);
  }

  return formatter;
}

function toDate(time: Time): Date {
  return new Date(typeof time === 'number' ? time * 1000 : typeof time === 'string' ? time : Date.UTC(time.year, time.month - 1, time.day));
}

export function tickMark(time: Time, type: TickMarkType): string {
  const date = toDate(time);
  switch (type) {
    case TickMarkType.Year:
      return format('y', { year: 'numeric' }).format(date);
    case TickMarkType.Month:
      return format('m', { month: 'short' }).format(date);
    case TickMarkType.DayOfMonth:
      return format('d', { day: 'numeric', month: 'short' }).format(date);
    case TickMarkType.Time:
      return format('t', { hour: '2-digit', minute: '2-digit' }).format(date);
    case TickMarkType.TimeWithSeconds:
      return format('ts', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(date);
  }
}

export function crosshairTime(time: Time): string {
  return format('c', { weekday: 'short', day: 'numeric', month: 'short', year: '2-digit', hour: '2-digit', minute: '2-digit' }).format(toDate(time));
}
