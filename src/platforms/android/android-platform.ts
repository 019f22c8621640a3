/**
 * The Android platform: the submitted APK installed and driven through Appium 3's unmodified
 * UiAutomator2 driver on a real device, an emulator, or the simulated device (a profile with
 * `"simulated": true`). `mobile: shell` is allowed (`uiautomator2:adb_shell`) for `am start -W`,
 * `dumpsys`, `appops` and `date`.
 */
import type { Platform, SessionContext } from '../platform.js';
import { AndroidSession } from './android-session.js';
import { androidCapabilities } from './capabilities.js';
import { readPreparedDevice } from './device-file.js';
import { isSimulated, prepareAndroidRun } from './device-setup.js';
import { journalReader } from '../shared/network-proxy/journal-readers.js';
import { androidProbeTools } from './probe-tools.js';
import type { AppiumBrowser } from '../shared/appium-browser.js';
import { assertAndroidTools } from './system-check.js';

export const ADB_SHELL_FEATURE = 'uiautomator2:adb_shell';

function prepared(scratchDir: string) {
  const device = readPreparedDevice(scratchDir);
  if (!device) throw new Error('The Android device was not prepared for this run (android-device.json is missing from the scratch folder).');
  return device;
}

export const ANDROID_PLATFORM: Platform = {
  id: 'android',
  title: 'Android（UiAutomator2）',
  appiumDriver: 'uiautomator2',
  appiumArgs: { allowInsecure: [ADB_SHELL_FEATURE] },
  systemCheck: () => assertAndroidTools(false),
  async prepareRun({ profile, slot, facts }) {
    assertAndroidTools(isSimulated(profile));
    const run = await prepareAndroidRun(profile, slot, facts);
    return { env: run.env, simulated: run.device.simulated, stop: () => run.stop() };
  },
  capabilities: (profile, slot, app) => androidCapabilities(profile, slot, app, prepared(slot.scratchDir)),
  openSession: (browser, ctx) => sessionOf(browser, ctx),
  probeTools(browser, ctx) {
    if (!ctx.store) throw new Error('The Android probe tools need the run\'s evidence store.');
    return androidProbeTools(sessionOf(browser, ctx), ctx.store, ctx.profile.budgets);
  },
};

/**
 * One AndroidSession per WebdriverIO session: the explorer, every probe test and the probe tools share
 * it (the prompts answered, the launches measured, the logcat read and the proxy journal's position).
 */
const sessions = new WeakMap<object, AndroidSession>();

function sessionOf(browser: WebdriverIO.Browser, { profile, slot }: SessionContext): AndroidSession {
  const known = sessions.get(browser);
  if (known) return known;
  const device = prepared(slot.scratchDir);
  if (!device.packageName) throw new Error('The package name of the app under test is unknown (the package reader found none).');
  const exploration = profile.exploration ?? {};
  // WebdriverIO's execute() result type is its own transform of T: the session asks for the plain value.
  const session = new AndroidSession(browser as unknown as AppiumBrowser, { packageName: device.packageName, ...(device.activity ? { activity: device.activity } : {}) }, {
    shell: true,
    ...(device.proxy ? { network: journalReader(device.proxy.journalDir) } : {}),
    ...(exploration.settleQuietMs !== undefined ? { settleQuietMs: exploration.settleQuietMs } : {}),
    ...(exploration.settleMaxMs !== undefined ? { settleMaxMs: exploration.settleMaxMs } : {}),
  });
  sessions.set(browser, session);
  return session;
}
