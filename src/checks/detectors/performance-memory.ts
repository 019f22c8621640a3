/**
 * performance (memory) — 第六条, 第十七条: the JS heap sampled about once a second while the app was
 * left alone (network-idle probe, `heap-samples` events). A peak over the device profile's
 * jsHeapBytes budget is a finding with the figure and the budget's source. Growth while idle is
 * reported as an observation only: no published threshold for the heap growth of an idle app was
 * found (Android vitals and the HarmonyOS guidance budget peaks, not slopes), so none is invented.
 * Known limits: a few seconds per window after a fresh launch; garbage collection makes the used
 * size saw-toothed, hence a least-squares slope rather than last minus first.
 */
import type { HeapSamplesEvent } from '../../evidence/probe-types.js';
import type { EvidenceBundle } from '../../evidence/types.js';
import type { Detection, Finding } from '../result.js';

/** The figures of one idle window's heap samples (bytes, ms). */
export interface HeapFigures {
  samples: number;
  durationMs: number;
  startBytes: number;
  endBytes: number;
  peakBytes: number;
  peakAtMs: number;
  /** Least-squares slope of used bytes over time, per minute; 0 with fewer than two samples. */
  growthPerMinuteBytes: number;
}

/** Start, end, peak and growth per minute of a series of samples; undefined when there is none. */
export function heapFigures(samples: readonly { atMs: number; usedBytes: number }[]): HeapFigures | undefined {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last) return undefined;
  const peak = samples.reduce((p, s) => (s.usedBytes > p.usedBytes ? s : p), first);
  return {
    samples: samples.length,
    durationMs: last.atMs - first.atMs,
    startBytes: first.usedBytes,
    endBytes: last.usedBytes,
    peakBytes: peak.usedBytes,
    peakAtMs: peak.atMs - first.atMs,
    growthPerMinuteBytes: Math.round(slope(samples) * 60_000),
  };
}

/** Bytes per ms by least squares (0 when time does not vary). */
function slope(samples: readonly { atMs: number; usedBytes: number }[]): number {
  const n = samples.length;
  const mx = samples.reduce((s, p) => s + p.atMs, 0) / n;
  const my = samples.reduce((s, p) => s + p.usedBytes, 0) / n;
  const sxx = samples.reduce((s, p) => s + (p.atMs - mx) ** 2, 0);
  const sxy = samples.reduce((s, p) => s + (p.atMs - mx) * (p.usedBytes - my), 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

/** Bytes as MB with one decimal (two below 1 MB, so a small growth is not shown as 0.0). */
export function mb(bytes: number): string {
  const value = bytes / 1_048_576;
  return `${value.toFixed(Math.abs(value) < 1 ? 2 : 1)} MB`;
}

/** A growth per minute as shown to reviewers: "+2.0 MB/分钟", "−0.12 MB/分钟". */
export function growthPerMinuteText(bytes: number): string {
  return `${bytes >= 0 ? '+' : '−'}${mb(Math.abs(bytes))}/分钟`;
}

/** Below this slope (bytes per minute) the heap is described as steady. */
export const STEADY_BYTES_PER_MINUTE = 50 * 1024;

/** Below this difference (bytes) start and end are not said to disagree with the slope. */
const ENDPOINTS_DIFFER_BYTES = 100 * 1024;

/**
 * How the heap moved, in words that follow the figures: 增长约 +x when it grew, 下降约 x when it
 * shrank, 基本不变 when the slope is about 0; when the slope and start→end point opposite ways (a
 * collection just before the end), both are given rather than one word that contradicts the other.
 */
export function heapTrendText(f: Pick<HeapFigures, 'startBytes' | 'endBytes' | 'growthPerMinuteBytes'>): string {
  const slope = f.growthPerMinuteBytes;
  if (Math.abs(slope) < STEADY_BYTES_PER_MINUTE) return `基本不变（${growthPerMinuteText(slope)}）`;
  const change = f.endBytes - f.startBytes;
  if (Math.abs(change) >= ENDPOINTS_DIFFER_BYTES && Math.sign(change) !== Math.sign(slope)) {
    return `起止相比${change > 0 ? '上升' : '下降'} ${mb(Math.abs(change))}，期间有起伏（拟合斜率 ${growthPerMinuteText(slope)}）`;
  }
  return slope > 0 ? `增长约 ${growthPerMinuteText(slope)}` : `下降约 ${mb(-slope)}/分钟`;
}

/** Heap findings (peak over budget) and observations (the figures of each idle window). */
export function heapDetection(bundle: EvidenceBundle): Pick<Detection, 'findings' | 'observations'> & { figures: (HeapFigures & { screenId?: string })[] } {
  const launchBudgets = bundle.probes?.performance.at(-1)?.budgets;
  const findings: Finding[] = [];
  const observations: Finding[] = [];
  const figures: (HeapFigures & { screenId?: string })[] = [];
  for (const event of bundle.probes?.heap ?? []) {
    const f = heapFigures(event.samples);
    if (!f) continue;
    figures.push({ ...f, ...(event.screenId ? { screenId: event.screenId } : {}) });
    const budget = event.budgetBytes ?? launchBudgets?.jsHeapBytes;
    const source = event.budgetSource ?? launchBudgets?.sources?.jsHeapBytes;
    if (budget !== undefined && f.peakBytes > budget) {
      findings.push(heapFinding(event, `空闲观察中${spaced(memoryLabelOf(event))}峰值 ${mb(f.peakBytes)}（第 ${(f.peakAtMs / 1000).toFixed(0)} 秒），超过预算 ${mb(budget)}${source ? `（依据：${source}）` : ''}。`, `jsHeapBytes peak=${f.peakBytes} > ${budget}`));
    }
    observations.push(heapFinding(event, observationText(f, memoryLabelOf(event)), `start=${f.startBytes} end=${f.endBytes} peak=${f.peakBytes} growthPerMinute=${f.growthPerMinuteBytes}`));
  }
  return { findings, observations, figures };
}

/** What a window sampled, in Chinese: its own label, else JS 堆 (evidence from before labels were recorded was H5's). */
export function memoryLabelOf(event: Pick<HeapSamplesEvent, 'memoryLabel'>): string {
  return event.memoryLabel ?? 'JS 堆';
}

/** The label after Chinese text: a Latin start (JS 堆) gets a space. */
function spaced(label: string): string {
  return /^[A-Za-z]/.test(label) ? ` ${label}` : label;
}

function observationText(f: HeapFigures, label: string): string {
  return `空闲 ${(f.durationMs / 1000).toFixed(0)} 秒（${f.samples} 次采样）${label}由 ${mb(f.startBytes)} 变为 ${mb(f.endBytes)}，峰值 ${mb(f.peakBytes)}，${heapTrendText(f)}；` +
    '空闲时内存的变化趋势没有公认的判定阈值，仅作记录，不据此判定。';
}

function heapFinding(event: HeapSamplesEvent, summary: string, text: string): Finding {
  return {
    summary,
    source: 'probe',
    text,
    evidence: event.chart ? [event.chart] : [],
    confidence: 0.8,
    severity: 'present',
    ...(event.screenId ? { screen: event.screenId } : {}),
  };
}
