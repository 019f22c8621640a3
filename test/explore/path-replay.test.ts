/**
 * Replaying a recorded path from a fresh launch when a system dialog covers the screen: the session
 * answers dialogs when it captures the screen (snapshot), never when it settles, as the iOS, Android
 * and HarmonyOS sessions do. A fresh iPhone shows the launch screen's permission alert with the
 * screen, so the first tap of the replay meets it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UiSnapshot } from '../../src/device/device-session.js';
import type { Step } from '../../src/evidence/types.js';
import { PathStepError, replayFromLaunch } from '../../src/explore/path-replay.js';
import { sessionStub } from '../helpers/session-stub.js';

const SNAPSHOT: UiSnapshot = { screenKey: 'app/首页', url: '', title: '首页', visibleText: '', viewport: { width: 390, height: 844, devicePixelRatio: 3 }, nodes: [] };
const PATH: Step[] = [
  { action: 'launch', label: '打开 掌上政务通' },
  { action: 'tap', label: '点击「工作」', locator: '/XCUIElementTypeApplication[1]//XCUIElementTypeButton[3]', text: '工作' },
  { action: 'tap', label: '点击「数据填报」', locator: '/XCUIElementTypeApplication[1]//XCUIElementTypeCell[2]' },
];

/** A device whose launch leaves an alert up; while it is up, taps fail with the driver's `error`. */
function deviceWithLaunchAlert(error: string) {
  const log: string[] = [];
  let alertUp = false;
  const session = sessionStub({
    launch: () => { alertUp = true; log.push('launch'); return Promise.resolve(); },
    settle: () => { log.push('settle'); return Promise.resolve(); },
    snapshot: () => {
      if (alertUp) log.push('alert answered');
      alertUp = false;
      return Promise.resolve(SNAPSHOT);
    },
    tap: (locator: string) => {
      if (alertUp) return Promise.reject(new Error(error));
      log.push(`tap ${locator}`);
      return Promise.resolve();
    },
  });
  return { session, log };
}

const noPause = (): Promise<void> => Promise.resolve();

void describe('replayFromLaunch under a dialog the launch raised', () => {
  void it('answers the dialog through an observation and replays every step (WDA on the double: no such element)', async () => {
    const { session, log } = deviceWithLaunchAlert('An element could not be located on the page using the given search parameters. no such element');
    await replayFromLaunch(session, PATH, { pause: noPause });
    assert.deepEqual(log.filter((l) => l !== 'settle'), ['launch', 'alert answered', `tap ${PATH[1]!.locator!}`, `tap ${PATH[2]!.locator!}`]);
  });

  void it('does the same for a real WDA, which reports an alert obstructing the element as "unexpected alert open"', async () => {
    const { session, log } = deviceWithLaunchAlert('unexpected alert open: An alert is obstructing the element');
    await replayFromLaunch(session, PATH, { pause: noPause });
    assert.ok(log.includes('alert answered'));
    assert.ok(log.includes(`tap ${PATH[2]!.locator!}`));
  });

  void it('still fails at the step when the control never comes (a different screen, no dialog)', async () => {
    const session = sessionStub({
      launch: () => Promise.resolve(),
      snapshot: () => Promise.resolve(SNAPSHOT),
      tap: () => Promise.reject(new Error('no such element')),
    });
    await assert.rejects(replayFromLaunch(session, PATH, { pause: noPause }), (e: unknown) => e instanceof PathStepError && e.index === 1);
  });
});
