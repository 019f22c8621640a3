/**
 * mandatory-login — 第十四条第（三）项: 强制要求定期登录.
 * Demands to log in daily or on a schedule, backed by a threat (通报, 考核) or a reward (每日登录 +N 积分).
 * Known false positives: "登录超时，请重新登录" is a session message, not a demand; not matched.
 */
import { applyTextRules, type TextRule } from '../rules.js';
import type { Detector } from './types.js';

const RULES: readonly TextRule[] = [
  { kind: 'sentence', what: '定期登录要求', patterns: [/(连续\s*\d*\s*[天日周]|每日|每天|定期|按时|每周).{0,8}(未)?登录|未登录/, /通报|考核|扣分|纳入|必须|务必|要求|处理|约谈/], confidence: 0.85, severity: 'forced' },
  { kind: 'label', what: '登录奖励', pattern: /(每日|连续)登录\s*[+＋]\s*\d+|登录率/, confidence: 0.75 },
];

export const detectMandatoryLogin: Detector = (bundle) => ({ findings: applyTextRules(bundle, RULES, '强制要求定期登录') });
