/** The "<memory>随时间变化" chart (PNG from SVG with sharp): one line per idle window, figures in the subtitle. */
import sharp from 'sharp';
import { heapFigures, heapTrendText, mb, memoryLabelOf } from '../checks/detectors/performance-memory.js';
import type { HeapSamplesEvent } from '../evidence/probe-types.js';
import { lineChartSvg } from './line-chart.js';

/** The chart's title, named by what was sampled (H5: JS 堆随时间变化; Android: 应用内存（TOTAL PSS）随时间变化). */
export function heapChartTitle(events: readonly HeapSamplesEvent[]): string {
  return `${memoryLabelOf(events[0] ?? {})}随时间变化`;
}

/** The chart's SVG; undefined when there are no samples. */
export function heapChartSvg(events: readonly HeapSamplesEvent[]): string | undefined {
  const withSamples = events.filter((e) => e.samples.length > 0);
  const first = heapFigures(withSamples[0]?.samples ?? []);
  if (!first) return undefined;
  const subtitle = withSamples.length === 1
    ? `起 ${mb(first.startBytes)} · 末 ${mb(first.endBytes)} · 峰值 ${mb(first.peakBytes)} · ${heapTrendText(first)}`
    : `${withSamples.length} 个空闲窗口，每窗口从重新启动后计时`;
  return lineChartSvg({
    title: heapChartTitle(withSamples),
    subtitle,
    formatY: mb,
    series: withSamples.map((e, i) => ({
      label: `窗口 ${i + 1}${e.screenId ? `（${e.screenId}）` : ''}`,
      points: e.samples.map((s) => ({ x: s.atMs, y: s.usedBytes })),
    })),
  });
}

/** The chart as PNG; undefined when there are no samples. */
export async function heapChartPng(events: readonly HeapSamplesEvent[]): Promise<Buffer | undefined> {
  const svg = heapChartSvg(events);
  return svg ? sharp(Buffer.from(svg)).png().toBuffer() : undefined;
}
