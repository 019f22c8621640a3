/**
 * Android probe figures from device command outputs, pure: cold-start TotalTime over several
 * launches, frames from `dumpsys gfxinfo`, memory from `dumpsys meminfo` samples, the clipboard op
 * from `appops get`. Each figure keeps the command that measured it; parsers live in
 * src/device/android and are tested on real outputs.
 */
import { parseAmStart } from '../../../device/android/am-start.js';
import { parseAppOps } from '../../../device/android/appops.js';
import { parseGfxinfo } from '../../../device/android/gfxinfo.js';
import { parseMeminfo } from '../../../device/android/meminfo.js';
import type { FramePacing } from '../../../evidence/probe-types.js';

/** Frames over this many ms are frozen (Android vitals). */
export const FROZEN_FRAME_MS = 700;
/** A 60 Hz frame. */
const FRAME_INTERVAL_MS = 16.7;

export interface LaunchFigures {
  totalTimesMs: number[];
  medianMs?: number;
  states: string[];
  /** Outputs that had no TotalTime, with the parser's reason. */
  failures: string[];
}

/** TotalTime of each `am start -W` output and their median (the figure judged: one launch is noise). */
export function launchFigures(outputs: readonly string[]): LaunchFigures {
  const figures: LaunchFigures = { totalTimesMs: [], states: [], failures: [] };
  for (const output of outputs) {
    const parsed = parseAmStart(output);
    if (!parsed.ok) figures.failures.push(parsed.reason);
    else if (parsed.value.totalTimeMs === undefined) figures.failures.push(`am start 状态 ${parsed.value.status}，没有 TotalTime`);
    else {
      figures.totalTimesMs.push(parsed.value.totalTimeMs);
      figures.states.push(parsed.value.launchState ?? 'UNKNOWN');
    }
  }
  const median = medianOf(figures.totalTimesMs);
  if (median !== undefined) figures.medianMs = median;
  return figures;
}

/** The median (the lower middle for an even count, so it is a measured value); undefined when empty. */
export function medianOf(values: readonly number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : undefined;
}

export interface FrameFigures {
  pacing: FramePacing;
  slowPercent?: number;
  frozenPercent?: number;
  p50Ms?: number;
  p90Ms?: number;
  p99Ms?: number;
}

/** Frames rendered while scrolling: janky share, percentiles, frozen share, the worst histogram bucket. */
export function frameFigures(output: string, scrolled: boolean): FrameFigures {
  const parsed = parseGfxinfo(output);
  if (!parsed.ok) return { pacing: { measurable: false, reason: `dumpsys gfxinfo 无法读取：${parsed.reason}` } };
  const g = parsed.value;
  if (g.totalFrames === 0) return { pacing: { measurable: false, reason: '滚动期间没有渲染任何帧（dumpsys gfxinfo Total frames rendered: 0）' } };
  const worst = worstBucketMs(output) ?? g.p99Ms ?? 0;
  const figures: FrameFigures = {
    pacing: { measurable: true, during: 'scroll-gesture', scrolled, frames: g.totalFrames, expectedIntervalMs: FRAME_INTERVAL_MS, janky: g.jankyFrames, worstMs: worst },
    slowPercent: g.jankyPercent,
  };
  if (g.frozenFrames !== undefined) figures.frozenPercent = round2((g.frozenFrames / g.totalFrames) * 100);
  if (g.p50Ms !== undefined) figures.p50Ms = g.p50Ms;
  if (g.p90Ms !== undefined) figures.p90Ms = g.p90Ms;
  if (g.p99Ms !== undefined) figures.p99Ms = g.p99Ms;
  return figures;
}

/** The largest HISTOGRAM bucket holding a frame (gfxinfo buckets are lower bounds in ms). */
export function worstBucketMs(output: string): number | undefined {
  const histogram = /^\s*HISTOGRAM:(.*)$/m.exec(output)?.[1];
  if (!histogram) return undefined;
  const filled = [...histogram.matchAll(/(\d+)ms=(\d+)/g)].filter((m) => Number(m[2]) > 0).map((m) => Number(m[1]));
  return filled.length ? Math.max(...filled) : undefined;
}

export interface MemorySample {
  atMs: number;
  pssKb: number;
}

/** Samples (time, TOTAL PSS) from timed meminfo outputs; outputs without a total are skipped and counted. */
export function memorySamples(outputs: readonly { atMs: number; output: string }[]): { samples: MemorySample[]; unreadable: number } {
  const samples: MemorySample[] = [];
  let unreadable = 0;
  for (const o of outputs) {
    const parsed = parseMeminfo(o.output);
    if (parsed.ok) samples.push({ atMs: o.atMs, pssKb: parsed.value.totalPssKb });
    else unreadable++;
  }
  return { samples, unreadable };
}

/** Whether `appops get` shows READ_CLIPBOARD performed within the last `withinMs` (a read since launch). */
export function clipboardReadSince(output: string, withinMs: number): { read: boolean; agoMs?: number; reason?: string } {
  const parsed = parseAppOps(output);
  if (!parsed.ok) return { read: false, reason: parsed.reason };
  const op = parsed.value.find((o) => o.op === 'READ_CLIPBOARD' && !o.uidMode);
  if (op?.lastAccessMsAgo === undefined) return { read: false };
  return op.lastAccessMsAgo <= withinMs ? { read: true, agoMs: op.lastAccessMsAgo } : { read: false, agoMs: op.lastAccessMsAgo };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
