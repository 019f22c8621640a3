/**
 * iOS alerts the session answers: the system's permission prompts (“X”想访问您的通讯录, “X” Would
 * Like to Access…, 允许“X”使用无线数据？…) and the app's own alerts. Which button: WDA's accept
 * taps an alert's last button (好 / 允许 / OK), dismiss its first (不允许 / Don’t Allow), see FBAlert.m.
 */
export type AlertKind = 'permission' | 'app';

export interface AlertDecision {
  kind: AlertKind;
  action: 'accept' | 'dismiss';
  /** How the answer is written in evidence. */
  answer: '允许' | '拒绝' | '确定' | '取消';
}

export interface AlertPolicy {
  /** Permission prompts: allow (the default, so the app's features can be explored) or deny. */
  permission: 'allow' | 'deny';
  /** App alerts whose text matches are dismissed, others accepted. */
  dismissApp?: RegExp;
}

const PERMISSION = [/想(访问|使用)/, /允许.{0,20}(访问|使用|获取|发送)/, /would like to/i, /wants to use/i, /allow .* to (access|use|track)/i, /访问您的/];

/** True when the alert text reads as a system permission prompt. */
export function isPermissionPrompt(text: string): boolean {
  return PERMISSION.some((re) => re.test(text));
}

/** What to do with an alert under the policy. */
export function decideAlert(text: string, policy: AlertPolicy): AlertDecision {
  if (isPermissionPrompt(text)) {
    return policy.permission === 'allow' ? { kind: 'permission', action: 'accept', answer: '允许' } : { kind: 'permission', action: 'dismiss', answer: '拒绝' };
  }
  return policy.dismissApp?.test(text) ? { kind: 'app', action: 'dismiss', answer: '取消' } : { kind: 'app', action: 'accept', answer: '确定' };
}
