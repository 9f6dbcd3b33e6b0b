import {
  CandlestickSeries,
  ColorType,
  createChart,
  CrosshairMode,
  HistogramSeries,
  LineSeries,
  type IChartApi,
  type ISeriesApi,
  type LogicalRange,
  type UTCTimestamp,
} from 'lightweight-charts';
import { formatPrice } from '../../format';
import { cssColor, onSchemeChange } from '../../ui/theme';
import type { Bar } from './candle-book';
import { crosshairTime, tickMark } from './chart-time';
import { overlays, type OverlayId } from './overlays';

const seconds = (ms: number) => (ms / 1000) as UTCTimestamp;

/**
 * Candlesticks with a volume histogram beneath and the chosen overlays, drawn by
 * lightweight-charts, themed from the page's CSS colours and in the user's time zone.
 */
export class PriceChart {
  private readonly chart: IChartApi;
  private readonly candles: ISeriesApi<'Candlestick'>;
  private readonly volume: ISeriesApi<'Histogram'>;
  private readonly lines = new Map<OverlayId, ISeriesApi<'Line'>>();
  private readonly stopThemeWatch: () => void;
  private enabled: ReadonlySet<OverlayId> = new Set();
  private bars: readonly Bar[] = [];
  private volumeUp = '';
  private volumeDown = '';

  constructor(
    container: HTMLElement,
    private decimals: number,
  ) {
    this.chart = createChart(container, {
      autoSize: true,
      crosshair: { mode: CrosshairMode.Normal },
      localization: { timeFormatter: crosshairTime, priceFormatter: (price: number) => formatPrice(price, this.decimals) },
      timeScale: { timeVisible: true, secondsVisible: false, rightOffset: 4, tickMarkFormatter: tickMark },
      rightPriceScale: { scaleMargins: { top: 0.08, bottom: 0.26 } },
    });
    this.candles = this.chart.addSeries(CandlestickSeries, { priceLineVisible: true });
    this.volume = this.chart.addSeries(HistogramSeries, {
      priceScaleId: 'volume',
      priceFormat: { type: 'volume' },
      lastValueVisible: false,
      priceLineVisible: false,
    });
    this.chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    for (const overlay of overlays) {
      this.lines.set(
        overlay.id,
        this.chart.addSeries(LineSeries, {
          lineWidth: 1,
          priceLineVisible: false,
          lastValueVisible: false,
          crosshairMarkerVisible: false,
          visible: false,
          title: '',
        }),
      );
    }

    this.applyTheme();
    this.stopThemeWatch = onSchemeChange(() => this.applyTheme());
  }

  setDecimals(decimals: number): void {
    if (decimals !== this.decimals) {
      this.decimals = decimals;
      this.candles.applyOptions({ priceFormat: { type: 'price', precision: decimals, minMove: 10 ** -decimals } });
    }
  }

  /** Draws these bars from scratch (a new interval, an older page). */
  setBars(bars: readonly Bar[]): void {
    this.bars = bars;
    this.candles.setData(bars.map((bar) => this.candle(bar)));
    this.volume.setData(bars.map((bar) => this.volumeBar(bar)));
    this.drawOverlays();
  }

  /** Redraws the bar at `time` (the open candle, or the one just closed); the bars array is the book's. */
  updateBar(bars: readonly Bar[], bar: Bar, historical: boolean): void {
    this.bars = bars;
    this.candles.update(this.candle(bar), historical);
    this.volume.update(this.volumeBar(bar), historical);
    this.drawOverlays();
  }

  setOverlays(enabled: ReadonlySet<OverlayId>): void {
    this.enabled = enabled;
    for (const [id, line] of this.lines) {
      line.applyOptions({ visible: enabled.has(id) });
    }

    this.drawOverlays();
  }

  /** Calls `handler` when the view comes within `margin` bars of the oldest loaded bar. */
  onNearStart(handler: () => void, margin = 10): void {
    this.chart.timeScale().subscribeVisibleLogicalRangeChange((range: LogicalRange | null) => {
      if (range && range.from < margin) {
        handler();
      }
    });
  }

  /** Shows the newest `bars` bars; a short history keeps a sensible bar width rather than filling the chart. */
  showLatest(bars: number): void {
    const count = this.bars.length;
    const span = Math.min(bars, Math.max(count, 40));
    this.chart.timeScale().setVisibleLogicalRange({ from: count - span, to: count + 3 });
  }

  dispose(): void {
    this.stopThemeWatch();
    this.chart.remove();
  }

  private drawOverlays(): void {
    // O(candles) per overlay: a few hundred additions, cheap next to the canvas repaint.
    for (const overlay of overlays) {
      if (this.enabled.has(overlay.id)) {
        this.lines.get(overlay.id)!.setData(overlay.compute(this.bars).map((point) => ({ time: seconds(point.time), value: point.value })));
      }
    }
  }

  private candle(bar: Bar) {
    return { time: seconds(bar.time), open: bar.open, high: bar.high, low: bar.low, close: bar.close };
  }

  private volumeBar(bar: Bar) {
    return { time: seconds(bar.time), value: bar.volume, color: bar.close >= bar.open ? this.volumeUp : this.volumeDown };
  }

  private applyTheme(): void {
    const text = cssColor('--text-muted');
    const grid = cssColor('--chart-grid');
    this.chart.applyOptions({
      layout: { background: { type: ColorType.Solid, color: cssColor('--surface') }, textColor: text, fontFamily: cssColor('--font-ui', 'system-ui'), fontSize: 11 },
      grid: { vertLines: { color: grid }, horzLines: { color: grid } },
      rightPriceScale: { borderColor: grid },
      timeScale: { borderColor: grid },
    });
    this.volumeUp = cssColor('--chart-volume-up');
    this.volumeDown = cssColor('--chart-volume-down');
    const up = cssColor('--up');
    const down = cssColor('--down');
    this.candles.applyOptions({ upColor: up, downColor: down, borderUpColor: up, borderDownColor: down, wickUpColor: up, wickDownColor: down });
    for (const overlay of overlays) {
      this.lines.get(overlay.id)!.applyOptions({ color: cssColor(overlay.colorVar) });
    }

    this.volume.setData(this.bars.map((bar) => this.volumeBar(bar)));
  }
}
