/** Replays a recorded path (launch + taps) to bring the app back to an explored screen. */
import type { DeviceSession } from '../device/device-session.js';
import type { Step } from '../evidence/types.js';

/**
 * Launches the app and taps each step; false when a step cannot be replayed. `beforeTap` lets a
 * probe mark the moment of a user action (taps may be dispatched as script clicks, which the page
 * cannot tell from the app's own).
 */
export async function replaySteps(device: DeviceSession, steps: readonly Step[], beforeTap?: () => Promise<void>): Promise<boolean> {
  await device.launch();
  for (const step of steps) {
    if (step.action === 'launch') continue;
    if (step.action === 'back') {
      await device.back();
    } else {
      if (!step.locator) return false;
      try {
        await beforeTap?.();
        await device.tap(step.locator);
      } catch {
        return false;
      }
    }
    await device.settle();
  }
  return true;
}
