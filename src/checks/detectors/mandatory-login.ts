/**
 * mandatory-login — 第十四条第（三）项: 强制要求定期登录.
 * Demands to log in daily or on a schedule, backed by a threat (通报, 考核) or a reward (每日登录 +N 积分),
 * and the session lifetime the login-cadence probe measured. An app with a login whose session
 * could not be measured signed in cannot pass: the daily re-login would go unseen; a session not kept across
 * a relaunch is measured and left to the reviewer (inconclusive, with the figure).
 * Known false positives: "登录超时，请重新登录" is a session message, not a demand; not matched.
 */
import { lexiconFindings } from './text-rules.js';
import type { Detector } from './types.js';
import { loginCadenceFindings } from './login-cadence-findings.js';

export const detectMandatoryLogin: Detector = (bundle, settings) => {
  const findings = [...lexiconFindings(bundle, settings, 'mandatory-login', '强制要求定期登录'), ...loginCadenceFindings(bundle)];
  const login = bundle.probes?.login;
  if (login?.hasLogin && !login.signedIn) {
    return { findings, inconclusiveReason: '应用有登录界面，但未能在登录状态下重新启动（没有测试账号或登录路径回放失败），登录会话的有效期未能测量，不能判定为通过。' };
  }
  if (login?.signedIn && login.loginAgainAfterHours === 0) {
    // Measured, but whether a session that is never kept is "periodic login" is a reviewer's call, not a word match.
    return { findings, inconclusiveReason: '登录成功后直接重新启动应用，登录界面再次出现：会话不跨启动保存，用户每次使用都需登录。这是否构成"强制要求定期登录"需审核人员判定。' };
  }
  return { findings };
};
