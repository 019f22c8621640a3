/**
 * A small rule engine for UI-text evidence. A rule says what a feature looks like as a control,
 * a short interface label, a sentence (with words that make it a demand), or a combination of
 * labels on one screen. Bare words in prose never match a control or label rule, and a sentence
 * rule ignores matches preceded by a negation ("本平台不设签到").
 */
import type { EvidenceBundle, ScreenEvent, UiNode } from '../evidence/types.js';
import { enclosingControl, indexNodes, screenFinding, screenName } from './evidence-view.js';
import type { Finding } from './result.js';
import { affirmativeMatch, excerpt, isInterfaceText, normalizeText, sentences } from './text-match.js';

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
export function applyTextRules(bundle: EvidenceBundle, rules: readonly TextRule[], checkTitle: string): Finding[] {
  const findings: Finding[] = [];
  const seenText = new Set<string>();
  const screens = [...bundle.screens].sort((a, b) => a.depth - b.depth);
  for (const screen of screens) {
    const seenNodes = new Set<number>();
    for (const rule of rules) {
      for (const hit of matchRule(screen, rule)) {
        const key = normalizeText(hit.text);
        if (seenText.has(key) || seenNodes.has(hit.node.id)) continue;
        seenText.add(key);
        seenNodes.add(hit.node.id);
        findings.push(screenFinding(screen, {
          summary: `在${screenName(screen)}发现${rule.what}：「${hit.text}」，涉嫌${checkTitle}。`,
          text: hit.text,
          node: hit.node,
          confidence: rule.confidence,
          severity: rule.severity ?? 'present',
        }));
      }
    }
  }
  return findings;
}

interface RuleHit { node: UiNode; text: string }

function matchRule(screen: ScreenEvent, rule: TextRule): RuleHit[] {
  switch (rule.kind) {
    case 'control': return matchControl(screen, rule);
    case 'label': return matchLabel(screen, rule);
    case 'sentence': return matchSentence(screen, rule);
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
    const text = normalizeText(control.fullText || node.text);
    if (text.length > (rule.maxLength ?? 16)) continue;
    if (rule.pattern.test(text) && !(rule.unless?.test(text) ?? false)) hits.push({ node: control, text });
  }
  return uniqueByNode(hits);
}

function matchLabel(screen: ScreenEvent, rule: LabelRule): RuleHit[] {
  return screen.nodes
    .filter((n) => isInterfaceText(n))
    .map((n) => ({ node: n, text: normalizeText(n.text) }))
    .filter((h) => affirmativeMatch(h.text, rule.pattern) >= 0 && !(rule.unless?.test(h.text) ?? false));
}

function matchSentence(screen: ScreenEvent, rule: SentenceRule): RuleHit[] {
  const hits: RuleHit[] = [];
  const [first, ...rest] = rule.patterns;
  if (!first) return hits;
  for (const node of screen.nodes) {
    if (!node.text) continue;
    for (const sentence of sentences(node.text)) {
      const index = affirmativeMatch(sentence, first);
      if (index < 0 || !rest.every((p) => p.test(sentence))) continue;
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
  return [{ node: nodes[0]!, text: nodes.map((n) => normalizeText(n.text)).join(' / ') }];
}

function uniqueByNode(hits: RuleHit[]): RuleHit[] {
  const seen = new Set<number>();
  return hits.filter((h) => (seen.has(h.node.id) ? false : (seen.add(h.node.id), true)));
}
