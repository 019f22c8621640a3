/**
 * Replays a recorded path (launch + steps) to bring the app back to an explored screen, through
 * the explorer's own step runner so a path means the same thing everywhere (taps, typed test
 * data, picked options, scrolls).
 */
import type { DeviceSession } from '../device/device-session.js';
import type { Step } from '../evidence/types.js';
import { runStepPatiently } from '../explore/step-runner.js';
import type { TestData } from '../explore/test-data.js';

export interface ReplayOptions {
  /** Called before each tap: lets a probe mark a user action (taps may be script clicks the page cannot tell from the app's own). */
  beforeTap?: () => Promise<void>;
  /** Values for typed steps (the lab's test account included); the step runner's defaults otherwise. */
  data?: TestData;
}

/** Launches the app and performs each step; false when a step cannot be replayed. */
export async function replaySteps(device: DeviceSession, steps: readonly Step[], options: ReplayOptions = {}): Promise<boolean> {
  // A path that signs in was recorded signed out: a session kept since then would put the login screen out of its way.
  if (device.can.clearData && steps.some((s) => s.action === 'type' && s.input === 'password')) await device.clearAppData();
  await device.launch();
  for (const step of steps) {
    if (step.action === 'launch') continue;
    try {
      if (step.action === 'tap') await options.beforeTap?.();
      await runStepPatiently(device, step, options.data);
    } catch {
      return false;
    }
    await device.settle();
  }
  return true;
}
