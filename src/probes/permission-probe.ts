/**
 * Permissions: which capabilities (geolocation, camera, microphone, notifications, clipboard) the
 * app asks for and when, and whether it stays usable when they are denied. The launch runs once
 * with every request granted and once denied; then, within the budget, explored screens are
 * replayed (granted) to see requests that follow a tap.
 */
import type { PermissionProbeEvent } from '../evidence/probe-types.js';
import type { ScreenEvent } from '../evidence/types.js';
import type { PermissionMode, Probe, ProbeContext, ProbeSummary } from './probe.js';
import { replaySteps } from './replay.js';

type PermissionContext = ProbeContext<'permissionControl', 'networkTap'>;

/** Time for a launch-time request (often after a short timer) to happen. */
const AFTER_LAUNCH_MS = 800;

export const permissionProbe: Probe<'permissionControl', 'networkTap'> = {
  id: 'permissions',
  title: '权限申请时机与拒绝后可用性',
  needs: ['permissionControl'],
  uses: ['networkTap'],
  async run(ctx): Promise<ProbeSummary> {
    const granted = await launchIn(ctx, 'granted');
    // Denying matters only when the launch asked for something: otherwise one launch less.
    const denied = granted.requests.length > 0 ? await launchIn(ctx, 'denied') : undefined;
    // The budget bounds the replays; the two launches always run.
    const started = ctx.now();
    const afterTaps: PermissionProbeEvent[] = [];
    let replayed = 0;
    for (const screen of screensToReplay(ctx.explored.screens)) {
      if (ctx.now() - started > ctx.budgetMs) break;
      const event = await replayIn(ctx, screen);
      replayed++;
      if (event && event.requests.length > 0) afterTaps.push(event);
    }
    for (const event of [granted, ...(denied ? [denied] : []), ...afterTaps]) ctx.store.append(event);
    const limits = ctx.tools.permissionControl.limits ?? [];
    return { status: 'done', text: describe(granted, denied, afterTaps, replayed) + limits.map((l) => `${l}。`).join('') };
  },
};

async function launchIn(ctx: PermissionContext, mode: PermissionMode): Promise<PermissionProbeEvent> {
  await ctx.tools.permissionControl.answerWith(mode);
  await ctx.device.launch();
  await ctx.sleep(AFTER_LAUNCH_MS);
  await ctx.device.settle();
  return observe(ctx, mode, []);
}

async function replayIn(ctx: PermissionContext, screen: ScreenEvent): Promise<PermissionProbeEvent | undefined> {
  const control = ctx.tools.permissionControl;
  await control.answerWith('granted');
  const markUserAction = () => control.markUserAction();
  if (!(await replaySteps(ctx.device, screen.steps, { beforeTap: markUserAction, ...(ctx.testData ? { data: ctx.testData } : {}) }))) return undefined;
  await ctx.sleep(300);
  return observe(ctx, 'granted', screen.steps.filter((s) => s.action !== 'launch').map((s) => s.label));
}

async function observe(ctx: PermissionContext, mode: PermissionMode, stepLabels: string[]): Promise<PermissionProbeEvent> {
  const [requests, snapshot, png] = [await ctx.tools.permissionControl.requests(), await ctx.device.snapshot(), await ctx.device.screenshot()];
  // The replays' traffic is not the next probe's.
  await ctx.tools.networkTap?.drain('permissions');
  return {
    type: 'permission-probe',
    mode,
    stepLabels,
    requests,
    actionable: snapshot.nodes.filter((n) => n.clickable && !n.obscured).length,
    visibleText: snapshot.visibleText.slice(0, 400),
    screenshot: ctx.store.putBlob('screenshot', png, 'png'),
  };
}

/** Screens reached by taps, shallowest first (the launch screen is covered by the launches). */
function screensToReplay(screens: ScreenEvent[]): ScreenEvent[] {
  return [...screens].filter((s) => s.steps.some((st) => st.action === 'tap')).sort((a, b) => a.depth - b.depth);
}

function describe(granted: PermissionProbeEvent, denied: PermissionProbeEvent | undefined, afterTaps: PermissionProbeEvent[], replayed: number): string {
  const list = (e: PermissionProbeEvent) => [...new Set(e.requests.map((r) => r.capability))].join('、') || '无';
  // A replay starts with a launch: what the launch asked again is not what the taps asked.
  const tapped = afterTaps.filter((e) => e.requests.some((r) => r.afterUserAction))
    .map((e) => `${e.stepLabels.join(' → ')}：${list({ ...e, requests: e.requests.filter((r) => r.afterUserAction) })}`).join('；');
  const denial = denied ? `全部允许时可操作控件 ${granted.actionable} 个，全部拒绝时 ${denied.actionable} 个。` : '';
  return `启动时申请的权限：${list(granted)}。${denial}` +
    `回放 ${replayed} 个界面，点击后申请权限的：${tapped || '无'}。`;
}
