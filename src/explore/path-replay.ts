/**
 * The one replay of a recorded path, for the explorer's navigator, the probes and
 * `govapp-audit replay`: each step through the patient step runner (a control not there yet is
 * tried again over ~2.5 s), a settle after every move (not after typing or picking an option:
 * nothing moves), the last one left to the caller's observation when it asks.
 */
import { isAppCrash, type DeviceSession } from '../device/device-session.js';
import type { Step } from '../evidence/types.js';
import { realPause, runStepPatiently, type Pause } from './step-runner.js';
import type { TestData } from './test-data.js';

export interface WalkOptions {
  /** Values for typed steps; the step runner's defaults otherwise. */
  data?: TestData;
  pause?: Pause;
  /** Called before each tap (a probe marks a user action: script taps look like the app's own to the page). */
  beforeTap?: () => Promise<void>;
  /** The caller observes right after (which settles): the last move is not settled here. */
  lastSettledByCaller?: boolean;
}

/** A step of a replayed path failed; `cause` is what the device threw (an AppCrashedError when the app died). */
export class PathStepError extends Error {
  override readonly name = 'PathStepError';
  /** `index`: the step's position in the path given (launch steps included). */
  constructor(readonly index: number, readonly step: Step, override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message.split('\n')[0] ?? '' : String(cause));
  }

  /** True when the app died during the step. */
  get crashed(): boolean {
    return isAppCrash(this.cause);
  }
}

/** Performs the path's steps (launch steps skipped: the caller starts the app); throws PathStepError at the first that fails. */
export async function walkSteps(session: DeviceSession, steps: readonly Step[], options: WalkOptions = {}): Promise<void> {
  const last = steps.length - 1;
  for (const [index, step] of steps.entries()) {
    if (step.action === 'launch') continue;
    try {
      if (step.action === 'tap') await options.beforeTap?.();
      await runStepPatiently(session, step, options.data, options.pause ?? realPause);
      if (step.action !== 'type' && step.action !== 'select' && !(options.lastSettledByCaller && index === last)) await session.settle();
    } catch (error) {
      throw new PathStepError(index, step, error);
    }
  }
}

/**
 * Launches the app and replays the path. A path that signs in was recorded signed out: a session
 * kept since then would put the login screen out of its way, so the app's data is cleared first
 * where the platform can.
 */
export async function replayFromLaunch(session: DeviceSession, steps: readonly Step[], options: WalkOptions = {}): Promise<void> {
  if (session.can.clearData && steps.some((s) => s.action === 'type' && s.input === 'password')) await session.clearAppData();
  await session.launch();
  await walkSteps(session, steps, options);
}
