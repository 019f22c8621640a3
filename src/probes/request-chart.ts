/** A timeline chart (PNG, drawn from SVG with sharp) of periodic requests, for the reviewer. */
import sharp from 'sharp';
import { periodicSeries } from '../checks/detectors/periodic-requests.js';
import type { NetworkEvent } from '../evidence/types.js';
import { svgText } from './line-chart.js';

/** One row per periodic endpoint, a dot per request; undefined when nothing is periodic. */
export function periodicChartSvg(requests: readonly NetworkEvent[]): string | undefined {
  const series = periodicSeries(requests);
  if (series.length === 0) return undefined;
  const t0 = Math.min(...series.map((s) => s.requests[0]!.ts));
  const t1 = Math.max(...series.map((s) => s.requests.at(-1)!.ts));
  const width = 720, left = 20, right = 20, rowH = 56, top = 40;
  const span = Math.max(1, t1 - t0);
  const x = (ts: number) => left + ((ts - t0) / span) * (width - left - right);
  const height = top + series.length * rowH + 30;
  const rows = series.map((s, i) => {
    const y = top + i * rowH + 30;
    const dots = s.requests.map((r) => `<circle cx="${x(r.ts).toFixed(1)}" cy="${y}" r="5" fill="#c8161d"/>`).join('');
    const label = `${svgText(s.endpoint.replace(/^(\w+) https?:\/\/[^/]+/, '$1 '))}：${s.requests.length} 次，周期约 ${(s.periodMs / 1000).toFixed(1)} 秒`;
    return `<text x="${left}" y="${y - 14}" font-size="14">${label}</text><line x1="${left}" y1="${y}" x2="${width - right}" y2="${y}" stroke="#ccc"/>${dots}`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="Noto Sans CJK SC, sans-serif">` +
    `<rect width="100%" height="100%" fill="#fff"/><text x="${left}" y="24" font-size="16" font-weight="bold">周期性请求时间线（共 ${(span / 1000).toFixed(1)} 秒）</text>${rows}` +
    `<text x="${left}" y="${height - 8}" font-size="12" fill="#555">0 s</text><text x="${width - right - 40}" y="${height - 8}" font-size="12" fill="#555">${(span / 1000).toFixed(1)} s</text></svg>`;
}

/** The chart as PNG, or undefined when there is nothing periodic. */
export async function periodicChartPng(requests: readonly NetworkEvent[]): Promise<Buffer | undefined> {
  const svg = periodicChartSvg(requests);
  return svg ? sharp(Buffer.from(svg)).png().toBuffer() : undefined;
}
