import { polylinePoints, type SparkPoint } from '../pages/overview/sparkline-series';

const svgNs = 'http://www.w3.org/2000/svg';

/** A small line chart as SVG: crisp at any pixel ratio, coloured by CSS (up, down, flat). */
export class Sparkline {
  readonly element: SVGSVGElement;
  private readonly line: SVGPolylineElement;
  private drawn = '';

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

  draw(points: readonly SparkPoint[]): void {
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
