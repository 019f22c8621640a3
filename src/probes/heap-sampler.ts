/**
 * Memory over time: while the network-idle probe leaves the app alone, the platform's memory
 * figure (H5: JSHeapUsedSize through CDP Performance.getMetrics; Android: TOTAL PSS) is read about
 * once a second and written as one `heap-samples` event per idle window, named by the meter's
 * `memoryLabel`, with its chart stored as a blob.
 */
import type { EvidenceStore } from '../evidence/store.js';
import type { HeapSamplesEvent, PerformanceBudgets } from '../evidence/probe-types.js';
import { heapFigures, heapTrendText, mb, memoryLabelOf } from '../checks/detectors/performance-memory.js';
import { heapChartPng, heapChartTitle } from './heap-chart.js';
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

/** What a meter's memory() reads when it does not say (native meters: the app's memory). */
export const DEFAULT_MEMORY_LABEL = '应用内存';

/** Writes the window's samples (and their chart) as evidence, named `memoryLabel`; undefined when no sample was read. */
export async function recordHeapSamples(
  store: EvidenceStore, screen: { id: string; url: string }, sampler: HeapSampler, budgets?: PerformanceBudgets, memoryLabel = DEFAULT_MEMORY_LABEL,
): Promise<HeapSamplesEvent | undefined> {
  if (sampler.samples.length === 0) return undefined;
  const event: HeapSamplesEvent = { type: 'heap-samples', screenId: screen.id, url: screen.url, samples: [...sampler.samples], memoryLabel };
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
    ...(png ? [{ name: heapChartTitle(events), content: png, type: 'image/png' }] : []),
    { name: `${memoryLabelOf(events[0]!)}采样 (JSON)`, content: JSON.stringify(raw, null, 2), type: 'application/json' },
  ];
}

/** One Chinese sentence with each window's memory figures, for the probe's description; `none` when no window has any. */
export function describeHeap(events: readonly HeapSamplesEvent[], none: string): string {
  const parts = events.flatMap((e) => {
    const f = heapFigures(e.samples);
    if (!f) return [];
    return [`空闲期间${memoryLabelOf(e)}（${f.samples} 次采样）：起 ${mb(f.startBytes)}，末 ${mb(f.endBytes)}，峰值 ${mb(f.peakBytes)}，${heapTrendText(f)}`];
  });
  return parts.length > 0 ? `${parts.join('；')}。` : none;
}
