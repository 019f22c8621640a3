/**
 * engagement-metrics-assessment — 第十四条第（四）项: 点赞量、投票数、转发量、学习时长作为考评依据.
 * A share button alone is not a violation; the link to assessment (计入考核, 评比, 排名) or to points is.
 */
import { applyTextRules, type TextRule } from '../rules.js';
import type { Detector } from './types.js';

const ENGAGEMENT = /点赞|转发|投票|评论|分享|学习时长|阅读量|浏览量/;
const RULES: readonly TextRule[] = [
  { kind: 'sentence', what: '以互动量作为考评依据的规定', patterns: [ENGAGEMENT, /考核|考评|评比|计入|通报|排名|纳入|打分/], confidence: 0.9, severity: 'forced' },
  { kind: 'label', what: '互动行为计分', pattern: /(转发|点赞|投票|评论|分享).{0,8}[+＋]\s*\d+\s*分/, confidence: 0.8 },
];

export const detectEngagementMetricsAssessment: Detector = (bundle) => ({
  findings: applyTextRules(bundle, RULES, '将点赞、投票、转发等作为考评依据'),
});
