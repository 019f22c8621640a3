/**
 * The iOS platform: an .ipa driven through Appium's unmodified XCUITest driver and WebDriverAgent,
 * on a real iPhone (Linux hosts: preinstalled WDA reachable by URL, usbmuxd for installs; macOS:
 * Xcode as usual) or on the simulated iPhone (src/sim/ios: the fake WDA over the device engine).
 * No probe tools yet: launch time, memory and CPU need Instruments (xctrace, macOS only), the
 * clock cannot be moved on iOS, and permission answers are the alert policy of the session.
 */
import { inspectPackage } from '../../package/index.js';
import type { AppUnderTest, Platform } from '../platform.js';
import { iosCapabilities, isSimulated, wdaUrlOf } from './capabilities.js';
import { IosSession, type IosApp } from './ios-session.js';
import { assertIosHost } from './system-check.js';
import type { XcuiBrowser } from './xcui-browser.js';

/** Bundle id and display name from the submitted .ipa. */
export async function iosAppOf(app: AppUnderTest): Promise<IosApp> {
  if (!app.packageFile) throw new Error('An iOS session needs the submitted .ipa (AppUnderTest.packageFile).');
  const { identity } = await inspectPackage(app.packageFile);
  return { bundleId: identity.packageName, name: identity.label ?? identity.packageName };
}

export const IOS_PLATFORM: Platform = {
  id: 'ios',
  title: 'iOS（XCUITest）',
  appiumDriver: 'xcuitest',
  systemCheck: () => assertIosHost({ realDevice: false }),
  capabilities(profile, slot, app) {
    if (!isSimulated(profile)) assertIosHost({ realDevice: true, ...(wdaUrlOf(slot) ? { wdaUrl: wdaUrlOf(slot)! } : {}), ...(app.packageFile ? { packageFile: app.packageFile } : {}) });
    return iosCapabilities(profile, slot, app);
  },
  openSession(browser, { app, profile }) {
    const exploration = profile.exploration ?? {};
    return new IosSession(browser as unknown as XcuiBrowser, iosAppOf(app), {
      ...(exploration.settleQuietMs !== undefined ? { settleQuietMs: exploration.settleQuietMs } : {}),
      ...(exploration.settleMaxMs !== undefined ? { settleMaxMs: exploration.settleMaxMs } : {}),
      simulated: isSimulated(profile),
    });
  },
  probeTools: () => ({}),
};
