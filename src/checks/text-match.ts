/** Text helpers shared by detectors: normalisation, sentence splitting, negation and prose detection. */
import type { UiNode } from '../evidence/types.js';

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g');

/** Collapses white space and removes spaces between CJK characters (OCR and DOM both insert them). */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(SPACE_BETWEEN_CJK, '').trim();
}

/** Splits Chinese/English text into sentences. */
export function sentences(text: string): string[] {
  return normalizeText(text)
    .split(/(?<=[。！？；!?;\n])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Fallback when no lexicon is given; the lexicon (src/checks/lexicon/default.json) holds the full list. */
export const DEFAULT_NEGATIONS: readonly string[] = ['不设', '不提供', '不开展', '不得', '禁止', '不会', '无需', '取消', '不要求', '不统计', '不强制', '不作为', '不纳入', '不计入', '严禁', '杜绝', '不再', '不将'];

/**
 * True when the match at `index` is preceded in its sentence by a negation or a promise not to do
 * it. The window runs through the match itself, so a negation that ends inside it (不「计入」) counts.
 */
export function isNegated(sentence: string, index: number, length = 0, negations: readonly string[] = DEFAULT_NEGATIONS): boolean {
  const window = sentence.slice(Math.max(0, index - 16), index + length).toLowerCase();
  return negations.some((n) => window.includes(n));
}

/** A sentence that matches `pattern` outside a negation; returns the match index or -1. */
export function affirmativeMatch(sentence: string, pattern: RegExp, negations: readonly string[] = DEFAULT_NEGATIONS): number {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  for (const m of sentence.matchAll(global)) {
    if (!isNegated(sentence, m.index, m[0].length, negations)) return m.index;
  }
  return -1;
}

const PROSE_ROLES = new Set(['p', 'article', 'blockquote', 'section']);

/** A paragraph this short, with no sentence punctuation, is an interface label set in a <p> (a counter, a caption). */
const SHORT_PARAGRAPH = 20;
const SENTENCE_END = /[。！？；.!?;]/;

/**
 * Running prose (an article body, a notice): words there describe, they are not controls. UI kits
 * set counters and captions in <p> too (「今日已学习 35 分钟」 in an antd-mobile list): a short
 * paragraph without sentence punctuation is interface text, not prose.
 */
export function isProse(node: UiNode): boolean {
  if (node.text.length > 40) return true;
  return PROSE_ROLES.has(node.role) && (node.text.length > SHORT_PARAGRAPH || SENTENCE_END.test(node.text));
}

/** A short piece of interface text: a button, a label, a table header, a counter. */
export function isInterfaceText(node: UiNode): boolean {
  return node.text.length > 0 && !isProse(node);
}

/** Cuts a window of text around a match for the finding's `text`. */
export function excerpt(text: string, index: number, radius = 24): string {
  const start = Math.max(0, index - radius);
  const end = Math.min(text.length, index + radius);
  return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
}
