/**
 * points-ranking — 第十四条第（二）项, 第十条: 积分排名.
 * A ranking is a control or a table, not a word: rank and points headers on one screen,
 * a 积分排行榜 entry, or "you beat N% of people". Policy explainers (积分入学) are prose and
 * never match; "排名不分先后" is excluded.
 * Known false positives: a leaderboard of something other than people's points (rare in government apps).
 */
import { lexiconFindings } from './text-rules.js';
import type { Detector } from './types.js';

export const detectPointsRanking: Detector = (bundle, settings) => ({
  findings: lexiconFindings(bundle, settings, 'points-ranking', '设置积分排名功能'),
});
