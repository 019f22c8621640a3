/**
 * Permission control on HarmonyOS: the permission manager's dialogs answered by the session's policy,
 * granted or denied; app data cleared (`bm clean -d`) before each answer so every prompt comes again;
 * the prompts answered since the launch as permission records (at launch or after a tap).
 */
import type { Capability, PermissionRequestRecord } from '../../../evidence/probe-types.js';
import type { PermissionControl } from '../../../probes/probe-tools.js';
import type { HarmonyPermissionPrompt, HarmonySession } from '../harmony-session.js';

/** A prompt's words → the capability the checks know (HarmonyOS dialog wording and ohos.permission names). */
const CAPABILITY_OF: [RegExp, Capability][] = [
  [/LOCATION|位置|定位/i, 'geolocation'],
  [/CAMERA|相机|拍照|摄像/i, 'camera'],
  [/MICROPHONE|麦克风|录音/i, 'microphone'],
  [/NOTIFICATION|通知/i, 'notifications'],
];

/** The capability a prompt is about, if the checks know it. */
export function harmonyCapabilityOf(text: string): Capability | undefined {
  return CAPABILITY_OF.find(([re]) => re.test(text))?.[1];
}

/** Prompts as the permission records the checks read (others, e.g. contacts, are left out). */
export function harmonyPromptRecords(prompts: readonly HarmonyPermissionPrompt[], launchedAt: number, screenKey: string): PermissionRequestRecord[] {
  return prompts.flatMap((p) => {
    const capability = harmonyCapabilityOf(p.message);
    return capability ? [{ capability, api: `系统权限对话框「${p.message}」${p.afterLabel ? `（点击「${p.afterLabel}」后）` : ''}`, atMs: Math.max(0, p.atMs - launchedAt), afterUserAction: p.after !== 'launch', url: screenKey }] : [];
  });
}

/** The permission control of one HarmonyOS session. */
export function harmonyPermissionControl(session: HarmonySession): PermissionControl {
  return {
    async answerWith(mode) {
      session.permission = mode === 'granted' ? 'allow' : 'deny';
      await session.clearAppData();
    },
    markUserAction: () => Promise.resolve(),
    requests: () => Promise.resolve(harmonyPromptRecords(session.promptsSinceLaunch(), session.launchMark.at, session.app.bundleName)),
  };
}
