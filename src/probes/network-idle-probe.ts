/**
 * Network while idle: the app is brought back to the screens where it made API requests (and the
 * launch screen) and left alone; every request it makes is recorded (HAR-style). Requests a user
 * did not trigger — heartbeats, coordinates every few seconds — show up here with their period.
 * Meanwhile the app's memory (H5: the JS heap) is sampled about once a second where the platform has
 * a performance meter (heap-sampler.ts).
 */
import type { HeapSamplesEvent, IdleWindowEvent } from '../evidence/probe-types.js';
import type { EvidenceBundle, NetworkEvent, ScreenEvent } from '../evidence/types.js';
import { harLines } from './har-lines.js';
import { DEFAULT_MEMORY_LABEL, describeHeap, heapAttachments, recordHeapSamples, startHeapSampler } from './heap-sampler.js';
import { PROBE_TOOL_TITLES } from './probe-tools.js';
import { periodicChartPng } from './request-chart.js';
import type { Probe, ProbeSummary } from './probe.js';
import { replaySteps } from './replay.js';

/** Idle time per screen: three beats of a 5 s heartbeat fit; the total stays bounded by the probe budget. */
export const IDLE_MS = 16_000;
const API_TYPES = new Set(['XHR', 'Fetch', 'Ping', 'Other', 'EventSource', 'WebSocket']);

export const networkIdleProbe: Probe<'networkTap', 'permissionControl' | 'performanceMeter'> = {
  id: 'network-idle',
  title: '空闲时的网络请求',
  needs: ['networkTap'],
  uses: ['permissionControl', 'performanceMeter'],
  async run(ctx): Promise<ProbeSummary> {
    const { networkTap: tap, performanceMeter: meter } = ctx.tools;
    await ctx.tools.permissionControl?.answerWith('denied');
    const started = ctx.now();
    const windows: IdleWindowEvent[] = [];
    const all: NetworkEvent[] = [];
    const heap: HeapSamplesEvent[] = [];
    for (const screen of idleScreens(ctx.explored)) {
      // The first window always runs (as long as the budget allows); more only while half a window fits.
      const remaining = ctx.budgetMs - (ctx.now() - started);
      if (windows.length > 0 && remaining < IDLE_MS / 2) break;
      const idleMs = Math.min(IDLE_MS, remaining);
      await tap.drain('network-idle');
      tap.flush('network-idle');
      if (!(await replaySteps(ctx.device, screen.steps, ctx.testData ? { data: ctx.testData } : {}))) continue;
      const fromTs = ctx.now();
      const seen = await tap.drain('network-idle');
      const sampler = await startHeapSampler(async () => (meter ? (await meter.memory()).usedBytes : undefined), () => ctx.now());
      while (ctx.now() - fromTs < idleMs) {
        await ctx.sleep(1000);
        await sampler.sample();
        seen.push(...(await tap.drain('network-idle')));
      }
      seen.push(...tap.flush('network-idle'));
      const requests = seen.map((r) => ({ ...r, screenId: screen.id }));
      for (const r of requests) ctx.store.append(r);
      const window: IdleWindowEvent = {
        type: 'idle-window', screenId: screen.id, url: screen.url, fromTs, toTs: ctx.now(), requests: requests.length,
        har: ctx.store.putBlob('network', harLines(requests), 'jsonl'),
      };
      ctx.store.append(window);
      windows.push(window);
      const heapEvent = await recordHeapSamples(ctx.store, screen, sampler, ctx.budgets, meter?.memoryLabel);
      if (heapEvent) heap.push(heapEvent);
      all.push(...requests);
    }
    const chart = await periodicChartPng(all);
    if (chart) ctx.store.putBlob('graph', chart, 'png');
    const charts = chart ? [{ name: '周期性请求时间线', content: chart, type: 'image/png' }] : [];
    const noMemory = meter ? `空闲期间未能读取${meter.memoryLabel ?? DEFAULT_MEMORY_LABEL}。` : `空闲期间未测内存：该平台不提供${PROBE_TOOL_TITLES.performanceMeter}。`;
    return { status: 'done', text: describe(windows, ctx.explored) + describeHeap(heap, noMemory), attachments: [...charts, ...(await heapAttachments(heap))] };
  },
};

/** Words of a screen that keeps something running (a timer, a recording): where beats are most likely. */
// Specific on purpose: a tab bar's 学习 or a check-in gate's 签到 is on many screens and says nothing about timers.
const LIVE_HINT = /计时|记录中|实时|心跳|定位中|在线时长|学习时长|已学习/;

/**
 * Where to stay idle, most promising first: screens where one endpoint was already seen repeatedly,
 * screens whose text says something keeps running, the launch screen, then screens with any API
 * request. Exploration rarely stays long enough on a screen to see a 5 s beat, hence the hints.
 */
export function idleScreens(bundle: EvidenceBundle): ScreenEvent[] {
  const perScreen = new Map<string, Map<string, number>>();
  for (const r of bundle.network) {
    if (!r.screenId || (r.resourceType && !API_TYPES.has(r.resourceType))) continue;
    const endpoints = perScreen.get(r.screenId) ?? new Map<string, number>();
    const endpoint = `${r.method} ${r.url.split('?')[0]}`;
    endpoints.set(endpoint, (endpoints.get(endpoint) ?? 0) + 1);
    perScreen.set(r.screenId, endpoints);
  }
  const launch = [...bundle.screens].sort((a, b) => a.depth - b.depth)[0];
  const priority = (s: ScreenEvent): number => {
    const endpoints = perScreen.get(s.id);
    if (endpoints && [...endpoints.values()].some((n) => n >= 2)) return 0;
    if (LIVE_HINT.test(s.visibleText) || LIVE_HINT.test(s.title)) return 1;
    if (s === launch) return 2;
    return endpoints ? 3 : 4;
  };
  return bundle.screens.filter((s) => priority(s) < 4).sort((a, b) => priority(a) - priority(b) || a.depth - b.depth);
}

function describe(windows: IdleWindowEvent[], bundle: EvidenceBundle): string {
  if (windows.length === 0) return '未做空闲观察（没有能回放到的界面）。';
  const title = (id?: string) => bundle.screens.find((s) => s.id === id)?.title ?? id ?? '';
  return windows.map((w) => `在「${title(w.screenId)}」空闲 ${((w.toTs - w.fromTs) / 1000).toFixed(1)} 秒，观察到 ${w.requests} 个请求`).join('；') + '。';
}
