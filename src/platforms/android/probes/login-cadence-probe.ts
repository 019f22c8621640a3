/**
 * Android login cadence: signed in, the device clock is moved 25 h and 73 h ahead (`date` over adb
 * shell, read back with `date +%s` to be sure it moved) and the app relaunched: is the login screen
 * back? Most production devices refuse to set the clock from the shell (no root): then the probe is
 * skipped with the device's own answer, and mandatory-login stays inconclusive.
 */
import type { LoginCadenceEvent } from '../../../evidence/probe-types.js';
import { CLOCK_STEPS_HOURS } from '../../../probes/login-cadence-probe.js';
import { skipped, type Probe, type ProbeContext, type ProbeSummary } from '../../../probes/probe.js';
import { showsLogin, signInAgain } from '../../../probes/sign-in.js';
import { androidToolsOf, type AndroidTools } from './android-tools.js';

const HOUR_S = 3600;

/** toybox `date` SET format in UTC: MMDDhhmmYYYY.ss. */
export function dateSetArgument(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${d.getUTCFullYear()}.${p(d.getUTCSeconds())}`;
}

/** Sets the device clock and reads it back; the device's words when it refused. */
async function moveClock(tools: AndroidTools, epochSeconds: number): Promise<{ moved: true } | { moved: false; reason: string }> {
  const answer = await tools.shell(`date -u ${dateSetArgument(epochSeconds)}`).catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
  const now = Number((await tools.shell('date +%s').catch(() => '')).trim());
  if (Number.isFinite(now) && Math.abs(now - epochSeconds) < 120) return { moved: true };
  return { moved: false, reason: `设备拒绝修改系统时钟（adb shell date -u ${dateSetArgument(epochSeconds)} → ${answer.trim().split('\n')[0] || '无输出'}；读回 ${Number.isFinite(now) ? now : '?'}）` };
}

export const androidLoginCadenceProbe: Probe = {
  id: 'login-cadence',
  title: '登录有效期与定期登录（Android，移动设备时钟）',
  async run(ctx: ProbeContext): Promise<ProbeSummary> {
    const tools = androidToolsOf(ctx);
    if (!tools?.shellAllowed) return skipped('不能执行 adb shell，无法移动设备时钟，登录周期未测量。');
    if (!ctx.explored.screens.some((s) => s.nodes.some((n) => n.inputType === 'password'))) {
      ctx.store.append({ type: 'login-cadence', hasLogin: false, signedIn: false, checkedHours: [] });
      return { status: 'done', text: '探索中未见登录界面，无需测量登录周期。' };
    }
    const start = Number((await tools.shell('date +%s')).trim());
    if (!Number.isFinite(start)) return skipped('读不到设备时间（adb shell date +%s），登录周期未测量。');
    await ctx.device.launch();
    let signedInBy: LoginCadenceEvent['signedInBy'] = 'session';
    if (showsLogin(await ctx.device.snapshot())) {
      signedInBy = 'replayed-login';
      if (!(await signInAgain(ctx))) return skipped('启动后即显示登录界面，且未能按探索时的路径重新登录（没有测试账号或路径回放失败），登录周期未测量。');
    }
    const event: LoginCadenceEvent = { type: 'login-cadence', hasLogin: true, signedIn: true, signedInBy, checkedHours: [] };
    const began = ctx.now();
    try {
      for (const hours of CLOCK_STEPS_HOURS) {
        const moved = await moveClock(tools, start + hours * HOUR_S);
        if (!moved.moved) return skipped(`${moved.reason}；登录周期未测量（需可 root 的设备或模拟器）。`);
        event.checkedHours.push(hours);
        await ctx.device.launch();
        if (showsLogin(await ctx.device.snapshot())) {
          event.loginAgainAfterHours = hours;
          break;
        }
      }
    } finally {
      await moveClock(tools, start + Math.round((ctx.now() - began) / 1000));
    }
    ctx.store.append(event);
    const found = event.loginAgainAfterHours === undefined ? `设备时钟拨快 ${CLOCK_STEPS_HOURS.join('、')} 小时后仍保持登录` : `设备时钟拨快 ${event.loginAgainAfterHours} 小时后重新启动，登录界面再次出现`;
    return { status: 'done', text: `${found}（adb shell date -u …，以 date +%s 读回确认）。` };
  },
};
