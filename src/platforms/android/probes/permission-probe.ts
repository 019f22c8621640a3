/**
 * Android permissions: declared and implied (package reader), asked when (at launch or after which
 * tap: the permission controller's dialogs the session answered), granted at runtime (`dumpsys
 * package`), usable when denied (a launch from cleared data with every prompt denied), and the
 * clipboard read at launch (`appops get` READ_CLIPBOARD, Android 10+ records it).
 */
import { parsePackagePermissions } from '../../../device/android/package-permissions.js';
import type { Capability, PermissionProbeEvent, PermissionRequestRecord } from '../../../evidence/probe-types.js';
import type { ScreenEvent } from '../../../evidence/types.js';
import { skipped, type Probe, type ProbeContext, type ProbeSummary } from '../../../probes/probe.js';
import { replaySteps } from '../../../probes/replay.js';
import type { PermissionPrompt } from '../android-session.js';
import { androidToolsOf, measured, type AndroidTools } from './android-tools.js';
import { clipboardReadSince } from './figures.js';

const AFTER_LAUNCH_MS = 800;

/** A runtime permission (or its prompt's words) → the capability the checks know. */
const CAPABILITY_OF: [RegExp, Capability][] = [
  [/LOCATION|位置|定位|location/i, 'geolocation'],
  [/CAMERA|拍摄|拍照|相机|摄像|camera|take pictures|record video/i, 'camera'],
  [/RECORD_AUDIO|录音|麦克风|录制音频|record audio/i, 'microphone'],
  [/POST_NOTIFICATIONS|通知|notifications/i, 'notifications'],
];

/** The capability a prompt or permission name is about, if the checks know it. */
export function capabilityOf(text: string): Capability | undefined {
  return CAPABILITY_OF.find(([re]) => re.test(text))?.[1];
}

/** Prompts as the permission records the checks read (a prompt about an unknown capability is left out). */
export function promptRecords(prompts: readonly PermissionPrompt[], launchedAt: number, screenKey: string): PermissionRequestRecord[] {
  return prompts.flatMap((p) => {
    const capability = capabilityOf(p.message);
    return capability ? [{ capability, api: `系统权限对话框「${p.message}」`, atMs: Math.max(0, p.atMs - launchedAt), afterUserAction: p.after !== 'launch', url: screenKey }] : [];
  });
}

export const androidPermissionProbe: Probe = {
  id: 'permissions',
  title: '权限申请时机与拒绝后可用性（Android）',
  async run(ctx: ProbeContext): Promise<ProbeSummary> {
    const tools = androidToolsOf(ctx);
    if (!tools) return skipped('不是 Android 运行。');
    const notes: string[] = [];
    const granted = await launchIn(ctx, tools, 'granted', notes);
    const denied = granted.requests.length > 0 ? await launchIn(ctx, tools, 'denied', notes) : undefined;
    const afterTaps: PermissionProbeEvent[] = [];
    const started = ctx.now();
    for (const screen of screensToReplay(ctx.explored.screens)) {
      if (ctx.now() - started > ctx.budgetMs) break;
      const event = await replayIn(ctx, tools, screen);
      if (event && event.requests.length > 0) afterTaps.push(event);
    }
    tools.session.policy = { ...tools.session.policy, permission: 'allow' };
    for (const event of [granted, ...(denied ? [denied] : []), ...afterTaps]) ctx.store.append(event);
    return { status: 'done', text: describe(ctx, granted, denied, afterTaps, notes) };
  },
};

async function launchIn(ctx: ProbeContext, tools: AndroidTools, mode: 'granted' | 'denied', notes: string[]): Promise<PermissionProbeEvent> {
  tools.session.policy = { ...tools.session.policy, permission: mode === 'granted' ? 'allow' : 'deny' };
  // pm clear also revokes runtime grants: every prompt comes again, as on a fresh install.
  await ctx.device.clearAppData?.();
  const from = tools.session.prompts.length;
  const launchedAt = ctx.now();
  await ctx.device.launch();
  await ctx.sleep(AFTER_LAUNCH_MS);
  const event = await observe(ctx, tools, mode, [], from, launchedAt);
  if (mode === 'granted') {
    await clipboardAtLaunch(ctx, tools, event, launchedAt, notes);
    await runtimeGrants(ctx, tools, notes);
  }
  return event;
}

async function replayIn(ctx: ProbeContext, tools: AndroidTools, screen: ScreenEvent): Promise<PermissionProbeEvent | undefined> {
  tools.session.policy = { ...tools.session.policy, permission: 'allow' };
  const from = tools.session.prompts.length;
  const launchedAt = ctx.now();
  if (!(await replaySteps(ctx.device, screen.steps, ctx.testData ? { data: ctx.testData } : {}))) return undefined;
  await ctx.sleep(300);
  return observe(ctx, tools, 'granted', screen.steps.filter((s) => s.action !== 'launch').map((s) => s.label), from, launchedAt);
}

async function observe(ctx: ProbeContext, tools: AndroidTools, mode: 'granted' | 'denied', stepLabels: string[], from: number, launchedAt: number): Promise<PermissionProbeEvent> {
  const snapshot = await ctx.device.snapshot();
  const png = await ctx.device.screenshot();
  const screenKey = snapshot.screenKey;
  return {
    type: 'permission-probe', mode, stepLabels,
    requests: promptRecords(tools.session.prompts.slice(from), launchedAt, screenKey),
    actionable: snapshot.nodes.filter((n) => n.clickable && !n.obscured).length,
    visibleText: snapshot.visibleText.slice(0, 400),
    screenshot: ctx.store.putBlob('screenshot', png, 'png'),
  };
}

/** READ_CLIPBOARD performed since the launch (appops keeps the last access time). */
async function clipboardAtLaunch(ctx: ProbeContext, tools: AndroidTools, event: PermissionProbeEvent, launchedAt: number, notes: string[]): Promise<void> {
  if (!tools.shellAllowed) { notes.push('剪贴板读取未能检查（不能执行 adb shell）'); return; }
  const run = await measured(ctx, tools, `appops get ${tools.packageName} READ_CLIPBOARD`);
  const sinceLaunch = ctx.now() - launchedAt;
  const read = clipboardReadSince(run.output, sinceLaunch + 1000);
  if (read.reason) notes.push(`剪贴板读取未能判断（${run.command}：${read.reason}）`);
  else notes.push(read.read ? `启动后 ${Math.round((sinceLaunch - (read.agoMs ?? 0)) / 100) / 10} 秒内读取了剪贴板（${run.command}）` : `启动时未读取剪贴板（${run.command}）`);
  // Reading before any tap: the launch's own read, like navigator.clipboard.readText on H5.
  if (read.read) event.requests.push({ capability: 'clipboard', api: 'appops READ_CLIPBOARD', atMs: Math.max(0, sinceLaunch - (read.agoMs ?? 0)), afterUserAction: false, url: event.requests[0]?.url ?? tools.packageName });
}

async function runtimeGrants(ctx: ProbeContext, tools: AndroidTools, notes: string[]): Promise<void> {
  if (!tools.shellAllowed) return;
  const run = await measured(ctx, tools, `dumpsys package ${tools.packageName}`);
  const parsed = parsePackagePermissions(run.output);
  if (!parsed.ok) { notes.push(`运行时授权未能读取（${parsed.reason}）`); return; }
  const runtime = parsed.value.grants.filter((g) => g.kind === 'runtime' && g.granted).map((g) => g.name.replace('android.permission.', ''));
  notes.push(`全部允许后已授予的运行时权限：${runtime.join('、') || '无'}（${run.command}）`);
}

function screensToReplay(screens: readonly ScreenEvent[]): ScreenEvent[] {
  return [...screens].filter((s) => s.steps.some((st) => st.action === 'tap')).sort((a, b) => a.depth - b.depth);
}

function describe(ctx: ProbeContext, granted: PermissionProbeEvent, denied: PermissionProbeEvent | undefined, afterTaps: PermissionProbeEvent[], notes: string[]): string {
  const facts = ctx.explored.package?.facts.permissions ?? [];
  const declared = facts.filter((p) => !p.implied).map((p) => p.name.replace('android.permission.', ''));
  const implied = facts.filter((p) => p.implied).map((p) => p.name.replace('android.permission.', ''));
  const list = (e: PermissionProbeEvent) => [...new Set(e.requests.map((r) => r.capability))].join('、') || '无';
  const denial = denied ? `全部允许时可操作控件 ${granted.actionable} 个，全部拒绝时 ${denied.actionable} 个。` : '';
  const tapped = afterTaps.map((e) => `${e.stepLabels.join(' → ')}：${list(e)}`).join('；') || '无';
  return `声明的权限：${declared.join('、') || '无'}；隐含的权限：${implied.join('、') || '无'}。启动时申请：${list(granted)}。${denial}点击后申请：${tapped}。${notes.join('；')}。`;
}
