/**
 * complaint-channel — 第十八条 (and 第十条 "缺失必要功能"): 投诉建议功能，实现在线受理、跟踪反馈和回访评价.
 * All three parts must be found: a way to submit (a form with an input and a submit control whose
 * own title, headings or field labels say complaint/suggestion), an acceptance/tracking view with a
 * status, and an evaluation of the handling. Patterns: lexicon terms of complaint-channel.
 * Known false positives: none seen; a 12345 hotline number alone is not an online channel, and a
 * login form with "如有意见请拨打12345" in its footer is not a complaint form.
 */
import type { ScreenEvent } from '../../evidence/types.js';
import { screenFinding, screenName } from '../evidence-view.js';
import { lexiconTerm } from '../lexicon/compile.js';
import type { Lexicon } from '../lexicon/types.js';
import type { Finding } from '../result.js';
import { normalizeText } from '../text-match.js';
import type { Detector } from './types.js';

type Part = 'submit' | 'tracking' | 'evaluation';
const PARTS = ['submit', 'tracking', 'evaluation'] as const;
const PART_NAMES: Record<Part, string> = { submit: '在线提交（受理）', tracking: '受理状态与跟踪反馈', evaluation: '回访/满意度评价' };
const FORM_CONTEXT_ROLES = new Set(['h1', 'h2', 'h3', 'label', 'legend']);

export const detectComplaintChannel: Detector = (bundle, settings) => {
  const found = new Map<Part, Finding>();
  for (const screen of bundle.screens) {
    for (const part of PARTS) {
      if (found.has(part)) continue;
      const evidence = PART_TESTS[part](screen, settings.lexicon);
      if (evidence) {
        found.set(part, screenFinding(screen, {
          summary: `在${screenName(screen)}找到投诉建议的「${PART_NAMES[part]}」部分：「${evidence}」。`,
          text: evidence,
          confidence: 0.85,
        }));
      }
    }
  }
  const missing = PARTS.filter((p) => !found.has(p)).map((p) => `缺少${PART_NAMES[p]}`);
  return {
    findings: [],
    observations: [...found.values()],
    missing,
    details: { partsFound: [...found.keys()], partsMissing: PARTS.filter((p) => !found.has(p)) },
  };
};

const term = (lexicon: Lexicon, name: string): RegExp => lexiconTerm(lexicon, 'complaint-channel', name);

/** What names a form: the screen title, headings, field labels and the submit control itself. */
function formContext(screen: ScreenEvent): string {
  const parts = [screen.title, ...screen.nodes.filter((n) => FORM_CONTEXT_ROLES.has(n.role) || n.editable).map((n) => `${n.text} ${n.label ?? ''}`)];
  return normalizeText(parts.join(' '));
}

const PART_TESTS: Record<Part, (screen: ScreenEvent, lexicon: Lexicon) => string | undefined> = {
  submit: (screen, lexicon) => {
    if (!term(lexicon, 'context').test(formContext(screen)) || !screen.nodes.some((n) => n.editable)) return undefined;
    const submit = screen.nodes.find((n) => n.clickable && term(lexicon, 'submit').test(normalizeText(n.fullText)));
    return submit ? `${screen.title}：${normalizeText(submit.fullText)}` : undefined;
  },
  tracking: (screen, lexicon) => {
    const text = normalizeText(screen.visibleText);
    if (!term(lexicon, 'context').test(text)) return undefined;
    return term(lexicon, 'status').exec(text)?.[0];
  },
  evaluation: (screen, lexicon) => {
    const text = normalizeText(screen.visibleText);
    if (!term(lexicon, 'evaluationContext').test(text)) return undefined;
    const control = screen.nodes.find((n) => (n.clickable || n.inputType === 'radio') && term(lexicon, 'evaluationControl').test(normalizeText(n.fullText || n.label || '')));
    return control ? normalizeText(control.fullText || control.label || '') : undefined;
  },
};
