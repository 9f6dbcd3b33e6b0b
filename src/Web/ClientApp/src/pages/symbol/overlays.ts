import type { Bar } from './candle-book';
import { ema, sessionVwap, sma, type LinePoint } from './indicators';

export type OverlayId = 'vwap' | 'sma20' | 'sma50' | 'ema12' | 'ema26';

export interface OverlayDefinition {
  id: OverlayId;
  label: string;
  title: string;
  /** CSS custom property holding the line colour (theme-dependent). */
  colorVar: string;
  compute(bars: readonly Bar[]): LinePoint[];
}

// Periods follow the service's defaults (Pricing:Analytics SmaPeriods 20, 50; EmaPeriods 12, 26),
// here in candles of the chosen interval.
export const overlays: readonly OverlayDefinition[] = [
  { id: 'vwap', label: 'VWAP', title: 'Volume-weighted average price since the start of the UTC day', colorVar: '--overlay-vwap', compute: (bars) => sessionVwap(bars) },
  { id: 'sma20', label: 'SMA 20', title: 'Simple moving average of 20 closes', colorVar: '--overlay-sma20', compute: (bars) => sma(bars, 20) },
  { id: 'sma50', label: 'SMA 50', title: 'Simple moving average of 50 closes', colorVar: '--overlay-sma50', compute: (bars) => sma(bars, 50) },
  { id: 'ema12', label: 'EMA 12', title: 'Exponential moving average of 12 closes', colorVar: '--overlay-ema12', compute: (bars) => ema(bars, 12) },
  { id: 'ema26', label: 'EMA 26', title: 'Exponential moving average of 26 closes', colorVar: '--overlay-ema26', compute: (bars) => ema(bars, 26) },
];

export const defaultOverlays: ReadonlySet<OverlayId> = new Set<OverlayId>(['vwap', 'sma20']);

const storageKey = 'pricing.overlays';

/** The user's overlay choice, remembered across visits. */
export function loadOverlayChoice(): Set<OverlayId> {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored !== null) {
      const ids = JSON.parse(stored) as unknown;
      if (Array.isArray(ids)) {
        return new Set(overlays.map((o) => o.id).filter((id) => ids.includes(id)));
      }
    }
  } catch {
    // Storage blocked or corrupt: the defaults will do.
  }

  return new Set(defaultOverlays);
}

export function saveOverlayChoice(choice: ReadonlySet<OverlayId>): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify([...choice]));
  } catch {
    // Private mode without storage: the choice lasts for this page.
  }
}
