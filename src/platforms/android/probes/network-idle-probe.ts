/**
 * Android network while idle: the app is brought back to the screens where it made requests (and
 * its launch screen) and left alone; every request it sends through the run's capture proxy is
 * recorded, as on H5. Without the proxy (a device whose traffic is not routed through it) the probe
 * is skipped, so the checks that need it stay inconclusive.
 */
import type { IdleWindowEvent } from '../../../evidence/probe-types.js';
import type { NetworkEvent } from '../../../evidence/types.js';
import { harLines } from '../../../probes/har.js';
import { idleScreens, IDLE_MS } from '../../../probes/network-idle-probe.js';
import { skipped, type Probe, type ProbeContext, type ProbeSummary } from '../../../probes/probe.js';
import { periodicChartPng } from '../../../probes/request-chart.js';
import { replaySteps } from '../../../probes/replay.js';
import { androidToolsOf } from './android-tools.js';

export const androidNetworkIdleProbe: Probe = {
  id: 'network-idle',
  title: '空闲时的网络请求（Android，经实验室代理）',
  async run(ctx: ProbeContext): Promise<ProbeSummary> {
    const tools = androidToolsOf(ctx);
    if (!tools?.session.can.networkObserved) return skipped('设备流量未经实验室代理，空闲时的网络请求未被观察。');
    const started = ctx.now();
    const windows: IdleWindowEvent[] = [];
    const all: NetworkEvent[] = [];
    for (const screen of idleScreens(ctx.explored)) {
      const remaining = ctx.budgetMs - (ctx.now() - started);
      if (windows.length > 0 && remaining < IDLE_MS / 2) break;
      await ctx.device.drainNetwork();
      if (!(await replaySteps(ctx.device, screen.steps, ctx.testData ? { data: ctx.testData } : {}))) continue;
      const fromTs = ctx.now();
      const idleMs = Math.min(IDLE_MS, Math.max(remaining, 1000));
      await ctx.device.drainNetwork();
      const seen = [];
      while (ctx.now() - fromTs < idleMs) {
        await ctx.sleep(1000);
        seen.push(...(await ctx.device.drainNetwork()));
      }
      const requests: NetworkEvent[] = seen.map((r) => ({ type: 'network', ...r, probe: 'network-idle', screenId: screen.id }));
      for (const r of requests) ctx.store.append(r);
      const window: IdleWindowEvent = { type: 'idle-window', screenId: screen.id, url: screen.url, fromTs, toTs: ctx.now(), requests: requests.length, har: ctx.store.putBlob('network', harLines(requests), 'jsonl') };
      ctx.store.append(window);
      windows.push(window);
      all.push(...requests);
    }
    const chart = await periodicChartPng(all);
    if (chart) ctx.store.putBlob('graph', chart, 'png');
    const title = (id?: string) => ctx.explored.screens.find((s) => s.id === id)?.title ?? id ?? '';
    const text = windows.length === 0 ? '未做空闲观察（没有能回放到的界面）。'
      : windows.map((w) => `在「${title(w.screenId)}」空闲 ${((w.toTs - w.fromTs) / 1000).toFixed(1)} 秒，经代理观察到 ${w.requests} 个请求`).join('；') + '。';
    return { status: 'done', text, ...(chart ? { attachments: [{ name: '周期性请求时间线', content: chart, type: 'image/png' }] } : {}) };
  },
};
