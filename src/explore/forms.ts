/**
 * Forms: which controls submit a form, and the steps that fill it with test data first (the
 * lab's account in the account field of a login form). What makes a screen a login screen lives
 * in login-form.ts.
 */
import { normalizeText } from '../checks/text-match.js';
import type { Step, UiNode } from '../evidence/types.js';
import { accountField, controlText, LOGIN_CONFIRM_TEXT, LOGIN_TEXT, loginControls, NEXT_TEXT, SUBMIT_TEXT } from './login-form.js';
import { describeKey, testDataKeyFor, type TestDataKey } from './test-data.js';

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
  const account = accountField(nodes);
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
    const key: TestDataKey = node === account ? 'username' : testDataKeyFor(node);
    steps.push({ action: 'type', label: `在「${name}」中输入${describeKey(key)}`, locator: node.locator!, input: key });
  }
  return steps;
}

/** True when tapping `node` plausibly submits the screen's form (a submit-like text, a login control, or inside a form). */
export function isSubmitControl(node: UiNode, byId: Map<number, UiNode>): boolean {
  const text = controlText(node);
  if (text.length <= 12 && SUBMIT_TEXT.test(text)) return true;
  if (isLoginControl(node, [...byId.values()])) return true;
  for (let p = node.parent; p !== null; p = byId.get(p)?.parent ?? null) {
    if (byId.get(p)?.role === 'form') return node.role === 'button' || node.inputType === 'submit';
  }
  return false;
}

/**
 * True when the control signs in. With the screen's `nodes`, exactly the controls of
 * `loginControls`; without them (callers that already know the screen is a login screen), any
 * login word, and 进入/确定/下一步.
 */
export function isLoginControl(node: UiNode, nodes?: UiNode[]): boolean {
  if (nodes) return loginControls(nodes).includes(node);
  const text = controlText(node);
  return LOGIN_TEXT.test(text) || LOGIN_CONFIRM_TEXT.test(text) || NEXT_TEXT.test(text);
}
