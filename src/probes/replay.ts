/**
 * Brings the app back to an explored screen for a probe: launch and the recorded path through the
 * one path replay (src/explore/path-replay.ts), so a path means the same thing everywhere.
 */
import type { DeviceSession } from '../device/device-session.js';
import type { Step } from '../evidence/types.js';
import { PathStepError, replayFromLaunch, type WalkOptions } from '../explore/path-replay.js';

export type ReplayOptions = Pick<WalkOptions, 'beforeTap' | 'data'>;

/** Launches the app and performs each step; false when a step cannot be replayed (the app dying included). */
export async function replaySteps(device: DeviceSession, steps: readonly Step[], options: ReplayOptions = {}): Promise<boolean> {
  try {
    await replayFromLaunch(device, steps, options);
    return true;
  } catch (error) {
    if (error instanceof PathStepError) return false;
    throw error;
  }
}
