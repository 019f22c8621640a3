/**
 * complaint-channel — 第十八条 (and 第十条 "缺失必要功能"): 投诉建议功能，实现在线受理、跟踪反馈和回访评价.
 * All three parts must be found: a way to submit (a form with an input and a submit control in a
 * complaint context), an acceptance/tracking view with a status, and an evaluation of the handling.
 */
import type { ScreenEvent } from '../../evidence/types.js';
import { screenFinding, screenName } from '../evidence-view.js';
import type { Finding } from '../result.js';
import { normalizeText } from '../text-match.js';
import type { Detector } from './types.js';

const COMPLAINT_CONTEXT = /投诉|建议|反馈|留言|诉求|意见|12345/;
const SUBMIT = /^(提交|发送|提交反馈|提交投诉|提交建议|确认提交)$/;
const STATUS = /已受理|受理中|待受理|办理中|处理中|已办结|已回复|已处理|待处理|受理编号|投诉编号/;
const EVALUATION_CONTROL = /非常满意|满意|不满意|提交评价|评分|回访/;
const EVALUATION_CONTEXT = /满意度|评价|回访/;

type Part = 'submit' | 'tracking' | 'evaluation';
const PART_NAMES: Record<Part, string> = { submit: '在线提交（受理）', tracking: '受理状态与跟踪反馈', evaluation: '回访/满意度评价' };

export const detectComplaintChannel: Detector = (bundle) => {
  const found = new Map<Part, Finding>();
  for (const screen of bundle.screens) {
    for (const part of ['submit', 'tracking', 'evaluation'] as const) {
      if (found.has(part)) continue;
      const evidence = PART_TESTS[part](screen);
      if (evidence) {
        found.set(part, screenFinding(screen, {
          summary: `在${screenName(screen)}找到投诉建议的「${PART_NAMES[part]}」部分：「${evidence}」。`,
          text: evidence,
          confidence: 0.85,
        }));
      }
    }
  }
  const missing = (['submit', 'tracking', 'evaluation'] as const).filter((p) => !found.has(p)).map((p) => `缺少${PART_NAMES[p]}`);
  return {
    findings: [],
    observations: [...found.values()],
    missing,
    details: { partsFound: [...found.keys()], partsMissing: (['submit', 'tracking', 'evaluation'] as const).filter((p) => !found.has(p)) },
  };
};

const PART_TESTS: Record<Part, (screen: ScreenEvent) => string | undefined> = {
  submit: (screen) => {
    const text = normalizeText(screen.visibleText);
    if (!COMPLAINT_CONTEXT.test(text) || !screen.nodes.some((n) => n.editable)) return undefined;
    const submit = screen.nodes.find((n) => n.clickable && SUBMIT.test(normalizeText(n.fullText)));
    return submit ? `${screen.title}：${normalizeText(submit.fullText)}` : undefined;
  },
  tracking: (screen) => {
    const text = normalizeText(screen.visibleText);
    if (!COMPLAINT_CONTEXT.test(text)) return undefined;
    return STATUS.exec(text)?.[0];
  },
  evaluation: (screen) => {
    const text = normalizeText(screen.visibleText);
    if (!EVALUATION_CONTEXT.test(text)) return undefined;
    const control = screen.nodes.find((n) => (n.clickable || n.inputType === 'radio') && EVALUATION_CONTROL.test(normalizeText(n.fullText || n.label || '')));
    return control ? normalizeText(control.fullText || control.label || '') : undefined;
  },
};
