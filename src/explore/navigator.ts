/**
 * Brings the app back to a recorded screen, cheapest way first: already there; Back to the
 * parent; forward from here when here is on its path; along known transitions (a tab bar reaches
 * most places); otherwise relaunch and replay its path. A relaunch must restore the state the path
 * expects: when it shows another screen than the path's start (a session kept in localStorage),
 * the app's data is cleared and the app launched again, so the path's login steps replay as
 * recorded.
 */
import type { DeviceSession } from '../device/device-session.js';
import type { Step } from '../evidence/types.js';
import type { ScreenRecorder } from './recorder.js';
import type { ScreenState } from './screen-state.js';
import { PathStepError, walkSteps } from './path-replay.js';
import { realPause, type Pause } from './step-runner.js';
import type { TestData } from './test-data.js';
import { isPrefix, routeBetween } from './transition-paths.js';

/** Replays from launch before a screen counts as unreachable. */
const RELAUNCH_ATTEMPTS = 2;

export class Navigator {
  /** Relaunches that showed another start screen and were redone after clearing the app's data. */
  clearedRelaunches = 0;

  constructor(
    private readonly session: DeviceSession,
    private readonly recorder: ScreenRecorder,
    private readonly data: TestData,
    private readonly pause: Pause = realPause,
  ) {}

  /** Makes `state` the current screen; false when it could not be reached. */
  async goTo(state: ScreenState): Promise<boolean> {
    const current = this.recorder.current;
    if (current?.signature === state.signature) return true;
    if (current && current.depth === state.depth + 1 && isPrefix(state.steps, current.steps)) {
      await this.session.back();
      if ((await this.recorder.locate()) === state) return true;
    }
    const here = this.recorder.current;
    if (here && isPrefix(here.steps, state.steps)) {
      return (await this.walk(state.steps.slice(here.steps.length))) && this.isAt(state);
    }
    const known = here ? routeBetween(this.recorder.edges, here, state) : undefined;
    if (known && known.length <= state.steps.length && (await this.walk(known)) && (await this.isAt(state))) return true;
    // From launch, twice: on a busy machine a page can stay loading through the step runner's patient
    // retries once; a screen is given up (its actions skipped as 无法回到该界面) only when a second replay fails too.
    for (let attempt = 0; attempt < RELAUNCH_ATTEMPTS; attempt++) {
      await this.relaunch(state);
      if ((await this.walk(state.steps.slice(1))) && (await this.isAt(state, true))) return true;
    }
    return false;
  }

  /**
   * Launches afresh. When the path has steps to replay and the launch shows another screen than
   * the first launch did (the app kept a session), clears the app's data and launches again.
   */
  private async relaunch(state: ScreenState): Promise<void> {
    await this.session.launch();
    const start = this.recorder.start;
    if (!this.session.can.clearData || !start || state.steps.length <= 1) return;
    if ((await this.recorder.locate()) === start) return;
    await this.session.clearAppData();
    await this.session.launch();
    this.clearedRelaunches++;
  }

  /** Replays steps (path-replay.ts; the last move is settled by the observation that follows); false when one fails. */
  private async walk(steps: Step[]): Promise<boolean> {
    try {
      await walkSteps(this.session, steps, { data: this.data, pause: this.pause, lastSettledByCaller: true });
      return true;
    } catch (error) {
      if (error instanceof PathStepError && error.crashed) throw error.cause;
      this.recorder.lose();
      return false;
    }
  }

  /** True when the app shows `state`; after a replay from launch, a screen met instead is recorded (with the replayed path). */
  private async isAt(state: ScreenState, replayed = false): Promise<boolean> {
    const at = await this.recorder.locate(replayed ? { steps: state.steps, depth: state.depth } : undefined);
    return at === state;
  }
}
