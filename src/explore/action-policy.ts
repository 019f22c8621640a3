/**
 * Which actions the explorer takes, in what order. Destructive actions are tried last;
 * payments are never submitted. A lab can change both lists. A control that submits a form is
 * preceded by filling the form with test data, so the form is accepted and its result screen reached.
 */
import type { CandidateSource, Step, UiNode } from '../evidence/types.js';
import { normalizeText } from '../checks/text-match.js';
import { candidateNodes, isGuess, sourceRank, withCandidatesTappable } from './candidates.js';
import { fillSteps, isLoginControl, isSubmitControl } from './forms.js';
import { isLoginScreen } from './login-screen.js';

export interface ActionPolicy {
  /** Tried after everything else on the screen; JS confirm dialogs with such text are dismissed. */
  last: RegExp;
  /** Never tapped. */
  never: RegExp;
}

export const DEFAULT_ACTION_POLICY: ActionPolicy = {
  last: /退出登录|注销|删除|清空|解绑|退出/,
  never: /支付|付款|立即购买|确认购买|立即缴费|确认缴费|去支付|充值/,
};

/** A list has at least this many same-kind siblings; only its first few members are tried when they all lead to one screen. */
export const LIST_MIN_MEMBERS = 3;

export interface CandidateAction {
  kind: 'tap' | 'scroll';
  locator: string;
  text: string;
  /** 点击「我的」 */
  label: string;
  order: number;
  /** What performing it takes: form filling first, then the tap (or the scroll). */
  steps: Step[];
  /** Same-kind siblings (list cells) share a group: once two of them lead to one other screen, the rest are skipped. */
  group?: string;
  /** A guessed list member with content of its own (a row, not a bare text leaf): once two rows of its list changed nothing, the rest are skipped. */
  inertSampling?: boolean;
  /** The login control of a login screen. */
  login?: boolean;
  /** How the candidate was found (a scroll: 'scroll'). */
  source: CandidateSource;
}

/**
 * Candidate nodes of a screen (src/explore/candidates.ts) as candidate actions, ordered: own
 * handlers, then delegated, then probes; destructive ones last. Also the ones skipped by policy.
 */
export function candidateActions(nodes: UiNode[], policy: ActionPolicy, listenersObserved?: boolean): { actions: CandidateAction[]; skipped: { label: string; reason: string }[] } {
  const actions: CandidateAction[] = [];
  const skipped: { label: string; reason: string }[] = [];
  const seenLocators = new Set<string>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const candidates = candidateNodes(nodes, listenersObserved);
  const groups = listGroups(nodes, candidates.map((c) => c.node));
  const fill = fillSteps(nodes);
  const tappable = withCandidatesTappable(nodes, candidates);
  const loginScreen = isLoginScreen({ nodes, listenersObserved }, candidates);
  const parents = new Set(nodes.map((n) => n.parent));
  for (const { node, source } of candidates) {
    if (!node.locator || seenLocators.has(node.locator)) continue;
    if (node.editable || node.inputType === 'file' || node.role === 'select') continue;
    seenLocators.add(node.locator);
    const text = normalizeText(node.fullText || node.label || node.text).slice(0, 30);
    const label = `点击「${text || node.role}」`;
    if (policy.never.test(text)) {
      skipped.push({ label, reason: '支付类操作，按策略不点击' });
      continue;
    }
    const tap: Step = { action: 'tap', label, locator: node.locator, text };
    const submits = fill.length > 0 && isSubmitControl(node, byId);
    const group = groups.get(node.id);
    actions.push({
      kind: 'tap', locator: node.locator, text, label, source, order: (policy.last.test(text) ? 2 : 0) + sourceRank(source) / 10,
      steps: submits ? [...fill, tap] : [tap],
      ...(group ? { group } : {}),
      ...(group && isGuess(source) && parents.has(node.id) ? { inertSampling: true } : {}),
      ...(loginScreen && isLoginControl(tappable.find((n) => n.id === node.id) ?? node, tappable) ? { login: true } : {}),
    });
  }
  actions.sort((a, b) => a.order - b.order);
  return { actions, skipped };
}

/** The scroll action: after every tap of the screen, before destructive ones. */
export function scrollAction(): CandidateAction {
  const label = '向下滑动屏幕';
  return { kind: 'scroll', locator: '', text: '', label, order: 1, source: 'scroll', steps: [{ action: 'scroll', label }] };
}

/**
 * node id → list key, for candidate nodes (default: the clickable ones) that have at least
 * LIST_MIN_MEMBERS same-role candidate siblings.
 */
export function listGroups(nodes: UiNode[], candidates: UiNode[] = nodes.filter((n) => n.clickable && !n.obscured)): Map<number, string> {
  const byParent = new Map<string, UiNode[]>();
  for (const node of candidates) {
    const key = `${node.parent ?? 'root'}|${node.role}`;
    byParent.set(key, [...(byParent.get(key) ?? []), node]);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const groups = new Map<number, string>();
  for (const [key, members] of byParent) {
    if (members.length < LIST_MIN_MEMBERS) continue;
    const parent = members[0]!.parent;
    // The parent's locator keeps the key stable when more rows are appended (ids shift, locators do not).
    const name = `${(parent !== null ? byId.get(parent)?.locator : undefined) ?? key}|${members[0]!.role}`;
    for (const m of members) groups.set(m.id, name);
  }
  return groups;
}
