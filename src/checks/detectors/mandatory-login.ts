/**
 * mandatory-login — 第十四条第（三）项: 强制要求定期登录.
 * Demands to log in daily or on a schedule, backed by a threat (通报, 考核) or a reward (每日登录 +N 积分).
 * Known false positives: "登录超时，请重新登录" is a session message, not a demand; not matched.
 */
import { lexiconFindings } from './text-rules.js';
import type { Detector } from './types.js';
import { loginCadenceFindings } from './login-cadence-findings.js';

export const detectMandatoryLogin: Detector = (bundle, settings) => ({
  findings: [...lexiconFindings(bundle, settings, 'mandatory-login', '强制要求定期登录'), ...loginCadenceFindings(bundle)],
});
