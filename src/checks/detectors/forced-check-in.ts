/**
 * forced-check-in — 第十四条第（二）项, 第十条: 打卡签到.
 * Looks for check-in controls (签到/打卡 buttons), streak and calendar labels (已连续签到N天),
 * and raises severity when the control is the only thing a user can tap (a gate at launch).
 * Known false positives: a meeting-registration button (会议签到) in an events app; exempt with --exempt.
 */
import { indexNodes, isOnlyActionableNode } from '../evidence-view.js';
import { lexiconFindings } from './text-rules.js';
import type { Detector } from './types.js';

export const detectForcedCheckIn: Detector = (bundle, settings) => {
  const findings = lexiconFindings(bundle, settings, 'forced-check-in', '设置打卡签到功能');
  for (const finding of findings) {
    const screen = bundle.screens.find((s) => s.id === finding.screen);
    const node = screen && finding.nodeId !== undefined ? indexNodes(screen).get(finding.nodeId) : undefined;
    if (screen && node?.clickable && isOnlyActionableNode(screen, node)) {
      finding.severity = 'forced';
      finding.confidence = 0.97;
      finding.summary = finding.summary.replace(/。$/, '；该按钮是界面上唯一可点击的控件，不签到无法使用其他功能（强制）。');
    }
  }
  return { findings };
};
