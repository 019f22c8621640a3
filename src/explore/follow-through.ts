/**
 * After a submit (a login above all), the app often keeps moving by itself: a 「登录成功」 toast,
 * then a redirect to the home route. The screen captured right after the tap is not the end: the
 * app is observed again a few times within a bounded wait, and every screen it moves on to is
 * recorded (a route change after the capture is a new screen).
 */
import type { Step } from '../evidence/types.js';
import type { ScreenRecorder } from './recorder.js';
import type { ScreenState } from './screen-state.js';

/** Waits (ms) before each re-observation: three looks within 3 s in all. */
export const FOLLOW_UP: readonly number[] = [300, 700, 2000];

/** The screens the app moved on to (each with the screen it left), and the last one it showed. */
export interface FollowUp {
  moves: [ScreenState, ScreenState][];
  last: ScreenState;
}

/**
 * Re-observes the app after `waits`, starting on `first`, recording every screen it moves to
 * with `steps` (the submit's path). Stops early once the same screen was seen twice in a row
 * (after a move, or two quiet looks: an app that did not move within 1 s rarely does later),
 * and when the app leaves (another origin).
 */
export async function followThrough(
  recorder: ScreenRecorder, pause: (ms: number) => Promise<void>, waits: readonly number[], steps: Step[], depth: number, first: ScreenState,
): Promise<FollowUp> {
  const moves: [ScreenState, ScreenState][] = [];
  let last = first;
  let quiet = 0;
  for (const wait of waits) {
    await pause(wait);
    const seen = await recorder.observe(steps, depth);
    if (!seen) break;
    if (seen.state === last) {
      if (moves.length > 0 || ++quiet >= 2) break;
      continue;
    }
    quiet = 0;
    moves.push([last, seen.state]);
    last = seen.state;
  }
  return { moves, last };
}
