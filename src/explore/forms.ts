/**
 * Forms: which controls submit a form, the steps that fill it with test data first, and what
 * makes a screen a login screen (a password input and a login control).
 */
import { normalizeText } from '../checks/text-match.js';
import type { Step, UiNode } from '../evidence/types.js';
import { describeKey, testDataKeyFor } from './test-data.js';

const SUBMIT_TEXT = /登录|登 录|提交|保存|确定|确认|查询|搜索|下一步|注册|发送|申请|办理|log ?in|sign ?in|submit/i;
const LOGIN_TEXT = /^(登录|登 录|立即登录|账号登录|密码登录|log ?in|sign ?in)$/i;

function fillable(node: UiNode): boolean {
  return !node.obscured && node.locator !== undefined && node.bounds.width > 0 &&
    ((node.editable && node.inputType !== 'file' && node.inputType !== 'hidden') || node.role === 'select');
}

/** Consent boxes a form will not submit without (我已阅读并同意《用户协议》). */
const CONSENT = /同意|已阅读|已知悉|协议|条款/;

function uncheckedConsent(node: UiNode): boolean {
  const kind = node.inputType ?? node.role;
  return /checkbox|CheckBox|Checkbox/.test(kind) && node.checked === false && !node.obscured && node.locator !== undefined && CONSENT.test(`${node.label ?? ''} ${node.fullText}`);
}

/** The steps that fill every visible input and select of the screen with test data, and tick consent boxes. */
export function fillSteps(nodes: UiNode[]): Step[] {
  const steps: Step[] = [];
  for (const node of nodes) {
    if (uncheckedConsent(node)) {
      steps.push({ action: 'tap', label: `勾选「${normalizeText(node.label || node.fullText).slice(0, 20)}」`, locator: node.locator!, text: normalizeText(node.label || node.fullText).slice(0, 30) });
      continue;
    }
    if (!fillable(node)) continue;
    const name = normalizeText(node.label || node.text || node.role).slice(0, 20);
    if (node.role === 'select') {
      steps.push({ action: 'select', label: `在「${name}」中选择第 1 项`, locator: node.locator!, option: 1 });
      continue;
    }
    const key = testDataKeyFor(node);
    steps.push({ action: 'type', label: `在「${name}」中输入${describeKey(key)}`, locator: node.locator!, input: key });
  }
  return steps;
}

/** True when tapping `node` plausibly submits the screen's form (a submit-like text, or inside a form). */
export function isSubmitControl(node: UiNode, byId: Map<number, UiNode>): boolean {
  const text = normalizeText(node.fullText || node.label || node.text);
  if (text.length <= 12 && SUBMIT_TEXT.test(text)) return true;
  for (let p = node.parent; p !== null; p = byId.get(p)?.parent ?? null) {
    if (byId.get(p)?.role === 'form') return node.role === 'button' || node.inputType === 'submit';
  }
  return false;
}

/** A login screen: a visible password input and a login control. */
export function isLoginScreen(nodes: UiNode[]): boolean {
  const password = nodes.some((n) => n.editable && n.inputType === 'password' && !n.obscured);
  return password && nodes.some((n) => n.clickable && !n.obscured && LOGIN_TEXT.test(normalizeText(n.fullText || n.label || n.text)));
}

/** True when the control is the login control of a login screen. */
export function isLoginControl(node: UiNode): boolean {
  return LOGIN_TEXT.test(normalizeText(node.fullText || node.label || node.text));
}
