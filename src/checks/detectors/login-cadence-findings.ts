/**
 * mandatory-login evidence from the login-cadence probe: the page clock moved 25 h forward and the
 * login screen came back, i.e. people must log in every day. A longer session (back only at 73 h,
 * or never) is not reported: expiring sessions after some days is ordinary security practice.
 */
import type { EvidenceBundle } from '../../evidence/types.js';
import type { Finding } from '../result.js';

/** Daily re-login measured by moving the clock. */
export function loginCadenceFindings(bundle: EvidenceBundle): Finding[] {
  const login = bundle.probes?.login;
  // 0 h (the session is not kept across a relaunch) is left to the reviewer: see mandatory-login.ts.
  if (!login?.signedIn || login.loginAgainAfterHours === undefined || login.loginAgainAfterHours === 0 || login.loginAgainAfterHours > 25) return [];
  const lifetimes = [
    ...(login.session?.tokens ?? []).map((t) => `令牌 ${t.key} 有效期约 ${t.expiresInHours} 小时`),
    ...(login.session?.cookies ?? []).filter((c) => c.expiresInHours !== undefined).map((c) => `Cookie ${c.name} 有效期约 ${c.expiresInHours} 小时`),
  ];
  return [{
    summary: `将应用时钟拨快 ${login.loginAgainAfterHours} 小时后重新启动，应用要求重新登录：登录状态不超过一天，用户需每日登录${lifetimes.length ? `（${lifetimes.join('，')}）` : ''}。`,
    source: 'probe',
    text: lifetimes.join('\n'),
    evidence: [],
    confidence: 0.7,
    severity: 'present',
  }];
}
