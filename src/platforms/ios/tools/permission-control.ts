/**
 * Permission control on iOS: before each launch the app's answers are forgotten for every protected
 * resource its Info.plist declares (`mobile: resetPermission`, through WDA: real devices included,
 * iOS 13.4+), so each prompt comes again as on a fresh install; the session answers the prompts by
 * policy (`mobile: alert` accept / dismiss); the prompts answered since the launch are the records.
 * What XCUITest cannot reset (notifications, and usage keys without a protected resource) is asked
 * once per install: said in `limits`, never counted as "not asked".
 */
import { resourcesForUsage } from '../../../device/ios/protected-resources.js';
import type { Capability, PermissionRequestRecord } from '../../../evidence/probe-types.js';
import type { PermissionControl } from '../../../probes/probe-tools.js';
import type { IosPermissionPrompt, IosSession } from '../ios-session.js';

/** An iOS prompt's words (Chinese or English system wording) → the capability the checks know. */
const CAPABILITY_OF: [RegExp, Capability][] = [
  [/位置|location/i, 'geolocation'],
  [/相机|camera/i, 'camera'],
  [/麦克风|microphone/i, 'microphone'],
  [/通讯录|contacts/i, 'contacts'],
  [/通知|notifications/i, 'notifications'],
];

/** The capability an iOS permission prompt is about, if the checks know it. */
export function iosCapabilityOf(text: string): Capability | undefined {
  return CAPABILITY_OF.find(([re]) => re.test(text))?.[1];
}

/** Prompts as the permission records the checks read (a prompt about another resource, e.g. photos, is left out). */
export function iosPromptRecords(prompts: readonly IosPermissionPrompt[], launchedAt: number, bundleId: string): PermissionRequestRecord[] {
  return prompts.flatMap((p) => {
    const capability = iosCapabilityOf(p.message);
    return capability ? [{ capability, api: `系统权限提示「${p.message}」${p.afterLabel ? `（点击「${p.afterLabel}」后）` : ''}`, atMs: Math.max(0, p.atMs - launchedAt), afterUserAction: p.after !== 'launch', url: bundleId }] : [];
  });
}

/** What this control cannot observe, as sentences for the probe's summary. */
export function iosPermissionLimits(notResettable: readonly string[]): string[] {
  const keys = notResettable.length ? `；Info.plist 中的 ${notResettable.join('、')} 同样没有可重置的受保护资源` : '';
  return [`iOS 的通知权限无法经 XCUITest 重置（没有对应的 XCUIProtectedResource），应用安装后只询问一次，本探针未观察通知权限的申请${keys}`];
}

/** A prompt can come a moment after its screen shows (apps ask from viewDidAppear or after a delay). */
export const IOS_PROMPT_GRACE_MS = 2000;

/** The permission control of one iOS session (the app's usage keys come with its identity). */
export function iosPermissionControl(session: IosSession, usageKeys: readonly string[], now: () => number = Date.now, sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))): PermissionControl {
  const { resources, notResettable } = resourcesForUsage(usageKeys);
  const services = resources.map((r) => r.service);
  return {
    limits: iosPermissionLimits(notResettable),
    async answerWith(mode) {
      session.policy = { ...session.policy, permission: mode === 'granted' ? 'allow' : 'deny' };
      await session.resetPermissions(services);
    },
    // The session notes every tap itself (what a prompt followed).
    markUserAction: () => Promise.resolve(),
    async requests() {
      const { at } = session.launchMark;
      // Prompts are answered when the session captures the screen: let a late one come, then capture.
      const wait = at + IOS_PROMPT_GRACE_MS - now();
      if (wait > 0) await sleep(wait);
      await session.snapshot();
      return iosPromptRecords(session.promptsSinceLaunch(), at, (await session.identity()).bundleId);
    },
  };
}
