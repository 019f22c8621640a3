/**
 * Login cadence: when the app has a login and the run is signed in, read how long the session
 * claims to live (cookie expiry, JWT `exp`, timestamps in storage), then move the page's clock past
 * 25 h and 73 h (cookies that would have expired by then are deleted, as time would) and relaunch:
 * does the login screen come back? The answer is the measured re-login period.
 */
import type { LoginCadenceEvent } from '../evidence/probe-types.js';
import type { SessionClues } from '../evidence/probe-types.js';
import { isLoginScreen } from '../explore/login-screen.js';
import { signInAgain } from './sign-in.js';
import type { Probe, ProbeContext, ProbeSummary } from './probe.js';

const HOUR = 3_600_000;
/** Just past one day and three days: the cadences people are told to keep (每日登录, 连续3天未登录通报). */
export const CLOCK_STEPS_HOURS = [25, 73] as const;

export const loginCadenceProbe: Probe<'clockControl'> = {
  id: 'login-cadence',
  title: '登录有效期与定期登录',
  needs: ['clockControl'],
  async run(ctx): Promise<ProbeSummary> {
    const clock = ctx.tools.clockControl;
    if (!ctx.explored.screens.some((s) => s.nodes.some((n) => n.inputType === 'password'))) {
      return record(ctx, { type: 'login-cadence', hasLogin: false, signedIn: false, checkedHours: [] }, '探索中未见登录界面，无需测量登录周期。');
    }
    await clock.setOffset(0);
    await ctx.device.launch();
    let signedInBy: LoginCadenceEvent['signedInBy'] = 'session';
    if (isLoginScreen(await ctx.device.snapshot())) {
      signedInBy = 'replayed-login';
      // The session did not survive the relaunch (or was never kept): sign in the way the explorer did, then relaunch once.
      if (!(await signInAgain(ctx))) {
        return record(ctx, { type: 'login-cadence', hasLogin: true, signedIn: false, checkedHours: [] }, '启动后即显示登录界面，且未能按探索时的路径重新登录（没有测试账号或路径回放失败），无法测量登录周期。');
      }
      await ctx.device.launch();
      if (isLoginScreen(await ctx.device.snapshot())) {
        return record(ctx, { type: 'login-cadence', hasLogin: true, signedIn: true, signedInBy: 'replayed-login', checkedHours: [0], loginAgainAfterHours: 0 },
          '按探索时的路径登录成功，但不拨动时钟、直接重新启动后登录界面再次出现：会话不跨启动保存，每次启动都需登录。');
      }
    }
    const session = await clock.sessionClues();
    const event: LoginCadenceEvent = { type: 'login-cadence', hasLogin: true, signedIn: true, signedInBy, session, checkedHours: [] };
    try {
      for (const hours of CLOCK_STEPS_HOURS) {
        event.checkedHours.push(hours);
        await clock.expireAfter(session, hours);
        await clock.setOffset(hours * HOUR);
        await ctx.device.launch();
        if (isLoginScreen(await ctx.device.snapshot())) {
          event.loginAgainAfterHours = hours;
          break;
        }
      }
    } finally {
      await clock.setOffset(0);
    }
    const found = event.loginAgainAfterHours === undefined ? `时钟拨快 ${CLOCK_STEPS_HOURS.join('、')} 小时后仍保持登录` : `时钟拨快 ${event.loginAgainAfterHours} 小时后重新启动，登录界面再次出现`;
    return record(ctx, event, `${found}；会话线索：${describeClues(session)}。`);
  },
};

function record(ctx: Pick<ProbeContext, 'store'>, event: LoginCadenceEvent, text: string): ProbeSummary {
  ctx.store.append(event);
  return { status: 'done', text };
}

function describeClues(s: SessionClues): string {
  const parts = [
    ...s.cookies.filter((c) => c.expiresInHours !== undefined).map((c) => `Cookie ${c.name} ${c.expiresInHours!.toFixed(1)} 小时后过期`),
    ...s.tokens.map((t) => `令牌 ${t.key} ${t.expiresInHours.toFixed(1)} 小时后过期`),
    ...s.timestamps.map((t) => `存储项 ${t.key} 记录于 ${t.ageHours.toFixed(1)} 小时前`),
  ];
  return parts.join('，') || '无';
}
