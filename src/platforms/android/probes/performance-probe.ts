/**
 * Android performance: cold starts (`am start -W` TotalTime, median of several), frames while the
 * launch screen is scrolled (`dumpsys gfxinfo` janky share, percentiles, frozen frames, worst
 * bucket) and the app's memory over a few seconds (`dumpsys meminfo` TOTAL PSS). Each figure keeps
 * the command and its raw output; budgets from the profile or Android vitals (budgets.ts).
 */
import type { MeasuredFigure, PerformanceProbeEvent } from '../../../evidence/probe-types.js';
import { skipped, type Probe, type ProbeContext, type ProbeSummary } from '../../../probes/probe.js';
import { androidBudgets } from './budgets.js';
import { androidToolsOf, measured, type AndroidTools } from './android-tools.js';
import { frameFigures, launchFigures, memorySamples, type FrameFigures, type LaunchFigures, type MemorySample } from './figures.js';

export const COLD_LAUNCHES = 3;
const MEMORY_SAMPLES = 4;
const MEMORY_INTERVAL_MS = 1000;

export const androidPerformanceProbe: Probe = {
  id: 'performance',
  title: '启动、帧率与内存（Android）',
  async run(ctx: ProbeContext): Promise<ProbeSummary> {
    const tools = androidToolsOf(ctx);
    if (!tools?.shellAllowed || !tools.activity) return skipped('未能执行 adb shell（或安装包未声明可启动的 Activity），无法测量冷启动与帧率。');
    const figures: MeasuredFigure[] = [];
    const launches = await coldLaunches(ctx, tools, figures);
    const frames = await scrollFrames(ctx, tools, figures);
    const memory = await memoryOverTime(ctx, tools, figures);
    const event: PerformanceProbeEvent = {
      type: 'performance-probe', url: `android-app://${tools.packageName}/${tools.activity}`,
      ...(launches.medianMs !== undefined ? { firstContentMs: launches.medianMs } : {}),
      budgets: androidBudgets(ctx.budgets), frames: frames.pacing, figures, at: new Date(ctx.now()).toISOString(),
    };
    ctx.store.append(event);
    return { status: 'done', text: describe(launches, frames, memory), attachments: [{ name: '内存采样（TOTAL PSS, KB）', content: JSON.stringify(memory, null, 2), type: 'application/json' }] };
  },
};

async function coldLaunches(ctx: ProbeContext, tools: AndroidTools, figures: MeasuredFigure[]): Promise<LaunchFigures> {
  const command = `am start -W -n ${tools.packageName}/${tools.activity!}`;
  const outputs: string[] = [];
  let blob;
  for (let i = 0; i < COLD_LAUNCHES; i++) {
    await tools.shell(`am force-stop ${tools.packageName}`);
    const run = await measured(ctx, tools, command);
    outputs.push(run.output);
    blob = run.blob;
  }
  await tools.session.settle();
  const launch = launchFigures(outputs);
  if (launch.medianMs !== undefined) figures.push({ budget: 'firstContentMs', what: `冷启动耗时（TotalTime，${launch.totalTimesMs.length} 次冷启动的中位数：${launch.totalTimesMs.join('、')} ms）`, value: launch.medianMs, unit: 'ms', command: `adb shell am force-stop ${tools.packageName}; adb shell ${command}`, ...(blob ? { output: blob } : {}) });
  return launch;
}

async function scrollFrames(ctx: ProbeContext, tools: AndroidTools, figures: MeasuredFigure[]): Promise<FrameFigures> {
  await tools.shell(`dumpsys gfxinfo ${tools.packageName} reset`);
  let scrolled = true;
  await ctx.device.scroll?.().catch(() => { scrolled = false; });
  await ctx.sleep(500);
  const run = await measured(ctx, tools, `dumpsys gfxinfo ${tools.packageName}`);
  const frames = frameFigures(run.output, scrolled);
  const base = { command: run.command, output: run.blob };
  if (frames.slowPercent !== undefined) figures.push({ ...base, budget: 'slowFramePercent', what: '滚动时慢帧占比（Janky frames）', value: frames.slowPercent, unit: '%' });
  if (frames.frozenPercent !== undefined) figures.push({ ...base, budget: 'frozenFramePercent', what: '滚动时冻结帧（>700 ms）占比', value: frames.frozenPercent, unit: '%' });
  if (frames.pacing.measurable) figures.push({ ...base, budget: 'worstFrameMs', what: '滚动时最慢一帧（HISTOGRAM 最大桶）', value: frames.pacing.worstMs, unit: 'ms' });
  return frames;
}

async function memoryOverTime(ctx: ProbeContext, tools: AndroidTools, figures: MeasuredFigure[]): Promise<MemorySample[]> {
  const start = ctx.now();
  const outputs: { atMs: number; output: string }[] = [];
  let last;
  for (let i = 0; i < MEMORY_SAMPLES; i++) {
    if (i > 0) await ctx.sleep(MEMORY_INTERVAL_MS);
    last = await measured(ctx, tools, `dumpsys meminfo ${tools.packageName}`);
    outputs.push({ atMs: ctx.now() - start, output: last.output });
  }
  const { samples } = memorySamples(outputs);
  const peak = Math.max(0, ...samples.map((s) => s.pssKb));
  if (samples.length > 0 && last) figures.push({ budget: 'appMemoryBytes', what: `应用内存峰值（TOTAL PSS，${samples.length} 次采样）`, value: peak * 1024, unit: 'bytes', command: last.command, output: last.blob });
  return samples;
}

function describe(launch: LaunchFigures, frames: FrameFigures, memory: MemorySample[]): string {
  const start = launch.medianMs !== undefined ? `冷启动 TotalTime ${launch.totalTimesMs.join('、')} ms，中位数 ${launch.medianMs} ms` : `冷启动未能测得（${launch.failures.join('；')}）`;
  const f = frames.pacing.measurable
    ? `滚动 ${frames.pacing.frames} 帧，慢帧 ${frames.slowPercent ?? '?'}%，冻结帧 ${frames.frozenPercent ?? '?'}%，最慢一帧 ${frames.pacing.worstMs} ms`
    : `帧率未能测得（${frames.pacing.reason}）`;
  const m = memory.length ? `内存 PSS ${memory.map((s) => `${Math.round(s.pssKb / 1024)} MB`).join(' → ')}` : '内存未能测得';
  return `${start}；${f}；${m}。`;
}
