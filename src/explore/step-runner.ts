/**
 * Performs one recorded step on a device: the explorer's own actions, its replays of known
 * paths, and `govapp-audit replay` all go through here, so a path means the same thing everywhere.
 */
import type { DeviceSession } from '../device/device-session.js';
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
      if (!session.scroll) throw new StepError(step, `${step.label}: the device cannot scroll`);
      return session.scroll();
    case 'type': {
      if (!step.locator || !session.typeText) throw new StepError(step, `${step.label}: the device cannot type`);
      const value = data[(step.input ?? 'text') as TestDataKey] ?? data.text;
      return session.typeText(step.locator, value);
    }
    case 'select':
      if (!step.locator || !session.selectOption) throw new StepError(step, `${step.label}: the device cannot pick options`);
      return session.selectOption(step.locator, step.option ?? 1);
  }
}
