/** Replaying a recorded path: launch, then each step through the explorer's step runner. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DeviceSession } from '../../src/device/device-session.js';
import type { Step } from '../../src/evidence/types.js';
import { DEFAULT_TEST_DATA } from '../../src/explore/test-data.js';
import { replaySteps } from '../../src/probes/replay.js';
import { sessionStub } from '../helpers/session-stub.js';

function recordingDevice(log: string[]): DeviceSession {
  return sessionStub({
    launch: () => { log.push('launch'); return Promise.resolve(); },
    clearAppData: () => { log.push('clear'); return Promise.resolve(); },
    tap: (locator: string) => { log.push(`tap ${locator}`); return Promise.resolve(); },
    typeText: (locator: string, text: string) => { log.push(`type ${locator}=${text}`); return Promise.resolve(); },
    back: () => { log.push('back'); return Promise.resolve(); },
  });
}

void describe('replaySteps', () => {
  void it('launches, types the lab account where the path typed a password, and marks each tap before it happens', async () => {
    const log: string[] = [];
    const steps: Step[] = [
      { action: 'launch', label: '打开' },
      { action: 'type', label: '输入密码', locator: '#pw', input: 'password' },
      { action: 'tap', label: '点击「登录」', locator: '#login' },
    ];
    const ok = await replaySteps(recordingDevice(log), steps, { beforeTap: () => { log.push('mark'); return Promise.resolve(); }, data: { ...DEFAULT_TEST_DATA, password: 'Lab-Pass' } });
    assert.equal(ok, true);
    assert.deepEqual(log, ['clear', 'launch', 'type #pw=Lab-Pass', 'mark', 'tap #login'], 'a path that signs in starts signed out');
  });

  void it('keeps the app data for a path that does not sign in', async () => {
    const log: string[] = [];
    await replaySteps(recordingDevice(log), [{ action: 'launch', label: '打开' }, { action: 'tap', label: '点击「办事」', locator: '#a' }]);
    assert.deepEqual(log, ['launch', 'tap #a']);
  });

  void it('answers false when a step cannot be replayed (a tap without locator)', async () => {
    assert.equal(await replaySteps(recordingDevice([]), [{ action: 'tap', label: '点击「？」' }]), false);
  });
});
