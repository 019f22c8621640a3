/**
 * HarmonyOS's system dialogs over an app, recognised in the layout dump by their own window: the
 * permission request of com.ohos.permissionmanager (buttons 允许 / 禁止, "仅使用期间允许" on newer
 * releases). The permission policy answers them.
 */
import type { UiNode } from '../../evidence/types.js';

export const PERMISSION_BUNDLES = ['com.ohos.permissionmanager', 'com.huawei.hmos.security.privacycenter'];

export interface PermissionDialog {
  message: string;
  allow?: string;
  deny?: string;
}

/** The permission dialog shown, when one of the windows belongs to the permission manager. */
export function recognisePermissionDialog(nodes: UiNode[], windowBundles: string[]): PermissionDialog | undefined {
  if (!windowBundles.some((b) => PERMISSION_BUNDLES.includes(b))) return undefined;
  const buttons = nodes.filter((n) => n.clickable && n.locator);
  const allow = buttons.find((n) => /^(允许|仅使用期间允许|本次使用允许|Allow)/.test(n.text));
  const deny = buttons.find((n) => /^(禁止|不允许|拒绝|Deny|Don.t allow)/.test(n.text));
  const message = nodes.find((n) => /是否允许|允许.*(访问|使用|获取)/.test(n.text) && !n.clickable)?.text ?? '';
  return { message, ...(allow?.locator ? { allow: allow.locator } : {}), ...(deny?.locator ? { deny: deny.locator } : {}) };
}
