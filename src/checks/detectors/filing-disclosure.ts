/**
 * filing-disclosure — 第五条: 在显著位置以醒目方式标示主办（使用）单位及备案编号.
 * Both must be visible on a screen within `filingMaxTaps` taps of launch (default 2; the
 * regulator's 2019 method counts more than four taps as hidden). The new filing-number format
 * is not public: a 备案编号/备案号 label with an identifier (at least one digit, so a status such as
 * 正在办理中 is not taken for a number) counts, and so does an MIIT
 * app-filing number (京ICP备12345678号-1A). Patterns: lexicon terms of filing-disclosure.
 * Known false positives: none seen; prose about filing (备案工作) has no identifier.
 */
import type { ScreenEvent, UiNode } from '../../evidence/types.js';
import { screenFinding, screenName } from '../evidence-view.js';
import { lexiconTerm } from '../lexicon/compile.js';
import type { Finding } from '../result.js';
import { normalizeText } from '../text-match.js';
import type { Detector } from './types.js';

interface Sighting { screen: ScreenEvent; node: UiNode; text: string }

export const detectFilingDisclosure: Detector = (bundle, settings) => {
  const label = lexiconTerm(settings.lexicon, 'filing-disclosure', 'label');
  const hostUnit = firstSighting(bundle.screens, lexiconTerm(settings.lexicon, 'filing-disclosure', 'hostUnit'), label);
  const filing = firstSighting(bundle.screens, lexiconTerm(settings.lexicon, 'filing-disclosure', 'filingNumber'), label);
  const limit = settings.filingMaxTaps;
  const observations: Finding[] = [];
  const missing: string[] = [];
  for (const [name, sighting] of [['主办单位', hostUnit], ['备案编号', filing]] as const) {
    if (!sighting) {
      missing.push(`未找到${name}标示`);
      continue;
    }
    const prominent = sighting.screen.depth <= limit;
    const finding = screenFinding(sighting.screen, {
      summary: `在${screenName(sighting.screen)}（启动后 ${sighting.screen.depth} 次点击可达）看到${name}：「${sighting.text}」${prominent ? '' : `，超过 ${limit} 次点击，不属于显著位置`}。`,
      text: sighting.text,
      node: sighting.node,
      confidence: 0.9,
    });
    if (prominent) observations.push(finding);
    else missing.push(`${name}位于 ${sighting.screen.depth} 次点击之后（要求不超过 ${limit} 次）`);
  }
  return {
    findings: [],
    observations,
    missing,
    details: { maxTaps: limit, hostUnitDepth: hostUnit?.screen.depth ?? null, filingNumberDepth: filing?.screen.depth ?? null },
    requiredDepth: limit,
  };
};

function firstSighting(screens: ScreenEvent[], pattern: RegExp, label: RegExp): Sighting | undefined {
  const ordered = [...screens].sort((a, b) => a.depth - b.depth);
  for (const screen of ordered) {
    for (const node of screen.nodes) {
      const text = labelledText(screen, node, pattern, label);
      if (text !== undefined) return { screen, node, text };
    }
  }
  return undefined;
}

/**
 * The match in a node's own text or, for a bare label (主办单位：), in the label with its value in
 * a child (<p>主办单位：<span>…</span></p>) or in the next element (<span>备案编号：</span><span>…</span>).
 */
function labelledText(screen: ScreenEvent, node: UiNode, pattern: RegExp, label: RegExp): string | undefined {
  const own = normalizeText(node.text);
  const direct = pattern.exec(own);
  if (direct) return direct[0];
  if (!label.test(own)) return undefined;
  const candidates = [node.fullText];
  const siblings = node.parent === null ? [] : screen.nodes.filter((n) => n.parent === node.parent);
  const next = siblings[siblings.indexOf(node) + 1];
  if (next) candidates.push(`${own} ${next.fullText}`);
  for (const text of candidates) {
    const match = pattern.exec(untilNextLabel(normalizeText(text), label));
    if (match) return match[0];
  }
  return undefined;
}

/** The text up to a second label, so one empty label never takes the next label as its value. */
function untilNextLabel(text: string, label: RegExp): string {
  const first = label.exec(text);
  if (!first) return text;
  const after = first.index + first[0].length;
  const second = label.exec(text.slice(after));
  return second ? text.slice(0, after + second.index) : text;
}
