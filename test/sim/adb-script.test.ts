/**
 * The simulated `adb` as appium-adb runs it: the shell script on ANDROID_HOME, spawned as a process, talking to
 * the device process over local HTTP. Checks stdout, stderr, exit codes, quoting, and that killing a streaming
 * adb (logcat) ends the stream on the device side. Prints the per-call cost.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { startSimAndroid, type SimAndroidHandle } from '../../src/sim/android/start-sim-android.js';

const run = promisify(execFile);

describe('the adb shell script on a simulated ANDROID_HOME', () => {
  let handle: SimAndroidHandle;
  let adb: string;

  before(async () => {
    handle = await startSimAndroid({ udid: 'sim-script-1' });
    adb = join(handle.androidHome, 'platform-tools', 'adb');
  });
  after(async () => {
    await handle.stop();
  });

  it('lays out ANDROID_HOME as appium-adb expects (adb, build-tools with aapt2 and apksigner.jar)', () => {
    assert.ok(existsSync(adb));
    assert.ok(existsSync(join(handle.androidHome, 'build-tools', 'debian', 'aapt2')));
    assert.ok(existsSync(join(handle.androidHome, 'build-tools', 'debian', 'apksigner.jar')));
    assert.match(readlinkSync(adb), /src\/sim\/android\/adb$/);
  });

  it('relays stdout and exit code 0', async () => {
    const t0 = Date.now();
    const { stdout } = await run(adb, ['-P', '5037', 'devices']);
    const ms = Date.now() - t0;
    assert.equal(stdout, 'List of devices attached\nsim-script-1\tdevice\n\n');
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = Date.now();
      await run(adb, ['-s', 'sim-script-1', 'shell', 'getprop', 'ro.build.version.sdk']);
      times.push(Date.now() - t);
    }
    console.log(`adb script: first call ${ms} ms, then ${times.join('/')} ms`);
  });

  it('relays stderr and a non-zero exit code', async () => {
    await assert.rejects(run(adb, ['-s', 'other-device', 'shell', 'echo', 'x']), (e: { code: number; stderr: string }) => {
      assert.equal(e.code, 1);
      assert.match(e.stderr, /device 'other-device' not found/);
      return true;
    });
    await assert.rejects(run(adb, ['-s', 'sim-script-1', 'shell', 'nosuchprogram']), (e: { code: number }) => e.code === 127);
  });

  it('keeps arguments with spaces and quotes intact for the device shell', async () => {
    const { stdout } = await run(adb, ['-s', 'sim-script-1', 'shell', "echo 'a  b' \"c;d\""]);
    assert.equal(stdout, 'a  b c;d\n');
  });

  it('streams logcat until the adb process is killed, then the device drops the stream', async () => {
    const child = spawn(adb, ['-s', 'sim-script-1', 'logcat', '-v', 'threadtime']);
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (c: Buffer) => resolve(c.toString())));
    assert.match(first, /beginning of main/);
    assert.equal(handle.sim.device.log.followerCount, 1);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    for (let i = 0; i < 50 && handle.sim.device.log.followerCount > 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(handle.sim.device.log.followerCount, 0);
  });

  it('two simulated devices on one host each answer their own adb', async () => {
    const second = await startSimAndroid({ udid: 'sim-script-2' });
    try {
      const { stdout } = await run(join(second.androidHome, 'platform-tools', 'adb'), ['devices']);
      assert.match(stdout, /^sim-script-2\tdevice$/m);
      assert.doesNotMatch(stdout, /sim-script-1/);
      assert.match((await run(adb, ['devices'])).stdout, /^sim-script-1\tdevice$/m);
    } finally {
      await second.stop();
    }
  });
});
