/**
 * What makes a screen a login screen, which control signs in and which field takes the account.
 * Words are the ones real apps use: 登陆 (a very common misspelling of 登录), 立即登陆, 登录/注册;
 * on a form that is clearly a login form (one password field with an account field before it)
 * also 进入, 确定, and 下一步 when it is the form's only submit.
 */
import { normalizeText } from '../checks/text-match.js';
import type { UiNode } from '../evidence/types.js';
import { ownId } from './test-data.js';

/**
 * Attributes the H5 snapshot may carry beyond `UiNode` (autocomplete, maxlength, pattern):
 * read when present, so a snapshot that records them sharpens the account field and its format.
 */
export type FormNode = UiNode & { autocomplete?: string; maxLength?: number; pattern?: string };

const LOGIN_VERB = '(?:登录|登陆|登入|log ?in|sign ?in)';

/** A login control in its own right: 登录, 登陆, 立即登陆, 账号登录, 登录/注册, Sign in. */
export const LOGIN_TEXT = new RegExp(
  `^(?:立即|马上|快速|安全|账号|帐号|账户|密码|用户|手机号?|短信|验证码)?${LOGIN_VERB}(?:\\s*[/|／｜或]?\\s*注册)?$|^注册\\s*[/|／｜或]?\\s*${LOGIN_VERB}$`,
  'i',
);

/** Confirmations that sign in only on a login form: 进入, 确定… */
export const LOGIN_CONFIRM_TEXT = /^(?:进入|进入系统|立即进入|马上进入|确定|确认|提交|ok|enter|go)$/i;

/** 下一步: signs in only as the only submit of a login form. */
export const NEXT_TEXT = /^(?:下一步|next|continue|继续)$/i;

/** Controls that submit a form: every word that ends a form, login words included. */
export const SUBMIT_TEXT = /登录|登陆|登入|提交|保存|确定|确认|查询|搜索|下一步|注册|发送|申请|办理|预约|绑定|完成|\b(?:log ?in|sign ?in|submit|save|search|confirm|next|continue|register|sign ?up|done|ok)\b/i;

/** Submit-like controls that leave the form for another page rather than submit it. */
const LEAVES_FORM = /注册|忘记|找回|帮助|协议/;

/** Labels of an account field (on any form). */
export const ACCOUNT_LABEL = /账号|帐号|账户|帐户|用户名|登录名|登陆名|工号|学号|会员号|user ?name|account|login/i;

/** Labels that rule a field out as the account (a code, the password, an address). */
const NOT_ACCOUNT_LABEL = /验证码|校验码|动态码|动态密码|captcha|verify|code|密码|password|地址|address|搜索|search/i;

/** The text a control shows, normalised. */
export function controlText(node: UiNode): string {
  return normalizeText(node.fullText || node.label || node.text);
}

function visiblePassword(node: UiNode): boolean {
  return node.editable && node.inputType === 'password' && !node.obscured && node.bounds.width > 0;
}

function textLike(node: UiNode): boolean {
  return node.editable && !node.obscured && node.bounds.width > 0 && node.inputType !== 'password' &&
    node.inputType !== 'textarea' && node.inputType !== 'file' && node.inputType !== 'hidden';
}

function labelOf(node: FormNode): string {
  return `${node.label ?? ''} ${node.resourceId ?? ''} ${ownId(node) ?? ''}`;
}

/**
 * The field that takes the account, on a screen with a password field: one whose autocomplete
 * says so or whose label is an account word, else the text field right before the only password
 * field (its label may say 手机号, 身份证号, 邮箱 or nothing), unless that one is a code.
 */
export function accountField(nodes: readonly FormNode[]): FormNode | undefined {
  const passwordIndex = nodes.findIndex(visiblePassword);
  if (passwordIndex < 0) return undefined;
  const fields = nodes.filter(textLike);
  const named = fields.find((n) => /^(?:username|email|tel)$/.test(n.autocomplete ?? '') || ACCOUNT_LABEL.test(labelOf(n)));
  if (named) return named;
  // A sign-up form (密码 and 确认密码) asks for a phone number, not the lab's account.
  if (nodes.filter(visiblePassword).length !== 1) return undefined;
  const before = nodes.slice(0, passwordIndex).filter(textLike).at(-1);
  return before && !NOT_ACCOUNT_LABEL.test(labelOf(before)) ? before : undefined;
}

function tappable(node: UiNode): boolean {
  return node.clickable && !node.obscured && !node.editable;
}

/**
 * The controls that sign in on `nodes`; empty when the screen is not a login screen. Login words
 * count with any visible password field; 进入/确定 and a lone 下一步 only on a login form.
 */
export function loginControls(nodes: readonly FormNode[]): UiNode[] {
  const passwords = nodes.filter(visiblePassword).length;
  if (passwords === 0) return [];
  const controls = nodes.filter(tappable);
  const login = controls.filter((n) => LOGIN_TEXT.test(controlText(n)));
  if (login.length > 0) return login;
  // A change-password form has two or three password fields, a reset form a code before it.
  if (passwords !== 1 || !accountField(nodes)) return [];
  const confirm = controls.filter((n) => LOGIN_CONFIRM_TEXT.test(controlText(n)));
  if (confirm.length > 0) return confirm;
  const submits = controls.filter((n) => { const t = controlText(n); return t.length <= 12 && SUBMIT_TEXT.test(t) && !LEAVES_FORM.test(t); });
  return submits.length > 0 && submits.every((n) => NEXT_TEXT.test(controlText(n))) ? submits : [];
}
