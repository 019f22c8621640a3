/**
 * An app that checks the account's format before sending it (an 18-digit ID number, a phone
 * number) never lets a test account of another shape through: the run says so, so the lab knows
 * which account to supply. Judged from the account field's label or placeholder, its input type,
 * and its maxlength/pattern when the snapshot records them. The sentence never holds the account.
 */
import { normalizeText } from '../checks/text-match.js';
import { ACCOUNT_LABEL, accountField, type FormNode } from './login-form.js';

interface AccountFormat {
  /** Chinese name for the sentence: 18 位身份证号. */
  name: string;
  /** In the label or placeholder. */
  label: RegExp;
  /** The input type that asks for it by itself. */
  inputType?: string;
  fits: RegExp;
}

const FORMATS: readonly AccountFormat[] = [
  { name: '18 位身份证号', label: /身份证|证件号/, fits: /^(?:\d{17}[\dXx]|\d{15})$/ },
  { name: '11 位手机号', label: /手机|电话/, inputType: 'tel', fits: /^1\d{10}$/ },
  { name: '邮箱地址', label: /邮箱|e-?mail/i, inputType: 'email', fits: /^[^@\s]+@[^@\s]+\.[^@\s]+$/ },
];

const ASK = '请提供符合格式的测试账号';

/**
 * A sentence when the login screen's account field asks for a format `username` does not have
 * (「登录框要求 18 位身份证号，测试账号不符合，请提供符合格式的测试账号」); without a username,
 * the format asked for. Undefined when the field asks for no particular format or the account fits.
 */
export function accountFormatIssue(nodes: readonly FormNode[], username?: string): string | undefined {
  const field = accountField(nodes);
  if (!field) return undefined;
  const account = username?.trim();
  const required = requiredFormats(field);
  if (required.length > 0 && !(account !== undefined && required.some((f) => f.fits.test(account)))) {
    return sentence(required.map((f) => f.name).join('或'), account);
  }
  if (field.pattern && !(account !== undefined && fitsPattern(field.pattern, account))) {
    return sentence(`账号符合格式 ${field.pattern}`, account);
  }
  if (field.maxLength !== undefined && field.maxLength > 0 && account !== undefined && account.length > field.maxLength) {
    return `登录框最多可输入 ${field.maxLength} 个字符，测试账号更长，${ASK}`;
  }
  return undefined;
}

/** The formats the field asks for; none when its label also admits a plain account (手机号/账号). */
function requiredFormats(field: FormNode): AccountFormat[] {
  const label = normalizeText(field.label ?? '');
  if (ACCOUNT_LABEL.test(label)) return [];
  const byLabel = FORMATS.filter((f) => f.label.test(label));
  if (byLabel.length > 0) return byLabel;
  return FORMATS.filter((f) => f.inputType !== undefined && f.inputType === field.inputType);
}

function fitsPattern(pattern: string, account: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(account);
  } catch {
    return true;
  }
}

function sentence(what: string, account: string | undefined): string {
  const asks = `登录框要求${/^[\w]/.test(what) ? ' ' : ''}${what}`;
  return account === undefined ? `${asks}，${ASK}` : `${asks}，测试账号不符合，${ASK}`;
}
