/** A tiny line chart as SVG (drawn to PNG with sharp by its callers): one or more series over a shared time axis. */

export interface LineSeries {
  label: string;
  /** x in ms, y in the chart's unit. */
  points: { x: number; y: number }[];
}

export interface LineChart {
  title: string;
  /** A line of figures under the title. */
  subtitle?: string;
  series: LineSeries[];
  /** Formats a y value for the axis labels (e.g. bytes → "1.2 MB"). */
  formatY: (y: number) => string;
}

const COLORS = ['#c8161d', '#1f5fa8', '#2e7d32', '#8e44ad'];

/** Escapes text for SVG. */
export function svgText(text: string): string {
  return text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The chart as an SVG document; undefined when no series has a point. */
export function lineChartSvg(chart: LineChart): string | undefined {
  const points = chart.series.flatMap((s) => s.points);
  if (points.length === 0) return undefined;
  const width = 720, height = 360, left = 90, right = 20, top = chart.subtitle ? 70 : 50, bottom = 60;
  const xMax = Math.max(1, ...points.map((p) => p.x));
  const yLo = Math.min(...points.map((p) => p.y)), yHi = Math.max(...points.map((p) => p.y));
  // A flat series still gets a visible band around it.
  const pad = Math.max((yHi - yLo) * 0.1, Math.abs(yHi) * 0.02, 1);
  const y0 = Math.max(0, yLo - pad), y1 = yHi + pad;
  const px = (x: number) => left + (x / xMax) * (width - left - right);
  const py = (y: number) => top + (1 - (y - y0) / (y1 - y0)) * (height - top - bottom);
  const grid = [y0, (y0 + y1) / 2, y1].map((y) => `<line x1="${left}" y1="${py(y).toFixed(1)}" x2="${width - right}" y2="${py(y).toFixed(1)}" stroke="#ddd"/>` +
    `<text x="${left - 6}" y="${(py(y) + 4).toFixed(1)}" font-size="12" text-anchor="end" fill="#555">${svgText(chart.formatY(y))}</text>`).join('');
  const lines = chart.series.map((s, i) => {
    const color = COLORS[i % COLORS.length]!;
    const path = s.points.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
    const dots = s.points.map((p) => `<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="3" fill="${color}"/>`).join('');
    const legend = `<text x="${left + i * 220}" y="${height - 12}" font-size="12" fill="${color}">${svgText(s.label)}</text>`;
    return `<polyline points="${path}" fill="none" stroke="${color}" stroke-width="2"/>${dots}${legend}`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="Noto Sans CJK SC, sans-serif">` +
    `<rect width="100%" height="100%" fill="#fff"/><text x="20" y="26" font-size="16" font-weight="bold">${svgText(chart.title)}</text>` +
    (chart.subtitle ? `<text x="20" y="50" font-size="13" fill="#333">${svgText(chart.subtitle)}</text>` : '') +
    `${grid}<text x="${left}" y="${height - bottom + 18}" font-size="12" fill="#555">0 s</text>` +
    `<text x="${width - right}" y="${height - bottom + 18}" font-size="12" fill="#555" text-anchor="end">${(xMax / 1000).toFixed(0)} s</text>${lines}</svg>`;
}
