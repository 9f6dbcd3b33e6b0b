import { describe, expect, it } from 'vitest';
import { formatAge, formatDateTime, formatDuration, formatTime, formatTimeMs, formatUtc } from '../../src/format/time';

describe('time formatting', () => {
  const instant = '2026-11-22T14:03:07.125Z';

  it('shows times in the given zone (the user zone in the browser)', () => {
    expect(formatTime(instant, { locale: 'en-GB', timeZone: 'Europe/Berlin' })).toBe('15:03:07');
    expect(formatTime(instant, { locale: 'en-GB', timeZone: 'America/New_York' })).toBe('09:03:07');
    expect(formatTimeMs(instant, { locale: 'en-GB', timeZone: 'UTC' })).toBe('14:03:07.125');
    expect(formatDateTime(instant, { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('22 Nov, 23:03');
  });

  it('gives the exact UTC instant for the tooltip', () => {
    expect(formatUtc(instant)).toBe('2026-11-22 14:03:07.125 UTC');
    expect(formatUtc('not a time')).toBe('');
  });

  it('writes durations in their two largest units', () => {
    expect(formatDuration(12_000)).toBe('12s');
    expect(formatDuration(249_000)).toBe('4m 09s');
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000)).toBe('2h 05m');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d 4h');
    expect(formatDuration(-1)).toBe('–');
  });

  it('writes ages briefly', () => {
    expect(formatAge(2_400)).toBe('2 s ago');
    expect(formatAge(120_000)).toBe('2 min ago');
  });
});
