/**
 * The HarmonyOS NEXT platform: a .hap installed and driven through our appium-harmonyos-driver
 * (drivers/appium-harmonyos-driver) over hdc, on a real device or the simulated one. No probe tools
 * yet: probes that need one are recorded skipped, naming it.
 */
import type { Platform } from '../platform.js';
import { harmonyCapabilities } from './capabilities.js';
import { readPreparedHarmonyDevice } from './device-file.js';
import { HarmonySession } from './harmony-session.js';
import type { HarmonyBrowser } from './harmony-browser.js';
import { assertHarmonyTools } from './system-check.js';

export const HARMONYOS_PLATFORM: Platform = {
  id: 'harmonyos',
  title: 'HarmonyOS NEXT',
  appiumDriver: 'harmonyos',
  systemCheck: () => assertHarmonyTools(true),
  capabilities(profile, slot, app) {
    const device = readPreparedHarmonyDevice(slot.scratchDir);
    if (!device) throw new Error('The HarmonyOS device was not prepared for this run (harmonyos-device.json is missing from the scratch folder).');
    return harmonyCapabilities(profile, slot, app, device);
  },
  openSession(browser, { profile, slot }) {
    const device = readPreparedHarmonyDevice(slot.scratchDir);
    if (!device?.bundleName) throw new Error('A HarmonyOS session needs the bundle name from the package reader.');
    const exploration = profile.exploration ?? {};
    return new HarmonySession(browser as unknown as HarmonyBrowser, { bundleName: device.bundleName, ...(device.abilityName ? { abilityName: device.abilityName } : {}) }, {
      ...(exploration.settleQuietMs !== undefined ? { settleQuietMs: exploration.settleQuietMs } : {}),
      ...(exploration.settleMaxMs !== undefined ? { settleMaxMs: exploration.settleMaxMs } : {}),
    });
  },
  probeTools: () => ({}),
};
