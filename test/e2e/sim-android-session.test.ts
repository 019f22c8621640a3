/**
 * End to end at the device boundary: real Appium 3 + the unmodified appium-uiautomator2-driver 8.7 open a session
 * on the simulated Android device with the violating sample APK (`appium:app`), read the UiAutomator2 page source,
 * answer the launch-time permission dialogs, tap into 马上签到, take a screenshot and end the session. Prints the
 * session start time and the adb / HTTP calls the double answered. Run under `flock /tmp/govapp-audit-e2e.lock`.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { useProjectAppiumHome } from '../../src/runner/appium-home.js';
import { startSimAndroid, type SimAndroidHandle } from '../../src/sim/android/start-sim-android.js';
import { freePort } from '../../src/runner/ports.js';

const APK = join(PROJECT_ROOT, 'samples', 'android-violating.apk');
const PKG = 'cn.gov.example.dangjian';

interface Closable {
  close(): Promise<void>;
}

describe('a real UiAutomator2 session on the simulated Android device', () => {
  let handle: SimAndroidHandle;
  let server: Closable;
  let browser: WebdriverIO.Browser;
  let startMs = 0;
  let startCalls = { adb: 0, http: 0 };

  before(async () => {
    handle = await startSimAndroid();
    process.env.ANDROID_HOME = handle.androidHome;
    process.env.ANDROID_SDK_ROOT = handle.androidHome;
    useProjectAppiumHome();
    const port = await freePort();
    const { main } = await import('appium');
    server = await main({ address: '127.0.0.1', port, loglevel: 'error', useDrivers: ['uiautomator2'] });
    const { remote } = await import('webdriverio');
    const t0 = Date.now();
    browser = await remote({
      hostname: '127.0.0.1', port, path: '/', logLevel: 'silent', connectionRetryCount: 0,
      capabilities: {
        platformName: 'Android', 'appium:automationName': 'UiAutomator2', 'appium:udid': handle.udid, 'appium:app': APK,
        'appium:systemPort': await freePort(), 'appium:newCommandTimeout': 120, 'appium:uiautomator2ServerLaunchTimeout': 30_000,
      },
    });
    startMs = Date.now() - t0;
    startCalls = { adb: handle.sim.counters.adb, http: handle.sim.counters.http };
  });

  after(async () => {
    await browser?.deleteSession().catch(() => undefined);
    await server?.close();
    const c = handle?.sim.counters;
    if (c) {
      console.log(`session start: ${startMs} ms, ${startCalls.adb} adb calls, ${startCalls.http} HTTP calls; whole test: ${c.adb} adb, ${c.http} HTTP`);
      console.log(`adb calls by command: ${JSON.stringify(Object.fromEntries(c.adbByCommand))}`);
      console.log(`HTTP calls by route: ${JSON.stringify(Object.fromEntries(c.httpByRoute))}`);
      console.log(`unknown to the double: ${JSON.stringify(c.unknown)}`);
    }
    await handle?.stop();
  });

  it('installed the APK from appium:app and launched it cold, honouring the model cold start', () => {
    assert.ok(handle.sim.device.packages.has(PKG));
    assert.ok(handle.sim.device.packages.has('io.appium.uiautomator2.server'));
    assert.equal(handle.sim.device.foreground(), PKG);
    assert.ok(startMs >= 5600, `the 5.6 s scripted cold start is part of session start (${startMs} ms)`);
  });

  it('keeps the proxy\'s idle connection open past 5 s, as the on-device server does', async () => {
    // Node closes an idle connection after 5 s by default; a command sent just then met a reset socket.
    const before = handle.sim.counters.serverConnections;
    await new Promise((r) => setTimeout(r, 5500));
    const http = handle.sim.counters.http;
    await browser.getPageSource();
    assert.ok(handle.sim.counters.http > http, 'the command reached the on-device server');
    assert.equal(handle.sim.counters.serverConnections, before, 'the command reused the idle connection');
  });

  it('serves the UiAutomator2 hierarchy of the first screen', async () => {
    const source = await browser.getPageSource();
    assert.match(source, /^<\?xml[^>]*>\s*<hierarchy index="0" class="hierarchy" rotation="0" width="1080" height="2400">/);
    // The first screen asks for the camera 1.5 s after it shows (the app model): on a loaded host the hierarchy
    // may already be that request, the permission controller's dialog drawn over the app, naming it.
    assert.match(source, /package="cn\.gov\.example\.dangjian"|package="com\.android\.permissioncontroller"[^>]*text="要允许“智慧党建云”/);
  });

  it('shows the launch-time permission dialogs of the permission controller; denying both returns to the app', async () => {
    for (const permission of ['android.permission.CAMERA', 'android.permission.ACCESS_FINE_LOCATION']) {
      const deny = browser.$('id=com.android.permissioncontroller:id/permission_deny_button');
      await deny.waitForExist({ timeout: 8000 });
      await deny.click();
      assert.equal(handle.sim.device.packages.get(PKG)?.denied.has(permission), true, permission);
    }
    assert.equal(handle.sim.device.focus().pkg, PKG);
  });

  it('taps 马上签到 into the check-in screen', async () => {
    await browser.$('//*[@text="马上签到"]').click();
    const title = browser.$('id=cn.gov.example.dangjian:id/toolbar_title');
    assert.equal(await title.getText(), '每日签到');
    assert.match(await browser.getPageSource(), /今日未签到/);
  });

  it('takes a full-screen PNG screenshot', async () => {
    const png = Buffer.from(await browser.takeScreenshot(), 'base64');
    const meta = await sharp(png).metadata();
    assert.equal(meta.format, 'png');
    assert.deepEqual([meta.width, meta.height], [1080, 2400]);
  });
});
