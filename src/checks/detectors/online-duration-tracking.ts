/**
 * online-duration-tracking — 第十四条第（二）项, 第十条: 统计在线时长.
 * Counters of online/study time on screen, and requests that carry a duration field.
 * Known false positives: a video player's own duration label (视频时长) is not matched.
 */
import { applyTextRules, type TextRule } from '../rules.js';
import { requestFindings } from './network-payload.js';
import type { Detector } from './types.js';

const RULES: readonly TextRule[] = [
  { kind: 'label', what: '在线/学习时长统计', pattern: /(在线|学习|阅读|观看|累计学习)时长|今日已学习\s*\d+\s*(分钟|小时)|已学习\s*\d+\s*(分钟|小时)|在线\s*\d+\s*(分钟|小时)/, confidence: 0.85 },
];

const DURATION_KEYS = /^(studyTime|study_time|onlineTime|online_time|onlineDuration|duration|stayTime|learnTime|learn_time|readTime)$/i;

export const detectOnlineDurationTracking: Detector = (bundle) => ({
  findings: [
    ...applyTextRules(bundle, RULES, '统计在线时长'),
    ...requestFindings(bundle, DURATION_KEYS, '上报在线/学习时长的请求', 0.8),
  ],
});
