/**
 * Signing in again for a probe: the explorer recorded the path through the login screen (typed
 * account, tapped 登录) to the screens behind it; replaying the shortest such path signs the
 * probe's fresh launch in with the lab's account, so the session can then be measured.
 */
import { isLoginScreen } from '../explore/login-screen.js';
import type { ScreenEvent } from '../evidence/types.js';
import type { ProbeContext } from './probe.js';
import { replaySteps } from './replay.js';
import { STEP_RETRIES } from '../explore/step-runner.js';

/** The shallowest explored screen past the login: its path typed the password and it shows no password field. */
export function signedInScreen(screens: readonly ScreenEvent[]): ScreenEvent | undefined {
  return [...screens]
    .filter((s) => s.steps.some((st) => st.action === 'type' && st.input === 'password') && !isLoginScreen(s))
    .sort((a, b) => a.steps.length - b.steps.length)[0];
}

/** Replays the recorded sign-in path; true when the app then shows no login screen. */
export async function signInAgain(ctx: ProbeContext): Promise<boolean> {
  const target = signedInScreen(ctx.explored.screens);
  if (!target || !ctx.testData) return false;
  if (!(await replaySteps(ctx.device, target.steps, { data: ctx.testData }))) return false;
  // The app may still show the login form for a moment (a 登录成功 toast, then the home route).
  for (const wait of [0, ...STEP_RETRIES]) {
    if (wait > 0) await ctx.sleep(wait);
    if (!isLoginScreen(await ctx.device.snapshot())) return true;
  }
  return false;
}
