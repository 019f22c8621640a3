/**
 * System dialogs an app can raise over itself on Android, recognised in a UiAutomator2 page source
 * by their owner package and the platform's own resource ids (AOSP PermissionController
 * `grant_permissions.xml`; framework `aerr_*` buttons of the "isn't responding" and crash dialogs),
 * with Chinese and English button words as a fallback for OEM builds that rename ids.
 */
import type { UiNode } from '../../evidence/types.js';

export type SystemDialogKind = 'permission' | 'anr' | 'crash';

export interface SystemDialog {
  kind: SystemDialogKind;
  /** The dialog's message (e.g. 允许「掌上政务」访问此设备的位置信息？). */
  message: string;
  /** Locators of the buttons the policy may press. */
  allow?: string;
  deny?: string;
  /** ANR: wait; crash/ANR: close the app. */
  wait?: string;
  close?: string;
}

/** How exploration and the probes answer system dialogs. */
export interface DialogPolicy {
  permission: 'allow' | 'deny';
  /** Close the app not responding (recorded as an ANR), or wait for it. */
  anr: 'close' | 'wait';
}

export const PERMISSION_PACKAGES = ['com.android.permissioncontroller', 'com.google.android.permissioncontroller', 'com.android.packageinstaller'];

const id = (node: UiNode): string => node.resourceId?.split(':id/')[1] ?? '';
const words = (node: UiNode): string => `${node.text} ${node.label ?? ''}`.trim();

function findButton(nodes: UiNode[], ids: readonly string[], pattern: RegExp): UiNode | undefined {
  const buttons = nodes.filter((n) => n.clickable && n.locator);
  return ids.map((i) => buttons.find((n) => id(n) === i)).find(Boolean) ?? buttons.find((n) => pattern.test(words(n)));
}

/** The system dialog shown, if the foreground window belongs to one (undefined for the app's own screens). */
export function recogniseSystemDialog(nodes: UiNode[], foregroundPackage: string): SystemDialog | undefined {
  if (PERMISSION_PACKAGES.includes(foregroundPackage) || nodes.some((n) => id(n) === 'permission_allow_button' || id(n) === 'permission_deny_button')) {
    const message = nodes.find((n) => id(n) === 'permission_message')?.text ?? nodes.find((n) => /允许|Allow/.test(n.text) && !n.clickable)?.text ?? '';
    const allow = findButton(nodes, ['permission_allow_foreground_only_button', 'permission_allow_button', 'permission_allow_one_time_button'], /^(仅在使用.*时允许|允许|始终允许|While using the app|Allow)/i);
    const deny = findButton(nodes, ['permission_deny_button', 'permission_deny_and_dont_ask_again_button'], /^(拒绝|不允许|Deny|Don.t allow)/i);
    return { kind: 'permission', message, ...(allow?.locator ? { allow: allow.locator } : {}), ...(deny?.locator ? { deny: deny.locator } : {}) };
  }
  const wait = findButton(nodes, ['aerr_wait'], /^(等待|Wait)$/i);
  const close = findButton(nodes, ['aerr_close'], /^(关闭应用|关闭|Close app|OK|确定)$/i);
  const text = nodes.map((n) => n.text).filter(Boolean).join(' ');
  const anr = /isn.t responding|没有响应|无响应/i.test(text);
  const crash = /keeps stopping|has stopped|已停止运行|屡次停止运行|已停止/i.test(text);
  if ((anr || crash) && (close ?? wait)) {
    const message = nodes.find((n) => /isn.t responding|没有响应|无响应|stopping|stopped|停止/i.test(n.text))?.text ?? text;
    return { kind: anr ? 'anr' : 'crash', message, ...(wait?.locator ? { wait: wait.locator } : {}), ...(close?.locator ? { close: close.locator } : {}) };
  }
  return undefined;
}

/** The button the policy presses on this dialog, and the answer in Chinese for the evidence. */
export function answerFor(dialog: SystemDialog, policy: DialogPolicy): { locator?: string; answer: string } {
  switch (dialog.kind) {
    case 'permission':
      return policy.permission === 'allow' ? { ...(dialog.allow ? { locator: dialog.allow } : {}), answer: '允许' } : { ...(dialog.deny ? { locator: dialog.deny } : {}), answer: '拒绝' };
    case 'anr':
      return policy.anr === 'wait' && dialog.wait ? { locator: dialog.wait, answer: '等待' } : { ...(dialog.close ? { locator: dialog.close } : {}), answer: '关闭应用' };
    case 'crash':
      return { ...(dialog.close ? { locator: dialog.close } : {}), answer: '关闭应用' };
  }
}
