/**
 * mandatory-login — 第十四条第（三）项: 强制要求定期登录.
 * Demands to log in daily or on a schedule, backed by a threat (通报, 考核) or a reward (每日登录 +N 积分),
 * and the session lifetime the login-cadence probe measured. An app with a login whose session
 * could not be measured signed in cannot pass: the daily re-login would go unseen.
 * Known false positives: "登录超时，请重新登录" is a session message, not a demand; not matched.
 */
import { lexiconFindings } from './text-rules.js';
import type { Detector } from './types.js';
import { loginCadenceFindings } from './login-cadence-findings.js';

export const detectMandatoryLogin: Detector = (bundle, settings) => {
  const findings = [...lexiconFindings(bundle, settings, 'mandatory-login', '强制要求定期登录'), ...loginCadenceFindings(bundle)];
  const login = bundle.probes?.login;
  if (login?.hasLogin && !login.signedIn) {
    return { findings, inconclusiveReason: '应用有登录界面，但重新启动后未处于登录状态（未能登录或会话不跨启动保存），登录会话的有效期未能测量，不能判定为通过。' };
  }
  return { findings };
};
