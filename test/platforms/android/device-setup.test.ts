/**
 * Preparing an Android run on the simulated device (no Appium): the device file for the launcher and
 * worker, the device's traffic routed to the capture proxy (adb reverse + http_proxy), and the proxy
 * setting reset when the run stops.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadDeviceProfile } from '../../../src/devices/profile.js';
import { inspectPackage } from '../../../src/package/index.js';
import { adbFor } from '../../../src/platforms/android/adb.js';
import { readPreparedDevice } from '../../../src/platforms/android/device-file.js';
import { prepareAndroidRun } from '../../../src/platforms/android/device-setup.js';
import { startSimAndroid } from '../../../src/sim/android/start-sim-android.js';

test('the simulated device is prepared with the proxy route, and the proxy setting is reset at stop', async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'android-setup-'));
  const facts = await inspectPackage('samples/android-violating.apk');
  const run = await prepareAndroidRun(loadDeviceProfile('sim-android'), { ports: { systemPort: 8299 }, scratchDir: scratch }, facts);
  const adb = adbFor(run.device.androidHome, run.device.udid);
  try {
    const written = readPreparedDevice(scratch)!;
    assert.equal(written.simulated, true);
    assert.equal(written.packageName, 'cn.gov.example.dangjian');
    assert.match(written.activity ?? '', /MainActivity$/);
    assert.equal(written.systemPort, 8299, 'an inventory slot\'s port wins');
    assert.equal(run.env.ANDROID_HOME, run.device.androidHome);
    assert.ok(written.proxy, written.networkNotObserved);
    assert.equal((await adb.shell('settings get global http_proxy')).trim(), `127.0.0.1:${written.proxy.port}`);
    assert.match(await adb.exec('reverse', '--list'), new RegExp(`tcp:${written.proxy.port}`));
  } finally {
    await run.stop();
  }
});

test('on a device the run does not own (a real phone), stop() resets the proxy setting and removes the reverse route', async () => {
  const sim = await startSimAndroid({ udid: 'sim-android-5560' });
  const saved = process.env.ANDROID_HOME;
  process.env.ANDROID_HOME = sim.androidHome;
  const adb = adbFor(sim.androidHome, sim.udid);
  try {
    const run = await prepareAndroidRun(loadDeviceProfile('android-phone'), { udid: sim.udid, ports: {}, scratchDir: mkdtempSync(join(tmpdir(), 'android-setup-')) }, undefined);
    assert.equal(run.device.simulated, false);
    const port = run.device.proxy!.port;
    assert.equal((await adb.shell('settings get global http_proxy')).trim(), `127.0.0.1:${port}`);
    await run.stop();
    assert.equal((await adb.shell('settings get global http_proxy')).trim(), ':0');
    assert.doesNotMatch(await adb.exec('reverse', '--list'), new RegExp(`tcp:${port}`));
  } finally {
    if (saved === undefined) delete process.env.ANDROID_HOME;
    else process.env.ANDROID_HOME = saved;
    await sim.stop();
  }
});
