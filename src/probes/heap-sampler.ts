/**
 * Memory over time: while the network-idle probe leaves the app alone, the platform's memory
 * figure (H5: JSHeapUsedSize through CDP Performance.getMetrics) is read about once a second and
 * written as one `heap-samples` event per idle window, with its chart stored as a blob.
 */
import type { EvidenceStore } from '../evidence/store.js';
import type { HeapSamplesEvent, PerformanceBudgets } from '../evidence/probe-types.js';
import { heapFigures, heapTrendText, mb } from '../checks/detectors/performance-memory.js';
import { HEAP_CHART_TITLE, heapChartPng } from './heap-chart.js';
import type { ProbeAttachment } from './probe.js';

export interface HeapSampler {
  /** Reads the heap once; a failed read is skipped, never recorded as zero. */
  sample(): Promise<void>;
  readonly samples: HeapSamplesEvent['samples'];
}

/** Reads the memory in use, in bytes; undefined when the platform does not answer. */
export type MemoryReader = () => Promise<number | undefined>;

/** A sampler whose first sample is taken now. */
export async function startHeapSampler(read: MemoryReader, now: () => number): Promise<HeapSampler> {
  const samples: HeapSamplesEvent['samples'] = [];
  let t0: number | undefined;
  const sampler: HeapSampler = {
    samples,
    async sample() {
      const at = now();
      const used = await read().catch(() => undefined);
      if (used === undefined) return;
      t0 ??= at;
      samples.push({ atMs: at - t0, usedBytes: Math.round(used) });
    },
  };
  await sampler.sample();
  return sampler;
}

/** Writes the window's samples (and their chart) as evidence; undefined when no sample was read. */
export async function recordHeapSamples(
  store: EvidenceStore, screen: { id: string; url: string }, sampler: HeapSampler, budgets?: PerformanceBudgets,
): Promise<HeapSamplesEvent | undefined> {
  if (sampler.samples.length === 0) return undefined;
  const event: HeapSamplesEvent = { type: 'heap-samples', screenId: screen.id, url: screen.url, samples: [...sampler.samples] };
  if (budgets?.jsHeapBytes !== undefined) event.budgetBytes = budgets.jsHeapBytes;
  if (budgets?.sources?.jsHeapBytes) event.budgetSource = budgets.sources.jsHeapBytes;
  const png = await heapChartPng([event]);
  if (png) event.chart = store.putBlob('graph', png, 'png');
  store.append(event);
  return event;
}

/** The heap chart and the raw samples, for a probe's or a check's Allure test. */
export async function heapAttachments(events: readonly HeapSamplesEvent[]): Promise<ProbeAttachment[]> {
  if (events.length === 0) return [];
  const png = await heapChartPng(events);
  const raw = events.map(({ screenId, url, samples, budgetBytes }) => ({ screenId, url, budgetBytes, samples }));
  return [
    ...(png ? [{ name: HEAP_CHART_TITLE, content: png, type: 'image/png' }] : []),
    { name: 'JS 堆采样 (JSON)', content: JSON.stringify(raw, null, 2), type: 'application/json' },
  ];
}

/** One Chinese sentence with each window's heap figures, for the probe's description. */
export function describeHeap(events: readonly HeapSamplesEvent[]): string {
  const parts = events.flatMap((e) => {
    const f = heapFigures(e.samples);
    if (!f) return [];
    return [`空闲期间 JS 堆（${f.samples} 次采样）：起 ${mb(f.startBytes)}，末 ${mb(f.endBytes)}，峰值 ${mb(f.peakBytes)}，${heapTrendText(f)}`];
  });
  return parts.length > 0 ? `${parts.join('；')}。` : '空闲期间未能读取 JS 堆。';
}
