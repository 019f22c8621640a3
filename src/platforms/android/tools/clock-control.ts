/**
 * Clock control on Android: the device clock moved with `date @<epoch>` over adb shell (toybox; needs
 * root on production phones, works on emulators and the simulated device) and read back with
 * `date +%s`; a device that refuses throws with its own answer, so the login-cadence probe is
 * recorded as failed with that reason and mandatory-login stays inconclusive. Native apps keep no
 * cookies the lab can read, so session clues are empty.
 */
import type { ClockControl } from '../../../probes/probe-tools.js';

const TOLERANCE_S = 120;

/** A clock control over `shell`; `now` is the host clock, used to keep real time passing while moved. */
export function androidClockControl(shell: (command: string) => Promise<string>, now: () => number = Date.now): ClockControl {
  let base: { deviceS: number; hostMs: number } | undefined;
  const read = async (): Promise<number> => Number((await shell('date +%s')).trim());
  return {
    async setOffset(ms) {
      if (!base) {
        const deviceS = await read();
        if (!Number.isFinite(deviceS)) throw new Error('读不到设备时间（adb shell date +%s）');
        base = { deviceS, hostMs: now() };
      }
      const target = base.deviceS + Math.round((now() - base.hostMs + ms) / 1000);
      const answer = await shell(`date @${target}`).catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
      const after = await read();
      if (!Number.isFinite(after) || Math.abs(after - target) > TOLERANCE_S) {
        throw new Error(`设备拒绝修改系统时钟（adb shell date @${target} → ${answer.trim().split('\n')[0] || '无输出'}；读回 ${Number.isFinite(after) ? after : '?'}），登录周期需可 root 的设备或模拟器才能测量`);
      }
    },
    sessionClues: () => Promise.resolve({ cookies: [], tokens: [], timestamps: [] }),
    expireAfter: () => Promise.resolve(),
  };
}
