/**
 * W3C capabilities of an Android session: Appium's UiAutomator2 driver on the prepared device (udid and
 * the per-device ports, so two devices on one host never collide), the submitted APK installed, the
 * permission prompts left to the app (autoGrantPermissions false: the explorer must see them), a local
 * chromedriver for WebView contexts (never a download).
 */
import type { DeviceProfile } from '../../devices/profile.js';
import type { AppUnderTest, DeviceSlot } from '../platform.js';
import type { PreparedAndroidDevice } from './device-file.js';

export const LOCAL_CHROMEDRIVER = '/usr/bin/chromedriver';
const COMMAND_TIMEOUT_S = 180;

/** Capabilities for the prepared device; the slot's ports (an inventory entry) win over the prepared ones. */
export function androidCapabilities(_profile: DeviceProfile, slot: DeviceSlot, app: AppUnderTest, device: PreparedAndroidDevice): WebdriverIO.Capabilities {
  if (!app.packageFile) throw new Error('An Android session needs the APK to install (app.packageFile).');
  return {
    platformName: 'Android',
    'appium:automationName': 'UiAutomator2',
    'appium:udid': slot.udid ?? device.udid,
    'appium:app': app.packageFile,
    ...(device.packageName ? { 'appium:appPackage': device.packageName } : {}),
    ...(device.activity ? { 'appium:appActivity': device.activity } : {}),
    'appium:autoGrantPermissions': false,
    'appium:noReset': false,
    'appium:systemPort': slot.ports.systemPort ?? device.systemPort,
    'appium:mjpegServerPort': slot.ports.mjpegServerPort ?? device.mjpegServerPort,
    'appium:chromedriverPort': slot.ports.chromedriverPort ?? device.chromedriverPort,
    'appium:chromedriverExecutable': LOCAL_CHROMEDRIVER,
    'appium:newCommandTimeout': COMMAND_TIMEOUT_S,
    'appium:uiautomator2ServerInstallTimeout': 60_000,
    'appium:adbExecTimeout': 30_000,
  };
}
