/**
 * forced-check-in — 第十四条第（二）项, 第十条: 打卡签到.
 * Looks for check-in controls (签到/打卡 buttons), streak and calendar labels (已连续签到N天),
 * and raises severity when the control is the only thing a user can tap (a gate at launch).
 * Known false positives: a meeting-registration button (会议签到) in an events app; exempt with --exempt.
 */
import { applyTextRules, type TextRule } from '../rules.js';
import { indexNodes, isOnlyActionableNode } from '../evidence-view.js';
import type { Detector } from './types.js';

const RULES: readonly TextRule[] = [
  { kind: 'control', what: '签到/打卡按钮', pattern: /签到|打卡|签退/, unless: /不|无需/, confidence: 0.9 },
  { kind: 'label', what: '签到记录', pattern: /连续签到\s*\d+\s*天|今日(已|未)签到|尚未签到|签到日历|先签到|打卡范围|打卡位置|签到成功/, confidence: 0.8 },
];

export const detectForcedCheckIn: Detector = (bundle) => {
  const findings = applyTextRules(bundle, RULES, '设置打卡签到功能');
  for (const finding of findings) {
    const screen = bundle.screens.find((s) => s.id === finding.screen);
    const node = screen && finding.nodeId !== undefined ? indexNodes(screen).get(finding.nodeId) : undefined;
    if (screen && node?.clickable && isOnlyActionableNode(screen, node)) {
      finding.severity = 'forced';
      finding.confidence = 0.97;
      finding.summary += ` 该按钮是界面上唯一可点击的控件，不签到无法使用其他功能（强制）。`;
    }
  }
  return { findings };
};
