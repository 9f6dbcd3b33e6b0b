import { polylinePoints, type SparkPoint } from '../pages/overview/sparkline-series';

const svgNs = 'http://www.w3.org/2000/svg';

/** Between two draws with the same number of points (only the last price moved), at least this long. */
const redrawIntervalMs = 1000;

/**
 * A small line chart as SVG: crisp at any pixel ratio, coloured by CSS (up, down, flat). A
 * minute-by-minute line needs no 10 Hz repaint: while only its last point moves it is redrawn at
 * most once a second, which matters with hundreds of rows updating.
 */
export class Sparkline {
  readonly element: SVGSVGElement;
  private readonly line: SVGPolylineElement;
  private drawn = '';
  private drawnAt = Number.NEGATIVE_INFINITY;
  private drawnLength = -1;

  constructor(
    private readonly width = 96,
    private readonly height = 22,
  ) {
    this.element = document.createElementNS(svgNs, 'svg');
    this.element.setAttribute('viewBox', `0 0 ${width} ${height}`);
    // Scales to its cell (narrower on phones); the stroke keeps its width (non-scaling-stroke in CSS).
    this.element.setAttribute('preserveAspectRatio', 'none');
    this.element.style.maxWidth = `${width}px`;
    this.element.style.height = `${height}px`;
    this.element.setAttribute('aria-hidden', 'true');
    this.element.classList.add('sparkline');
    this.line = document.createElementNS(svgNs, 'polyline');
    this.element.append(this.line);
  }

  /** Draws the points; `force` for a new series (the row now shows another symbol). */
  draw(points: readonly SparkPoint[], force = false): void {
    const now = performance.now();
    if (!force && points.length === this.drawnLength && now - this.drawnAt < redrawIntervalMs) {
      return;
    }

    this.drawnAt = now;
    this.drawnLength = points.length;
    const text = points.length > 1 ? polylinePoints(points, this.width, this.height) : '';
    if (text === this.drawn) {
      return;
    }

    this.drawn = text;
    this.line.setAttribute('points', text);
    const first = points[0]?.v ?? 0;
    const last = points[points.length - 1]?.v ?? 0;
    this.element.classList.toggle('up', last > first);
    this.element.classList.toggle('down', last < first);
  }
}
