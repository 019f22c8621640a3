/**
 * Permission control on Android: runtime prompts (the permission controller's dialogs) answered by
 * the session's policy, granted or denied; `pm clear` before each answer so every prompt comes again
 * as on a fresh install; the prompts answered since the launch as permission records (at launch or
 * after a tap); and the clipboard read at launch from `appops` READ_CLIPBOARD.
 */
import type { Capability, PermissionRequestRecord } from '../../../evidence/probe-types.js';
import type { PermissionControl } from '../../../probes/probe-tools.js';
import type { AndroidSession, PermissionPrompt } from '../android-session.js';
import { clipboardReadSince } from '../probe-figures/figures.js';

/** A runtime permission prompt's words → the capability the checks know. */
const CAPABILITY_OF: [RegExp, Capability][] = [
  [/LOCATION|位置|定位|location/i, 'geolocation'],
  [/CAMERA|拍摄|拍照|相机|摄像|camera|take pictures|record video/i, 'camera'],
  [/RECORD_AUDIO|录音|麦克风|录制音频|record audio/i, 'microphone'],
  [/POST_NOTIFICATIONS|通知|notifications/i, 'notifications'],
];

/** The capability a prompt (or permission name) is about, if the checks know it. */
export function capabilityOf(text: string): Capability | undefined {
  return CAPABILITY_OF.find(([re]) => re.test(text))?.[1];
}

/** Prompts as the permission records the checks read (a prompt about another capability, e.g. storage, is left out). */
export function promptRecords(prompts: readonly PermissionPrompt[], launchedAt: number, screenKey: string): PermissionRequestRecord[] {
  return prompts.flatMap((p) => {
    const capability = capabilityOf(p.message);
    return capability ? [{ capability, api: `系统权限对话框「${p.message}」${p.afterLabel ? `（点击「${p.afterLabel}」后）` : ''}`, atMs: Math.max(0, p.atMs - launchedAt), afterUserAction: p.after !== 'launch', url: screenKey }] : [];
  });
}

/** The permission control of one Android session. */
export function androidPermissionControl(session: AndroidSession, now: () => number = Date.now): PermissionControl {
  return {
    async answerWith(mode) {
      session.policy = { ...session.policy, permission: mode === 'granted' ? 'allow' : 'deny' };
      await session.clearAppData();
    },
    // The session notes every tap itself (what a prompt followed, when the first tap came).
    markUserAction: () => Promise.resolve(),
    async requests() {
      const { at, firstTapAt } = session.launchMark;
      const records = promptRecords(session.promptsSinceLaunch(), at, session.app.packageName);
      const clipboard = await clipboardRead(session, now() - at).catch(() => undefined);
      if (clipboard !== undefined) {
        const readAt = now() - clipboard;
        records.push({ capability: 'clipboard', api: `appops READ_CLIPBOARD（adb shell appops get ${session.app.packageName} READ_CLIPBOARD）`, atMs: Math.max(0, readAt - at), afterUserAction: firstTapAt !== undefined && readAt >= firstTapAt, url: session.app.packageName });
      }
      return records;
    },
  };
}

/** ms ago the app last read the clipboard, when that was since the launch (`withinMs`); undefined otherwise. */
async function clipboardRead(session: AndroidSession, withinMs: number): Promise<number | undefined> {
  const read = clipboardReadSince(await session.shell(`appops get ${session.app.packageName} READ_CLIPBOARD`), withinMs + 1000);
  return read.read ? read.agoMs : undefined;
}
