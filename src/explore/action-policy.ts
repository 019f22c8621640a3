/**
 * Which actions the explorer takes, in what order. Destructive actions are tried last;
 * payments are never submitted. A lab can change both lists.
 */
import type { UiNode } from '../evidence/types.js';
import { normalizeText } from '../checks/text-match.js';

export interface ActionPolicy {
  /** Tried after everything else on the screen. */
  last: RegExp;
  /** Never tapped. */
  never: RegExp;
}

export const DEFAULT_ACTION_POLICY: ActionPolicy = {
  last: /退出登录|注销|删除|清空|解绑|退出/,
  never: /支付|付款|立即购买|确认购买|立即缴费|确认缴费|去支付|充值/,
};

export interface CandidateAction {
  locator: string;
  text: string;
  /** 点击「我的」 */
  label: string;
  order: number;
}

/** Tappable nodes of a screen as candidate actions, ordered; also the ones skipped by policy. */
export function candidateActions(nodes: UiNode[], policy: ActionPolicy): { actions: CandidateAction[]; skipped: { label: string; reason: string }[] } {
  const actions: CandidateAction[] = [];
  const skipped: { label: string; reason: string }[] = [];
  const seenLocators = new Set<string>();
  for (const node of nodes) {
    if (!node.clickable || node.obscured || !node.locator || seenLocators.has(node.locator)) continue;
    if (node.editable || node.inputType === 'file' || node.role === 'select') continue;
    seenLocators.add(node.locator);
    const text = normalizeText(node.fullText || node.label || node.text).slice(0, 30);
    const label = `点击「${text || node.role}」`;
    if (policy.never.test(text)) {
      skipped.push({ label, reason: '支付类操作，按策略不点击' });
      continue;
    }
    actions.push({ locator: node.locator, text, label, order: policy.last.test(text) ? 1 : 0 });
  }
  actions.sort((a, b) => a.order - b.order);
  return { actions, skipped };
}
