/**
 * W3C capabilities of an XCUITest session. Three kinds of host:
 * - a Linux lab host with a real iPhone whose WebDriverAgent is preinstalled and reachable (the
 *   inventory gives its host and `wdaLocalPort`): `appium:webDriverAgentUrl` + udid; the driver
 *   reads the iOS version and installs the .ipa through usbmuxd;
 * - a host where the driver starts the preinstalled WDA itself (no reachable URL given):
 *   `appium:usePreinstalledWDA` (real devices, iOS 17+; on macOS also simulators and xcodebuild);
 * - the simulated iPhone (profile `simulated: true`): the fake WDA over the device engine at
 *   `wdaLocalPort`, its fixed udid and iOS version, the app already installed on it.
 */
import type { DeviceProfile } from '../../devices/profile.js';
import type { AppUnderTest, DeviceSlot } from '../platform.js';
import type { PreparedIosDevice } from './device-file.js';

/** What the simulated iPhone reports (src/sim/ios). */
export const SIM_IOS = { udid: '00008110-0000SIMULATED0', platformVersion: '17.4', deviceName: 'iPhone 15（模拟设备）' } as const;

/** True for a profile that names the simulated device. */
export function isSimulated(profile: DeviceProfile): boolean {
  return (profile as DeviceProfile & { simulated?: boolean }).simulated === true;
}

/** The WDA URL a slot points at, when it names one. */
export function wdaUrlOf(slot: DeviceSlot): string | undefined {
  return slot.ports.wdaLocalPort ? `http://${slot.host ?? '127.0.0.1'}:${slot.ports.wdaLocalPort}` : undefined;
}

/** Capabilities for the XCUITest driver on this slot (and the device the CLI prepared, when it did). */
export function iosCapabilities(profile: DeviceProfile, slot: DeviceSlot, app: AppUnderTest, prepared?: PreparedIosDevice): WebdriverIO.Capabilities {
  const simulated = isSimulated(profile);
  const url = prepared?.wdaUrl ?? wdaUrlOf(slot);
  const caps: Record<string, unknown> = {
    platformName: 'iOS',
    'appium:automationName': 'XCUITest',
    'appium:deviceName': simulated ? SIM_IOS.deviceName : profile.label,
    'appium:newCommandTimeout': 600,
    'appium:noReset': true,
    'appium:autoAcceptAlerts': false,
    // The session answers alerts itself, by policy, and records each answer as evidence.
    'appium:autoDismissAlerts': false,
    'wdio:enforceWebDriverClassic': true,
  };
  if (simulated) {
    if (!url) throw new Error('The simulated iPhone was not started (no WebDriverAgent URL for it).');
    Object.assign(caps, {
      'appium:udid': prepared?.udid ?? slot.udid ?? SIM_IOS.udid, 'appium:platformVersion': prepared?.platformVersion ?? SIM_IOS.platformVersion,
      'appium:webDriverAgentUrl': url, 'appium:skipLogCapture': true,
    });
    return caps;
  }
  const udid = prepared?.udid ?? slot.udid;
  if (udid) caps['appium:udid'] = udid;
  if (url) caps['appium:webDriverAgentUrl'] = url;
  else Object.assign(caps, { 'appium:usePreinstalledWDA': true, ...(slot.ports.wdaLocalPort ? { 'appium:wdaLocalPort': slot.ports.wdaLocalPort } : {}) });
  if (app.packageFile) caps['appium:app'] = app.packageFile;
  return caps;
}
