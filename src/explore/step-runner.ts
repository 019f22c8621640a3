/**
 * Performs one recorded step on a device: the explorer's own actions, its replays of known
 * paths, and `govapp-audit replay` all go through here, so a path means the same thing everywhere.
 */
import { isAppCrash, type DeviceSession } from '../device/device-session.js';
import type { Step } from '../evidence/types.js';
import { DEFAULT_TEST_DATA, type TestData, type TestDataKey } from './test-data.js';

export class StepError extends Error {
  constructor(readonly step: Step, message: string) {
    super(message);
  }
}

/** Runs a step (launch excluded: the caller decides how to start). Settling is the caller's job. */
export async function runStep(session: DeviceSession, step: Step, data: TestData = DEFAULT_TEST_DATA): Promise<void> {
  switch (step.action) {
    case 'launch': return;
    case 'back': return session.back();
    case 'tap':
      if (!step.locator) throw new StepError(step, `${step.label}: no locator`);
      return session.tap(step.locator);
    case 'scroll':
      if (!session.can.scroll) throw new StepError(step, `${step.label}: the device cannot scroll`);
      return session.scroll();
    case 'type': {
      if (!step.locator || !session.can.textEntry) throw new StepError(step, `${step.label}: the device cannot type`);
      const value = data[(step.input ?? 'text') as TestDataKey] ?? data.text;
      return session.typeText(step.locator, value);
    }
    case 'select':
      if (!step.locator || !session.can.textEntry) throw new StepError(step, `${step.label}: the device cannot pick options`);
      return session.selectOption(step.locator, step.option ?? 1);
  }
}

/** Waits (ms) before each new try of a replayed step whose control is not there yet: about 2.5 s in all. */
export const STEP_RETRIES: readonly number[] = [300, 700, 1500];
/**
 * A driver's words for a control that is not (yet) reachable: not on the screen, or under a system
 * dialog (WDA: "unexpected alert open" when an alert obstructs the element).
 */
const NOT_THERE_YET = /no such element|not found|intercepted|covered by|unexpected alert open|obstruct/i;

export type Pause = (ms: number) => Promise<void>;
export const realPause: Pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a replayed step; a step whose control is not there yet is tried again after a pause and an
 * observation, a few times: the app may still be moving after the previous step (a 登录成功 toast for a
 * second, then the home route), as it was when the path was recorded, or a system dialog may cover
 * it (a permission prompt the fresh launch raised: iOS shows it with the first screen). Sessions
 * answer dialogs by policy when they capture the screen, not when they settle, so the retry observes
 * (settle + snapshot): a settle alone would wait on the dialog forever. Replays of the explorer and of
 * the probes share it.
 */
export async function runStepPatiently(session: DeviceSession, step: Step, data: TestData = DEFAULT_TEST_DATA, pause: Pause = realPause): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await runStep(session, step, data);
      return;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isAppCrash(error) || attempt >= STEP_RETRIES.length || !NOT_THERE_YET.test(message)) throw error;
      await pause(STEP_RETRIES[attempt]!);
      await session.observe();
    }
  }
}
