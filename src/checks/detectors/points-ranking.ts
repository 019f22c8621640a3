/**
 * points-ranking — 第十四条第（二）项, 第十条: 积分排名.
 * A ranking is a control or a table, not a word: rank and points headers on one screen,
 * a 积分排行榜 entry, or "you beat N% of people". Policy explainers (积分入学) are prose and
 * never match; "排名不分先后" is excluded.
 */
import { applyTextRules, type TextRule } from '../rules.js';
import type { Detector } from './types.js';

const NOT_A_RANKING = /不分先后|排名不分|无先后/;
const RULES: readonly TextRule[] = [
  { kind: 'combo', what: '积分排名表', patterns: [/^(排名|排行|名次)$/, /^(积分|学分|得分|分数|总积分)$/], confidence: 0.95 },
  { kind: 'control', what: '积分排行入口', pattern: /积分(排行|排名|榜)|排行榜|学分排名|支部排名/, unless: NOT_A_RANKING, confidence: 0.9 },
  { kind: 'label', what: '积分排名信息', pattern: /积分(排行|排名)榜?|超过(了)?(当前)?\s*\d+(\.\d+)?\s*%\s*的(人|用户|学员)|(周|月|年)排行/, unless: NOT_A_RANKING, confidence: 0.85 },
];

export const detectPointsRanking: Detector = (bundle) => ({ findings: applyTextRules(bundle, RULES, '设置积分排名功能') });
