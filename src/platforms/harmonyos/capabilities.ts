/**
 * W3C capabilities of a HarmonyOS session: our appium-harmonyos-driver on the prepared device (its hdc,
 * udid, optional remote hdc server), the submitted HAP installed, permission requests left to the app
 * (no `-g`: the explorer must see the dialogs).
 */
import type { DeviceProfile } from '../../devices/profile.js';
import type { AppUnderTest, DeviceSlot } from '../platform.js';
import type { PreparedHarmonyDevice } from './device-file.js';

const COMMAND_TIMEOUT_S = 180;

/** Capabilities for the prepared device; the slot's udid/host (an inventory entry) win over the prepared ones. */
export function harmonyCapabilities(_profile: DeviceProfile, slot: DeviceSlot, app: AppUnderTest, device: PreparedHarmonyDevice): WebdriverIO.Capabilities {
  if (!app.packageFile) throw new Error('A HarmonyOS session needs the .hap to install (app.packageFile).');
  const caps: Record<string, unknown> = {
    platformName: 'HarmonyOS',
    'appium:automationName': 'HarmonyOS',
    'appium:udid': slot.udid ?? device.udid,
    'appium:app': app.packageFile,
    'appium:hdcPath': device.hdcPath,
    ...(device.hdcServer ? { 'appium:hdcServer': device.hdcServer } : {}),
    ...(device.bundleName ? { 'appium:bundleName': device.bundleName } : {}),
    ...(device.abilityName ? { 'appium:abilityName': device.abilityName } : {}),
    'appium:autoGrantPermissions': false,
    'appium:noReset': false,
    'appium:newCommandTimeout': COMMAND_TIMEOUT_S,
    'wdio:enforceWebDriverClassic': true,
  };
  return caps;
}
