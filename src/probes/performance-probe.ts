/**
 * Launch performance: a cold-ish launch (browser cache cleared) with the long-task observer in
 * place from the first script; navigation start → first contentful paint, → DOMContentLoaded,
 * → load, an interactive estimate, long tasks (worst, total) and the JS heap after launch; then
 * frame pacing during a scroll of the launch screen (frame-pacing.ts) and the response to a few
 * replayed taps (tap-response.ts).
 */
import type { FramePacing, MeasuredFigure, PerformanceProbeEvent, TapResponseFigures } from '../evidence/probe-types.js';
import type { Probe, ProbeContext, ProbeSummary } from './probe.js';
import type { LaunchFigures } from './probe-tools.js';
import { measureTaps } from './tap-response.js';

/** Quiet time after load in which late long tasks (a freeze right after start) are still counted. */
const AFTER_LOAD_MS = 1500;

export const performanceProbe: Probe<'performanceMeter', 'inputTimer' | 'permissionControl' | 'networkTap'> = {
  id: 'performance',
  title: '启动性能、帧率与点击响应',
  needs: ['performanceMeter'],
  uses: ['inputTimer', 'permissionControl', 'networkTap'],
  async run(ctx): Promise<ProbeSummary> {
    const meter = ctx.tools.performanceMeter;
    await meter.prepareLaunch();
    await ctx.device.launch();
    await ctx.sleep(AFTER_LOAD_MS);
    const figures = await meter.launchFigures();
    const memory = await meter.memory();
    const frames = await meter.scrollFrames();
    const taps = ctx.tools.inputTimer ? await measureTaps({ ...ctx, tools: { inputTimer: ctx.tools.inputTimer, ...(ctx.tools.permissionControl ? { permissionControl: ctx.tools.permissionControl } : {}) } }) : undefined;
    // What the launch loaded is not the next probe's traffic.
    await ctx.tools.networkTap?.drain('performance');
    const event = { ...performanceEvent(figures, { used: memory.usedBytes, total: memory.totalBytes }, ctx), frames, ...(taps ? { taps } : {}) };
    ctx.store.append(event);
    return { status: 'done', text: describe(event) + describeFrames(frames) + (taps ? describeTaps(taps) : '点击响应：该平台不提供输入计时，未测量。') };
  },
};

/** Builds the evidence event from the launch figures (exported for tests). */
export function performanceEvent(figures: LaunchFigures, heap: { used?: number | undefined; total?: number | undefined }, ctx: Pick<ProbeContext, 'budgets'>): PerformanceProbeEvent {
  const tasks = mergeBlocks(figures.longTasks ?? [], figures.gaps ?? []);
  const worst = tasks.reduce<{ startMs: number; durationMs: number } | undefined>((w, t) => (!w || t.durationMs > w.durationMs ? t : w), undefined);
  const lastTaskEnd = tasks.reduce((end, t) => Math.max(end, t.startMs + t.durationMs), 0);
  const event: PerformanceProbeEvent = {
    type: 'performance-probe',
    url: figures.url,
    longTasks: { count: tasks.length, totalMs: tasks.reduce((s, t) => s + t.durationMs, 0), worstMs: worst?.durationMs ?? 0, ...(worst ? { worstStartMs: worst.startMs } : {}) },
    at: new Date().toISOString(),
  };
  if (figures.longTasks === null && !figures.gaps?.length) delete event.longTasks;
  if (figures.firstContentMs !== undefined) event.firstContentMs = figures.firstContentMs;
  if (figures.domContentLoadedMs !== undefined) {
    event.domContentLoadedMs = figures.domContentLoadedMs;
    // Interactive: the main thread is free once DOMContentLoaded has fired and the last long task ended.
    event.interactiveMs = Math.max(figures.domContentLoadedMs, lastTaskEnd, figures.firstContentMs ?? 0);
  }
  if (figures.loadMs !== undefined) event.loadMs = figures.loadMs;
  if (heap.used !== undefined) event.jsHeapUsedBytes = Math.round(heap.used);
  if (heap.total !== undefined) event.jsHeapTotalBytes = Math.round(heap.total);
  const budgets = figures.budgets ?? ctx.budgets;
  if (budgets) event.budgets = budgets;
  if (figures.figures) event.figures = figures.figures;
  return event;
}

/**
 * The launch in words. A native meter's figures carry their own names (冷启动耗时（TotalTime…）,
 * 应用内存（TOTAL PSS…）): those are what was measured, so the page timings (首次内容绘制, JS 堆…)
 * are named only when no such figure exists.
 */
function describe(e: PerformanceProbeEvent): string {
  if (e.figures?.length) return `${e.figures.map((f) => `${f.what} ${showFigure(f.value, f.unit)}`).join('；')}。`;
  const ms = (v: number | undefined) => (v === undefined ? '未测得' : `${v} ms`);
  return `首次内容绘制 ${ms(e.firstContentMs)}，DOMContentLoaded ${ms(e.domContentLoadedMs)}，load ${ms(e.loadMs)}，可交互（估计）${ms(e.interactiveMs)}；` +
    (e.longTasks ? `长任务 ${e.longTasks.count} 个，最长 ${e.longTasks.worstMs} ms，合计 ${e.longTasks.totalMs} ms；` : '长任务未能测量；') +
    `JS 堆 ${e.jsHeapUsedBytes === undefined ? '未测得' : `${(e.jsHeapUsedBytes / 1048576).toFixed(1)} MB`}。`;
}

function showFigure(value: number, unit: MeasuredFigure['unit']): string {
  return unit === 'ms' ? `${value} ms` : unit === '%' ? `${value}%` : `${(value / 1048576).toFixed(1)} MB`;
}

function describeFrames(f: FramePacing): string {
  if (!f.measurable) return `帧率：未能测量（${f.reason}）`;
  return `滚动手势期间（页面${f.scrolled ? '' : '未'}滚动）记录 ${f.frames} 帧，帧间隔 ${f.expectedIntervalMs} ms，` +
    `掉帧（间隔超过 1.5 倍）${f.janky} 次，最长一帧 ${f.worstMs} ms。`;
}

function describeTaps(t: TapResponseFigures): string {
  if (t.taps.length === 0) return '点击响应：探索中没有可回放的点击，未能测量。';
  const each = t.taps.map((tap) => `${tap.label} ${tap.ms === undefined ? `未测得（${tap.reason ?? ''}）` : `${tap.ms} ms（${tap.method === 'event-timing' ? 'Event Timing' : '下一帧'}）`}`).join('；');
  const summary = t.worstMs === undefined ? '' : `最慢 ${t.worstMs} ms，中位数 ${t.medianMs ?? 0} ms，P75 ${t.p75Ms ?? 0} ms。`;
  return `点击响应（可信触摸输入，从输入到处理后下一帧）：${each}。${summary}`;
}

type Block = { startMs: number; durationMs: number };

/** Long tasks plus timer gaps that no reported long task covers (the same block is counted once). */
export function mergeBlocks(longTasks: readonly Block[], gaps: readonly Block[]): Block[] {
  const overlaps = (a: Block, b: Block) => a.startMs < b.startMs + b.durationMs && b.startMs < a.startMs + a.durationMs;
  return [...longTasks, ...gaps.filter((g) => !longTasks.some((t) => overlaps(t, g)))].sort((a, b) => a.startMs - b.startMs);
}
