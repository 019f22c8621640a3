/**
 * A small rule engine for UI-text evidence. A rule says what a feature looks like as a control,
 * a short interface label, a sentence (with words that make it a demand), or a combination of
 * labels on one screen. Bare words in prose never match a control or label rule, and a sentence
 * rule needs every pattern matched outside a negation ("本平台不设签到", "不计入考核").
 * OCR lines (see ocr-view.ts) are nodes like any other: a hit on one cites `source: 'ocr'`.
 */
import type { Bounds, EvidenceBundle, ScreenEvent, UiNode } from '../evidence/types.js';
import { enclosingControl, indexNodes, screenFinding, screenName } from './evidence-view.js';
import { OCR_ROLE, unionBounds } from './ocr-view.js';
import type { Finding } from './result.js';
import { affirmativeMatch, DEFAULT_NEGATIONS, excerpt, isInterfaceText, normalizeText, sentences } from './text-match.js';

interface RuleBase {
  /** Chinese description of what was found, used in the summary: 签到按钮. */
  what: string;
  confidence: number;
  /** Text that, when present in the same node, means this is something else (缴费 is not 购买). */
  unless?: RegExp;
  severity?: Finding['severity'];
}

/** A tappable element whose text matches. */
export interface ControlRule extends RuleBase { kind: 'control'; pattern: RegExp; maxLength?: number }
/** A short interface label (not prose) that matches, outside a negation. */
export interface LabelRule extends RuleBase { kind: 'label'; pattern: RegExp }
/** One sentence anywhere (prose included) that matches every pattern, the first outside a negation. */
export interface SentenceRule extends RuleBase { kind: 'sentence'; patterns: RegExp[] }
/** Interface labels on one screen matching each pattern (e.g. 排名 and 积分 as table headers). */
export interface ComboRule extends RuleBase { kind: 'combo'; patterns: RegExp[] }

export type TextRule = ControlRule | LabelRule | SentenceRule | ComboRule;

/**
 * Applies rules to every screen. One finding per distinct matched text (at the shallowest screen)
 * and per node; rules are listed strongest first, so the strongest reading of a node wins.
 */
export function applyTextRules(bundle: EvidenceBundle, rules: readonly TextRule[], checkTitle: string, negations: readonly string[] = DEFAULT_NEGATIONS): Finding[] {
  const findings: Finding[] = [];
  const seenText = new Set<string>();
  const screens = [...bundle.screens].sort((a, b) => a.depth - b.depth);
  for (const screen of screens) {
    const seenNodes = new Set<number>();
    for (const rule of rules) {
      for (const hit of matchRule(screen, rule, negations)) {
        const key = normalizeText(hit.text);
        if (seenText.has(key) || seenNodes.has(hit.node.id)) continue;
        seenText.add(key);
        seenNodes.add(hit.node.id);
        const ocr = hit.node.role === OCR_ROLE;
        const finding = screenFinding(screen, {
          summary: `在${screenName(screen)}${ocr ? '的图片文字中' : ''}发现${rule.what}：「${quoted(hit.text)}」，涉嫌${checkTitle}。`,
          text: hit.text,
          node: hit.node,
          confidence: ocr ? Math.min(rule.confidence, 0.8) : rule.confidence,
          severity: rule.severity ?? 'present',
          source: ocr ? 'ocr' : 'ui-tree',
        });
        if (hit.bounds) finding.bounds = hit.bounds;
        findings.push(finding);
      }
    }
  }
  return findings;
}

/** The matched text inside a summary: without its own closing punctuation, so the summary stays one sentence. */
function quoted(text: string): string {
  return text.replace(/[。！？；!?;，,\s]+$/u, '');
}

/** A match: the node it cites, the matched text, and the box to draw when it spans several nodes. */
interface RuleHit { node: UiNode; text: string; bounds?: Bounds }

function matchRule(screen: ScreenEvent, rule: TextRule, negations: readonly string[]): RuleHit[] {
  switch (rule.kind) {
    case 'control': return matchControl(screen, rule);
    case 'label': return matchLabel(screen, rule, negations);
    case 'sentence': return matchSentence(screen, rule, negations);
    case 'combo': return matchCombo(screen, rule);
  }
}

function matchControl(screen: ScreenEvent, rule: ControlRule): RuleHit[] {
  const hits: RuleHit[] = [];
  const byId = indexNodes(screen);
  for (const node of screen.nodes) {
    if (!node.text) continue;
    const control = enclosingControl(node, byId);
    if (!control) continue;
    // Words read from an image inside a control: the image has no DOM text, cite the words.
    const ocr = node.role === OCR_ROLE;
    const text = normalizeText(ocr ? node.text : control.fullText || node.text);
    if (text.length > (rule.maxLength ?? 16)) continue;
    if (rule.pattern.test(text) && !(rule.unless?.test(text) ?? false)) hits.push({ node: ocr ? node : control, text });
  }
  return uniqueByNode(hits);
}

function matchLabel(screen: ScreenEvent, rule: LabelRule, negations: readonly string[]): RuleHit[] {
  return screen.nodes
    .filter((n) => isInterfaceText(n))
    .map((n) => ({ node: n, text: normalizeText(n.text) }))
    .filter((h) => affirmativeMatch(h.text, rule.pattern, negations) >= 0 && !(rule.unless?.test(h.text) ?? false));
}

function matchSentence(screen: ScreenEvent, rule: SentenceRule, negations: readonly string[]): RuleHit[] {
  const hits: RuleHit[] = [];
  const [first, ...rest] = rule.patterns;
  if (!first) return hits;
  for (const node of screen.nodes) {
    if (!node.text) continue;
    for (const sentence of sentences(node.text)) {
      const index = affirmativeMatch(sentence, first, negations);
      if (index < 0 || !rest.every((p) => affirmativeMatch(sentence, p, negations) >= 0)) continue;
      if (rule.unless?.test(sentence)) continue;
      hits.push({ node, text: excerpt(sentence, index, 40) });
    }
  }
  return hits;
}

function matchCombo(screen: ScreenEvent, rule: ComboRule): RuleHit[] {
  const labels = screen.nodes.filter((n) => isInterfaceText(n) && !(rule.unless?.test(n.text) ?? false));
  const matched = rule.patterns.map((p) => labels.find((n) => p.test(normalizeText(n.text))));
  if (matched.some((n) => !n)) return [];
  const nodes = matched as UiNode[];
  // One box around every matched label (the whole table header), not just the first.
  return [{ node: nodes[0]!, text: nodes.map((n) => normalizeText(n.text)).join(' / '), bounds: unionBounds(nodes.map((n) => n.bounds)) }];
}

function uniqueByNode(hits: RuleHit[]): RuleHit[] {
  const seen = new Set<number>();
  return hits.filter((h) => (seen.has(h.node.id) ? false : (seen.add(h.node.id), true)));
}
