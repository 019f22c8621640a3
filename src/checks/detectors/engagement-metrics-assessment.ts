/**
 * engagement-metrics-assessment — 第十四条第（四）项: 点赞量、投票数、转发量、学习时长作为考评依据.
 * A share button alone is not a violation; the link to assessment (计入考核, 评比, 评优依据) or to
 * points (转发 +2分) is. "不计入考核" is a negation and never matches.
 */
import { lexiconFindings } from './text-rules.js';
import type { Detector } from './types.js';

export const detectEngagementMetricsAssessment: Detector = (bundle, settings) => ({
  findings: lexiconFindings(bundle, settings, 'engagement-metrics-assessment', '将点赞、投票、转发等作为考评依据'),
});
