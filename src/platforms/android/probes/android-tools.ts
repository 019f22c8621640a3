/**
 * What the Android probes use beyond the platform-neutral DeviceSession: the AndroidSession itself
 * (dialog policy, prompts answered, launches measured), `adb shell` through the driver, and the app's
 * identity. Handed to the probes as the context's `android` tool.
 */
import type { ProbeContext } from '../../../probes/probe.js';
import type { AndroidSession } from '../android-session.js';

export interface AndroidTools {
  session: AndroidSession;
  packageName: string;
  activity?: string;
  /** `adb shell <command>`; rejects when the session has no shell access. */
  shell(command: string): Promise<string>;
  /** True when shell commands are allowed (Appium with `uiautomator2:adb_shell`). */
  shellAllowed: boolean;
}

export type AndroidProbeContext = ProbeContext & { android?: AndroidTools };

/** The Android tools of a probe context, when the run is on Android. */
export function androidToolsOf(ctx: ProbeContext): AndroidTools | undefined {
  return (ctx as AndroidProbeContext).android;
}

/** Runs a shell command and keeps its raw output as a text blob of the evidence. */
export async function measured(ctx: ProbeContext, tools: AndroidTools, command: string): Promise<{ command: string; output: string; blob: ReturnType<ProbeContext['store']['putBlob']> }> {
  const output = await tools.shell(command);
  return { command: `adb shell ${command}`, output, blob: ctx.store.putBlob('text', `$ adb shell ${command}\n${output}`, 'txt') };
}
