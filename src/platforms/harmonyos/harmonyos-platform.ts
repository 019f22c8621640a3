/**
 * The HarmonyOS NEXT platform: a .hap installed and driven through our appium-harmonyos-driver
 * (drivers/appium-harmonyos-driver) over hdc, on a real device or the simulated one (a profile with
 * `"simulated": true`). Probe tools: permission control and a performance meter (probe-tools.ts).
 */
import type { Platform, SessionContext } from '../platform.js';
import { harmonyProbeTools } from './probe-tools.js';
import { harmonyCapabilities } from './capabilities.js';
import { readPreparedHarmonyDevice } from './device-file.js';
import { HarmonySession } from './harmony-session.js';
import type { AppiumBrowser } from '../shared/appium-browser.js';
import { assertHarmonyTools } from './system-check.js';
import { prepareHarmonyDevice } from './device-setup.js';
import { journalReader } from '../shared/network-proxy/journal-readers.js';

export const HARMONYOS_PLATFORM: Platform = {
  id: 'harmonyos',
  title: 'HarmonyOS NEXT',
  appiumDriver: 'harmonyos',
  // Whether hdc is needed depends on the profile (a simulated device brings its own): prepareRun checks it.
  systemCheck: () => assertHarmonyTools(true),
  async prepareRun({ app, profile, slot, facts }) {
    const bundleName = facts?.identity.packageName;
    const handle = await prepareHarmonyDevice(profile, slot, app, bundleName ? { bundleName } : {});
    return { env: {}, simulated: handle.device.simulated, stop: () => handle.stop() };
  },
  capabilities(profile, slot, app) {
    const device = readPreparedHarmonyDevice(slot.scratchDir);
    if (!device) throw new Error('The HarmonyOS device was not prepared for this run (harmonyos-device.json is missing from the scratch folder).');
    return harmonyCapabilities(profile, slot, app, device);
  },
  openSession: (browser, ctx) => sessionOf(browser, ctx),
  probeTools(browser, ctx) {
    if (!ctx.store) throw new Error('The HarmonyOS probe tools need the run\'s evidence store.');
    return harmonyProbeTools(browser as unknown as AppiumBrowser, sessionOf(browser, ctx), ctx.store, ctx.profile.budgets);
  },
};

/** One HarmonySession per WebdriverIO session: the explorer, the probes and their tools share its prompts and launches. */
const sessions = new WeakMap<object, HarmonySession>();

function sessionOf(browser: WebdriverIO.Browser, { profile, slot }: SessionContext): HarmonySession {
  const known = sessions.get(browser);
  if (known) return known;
  const device = readPreparedHarmonyDevice(slot.scratchDir);
  if (!device?.bundleName) throw new Error('A HarmonyOS session needs the bundle name from the package reader.');
  const exploration = profile.exploration ?? {};
  const session = new HarmonySession(browser as unknown as AppiumBrowser, { bundleName: device.bundleName, ...(device.abilityName ? { abilityName: device.abilityName } : {}) }, {
    ...(device.proxy ? { network: journalReader(device.proxy.journalDir) } : {}),
    ...(exploration.settleQuietMs !== undefined ? { settleQuietMs: exploration.settleQuietMs } : {}),
    ...(exploration.settleMaxMs !== undefined ? { settleMaxMs: exploration.settleMaxMs } : {}),
  });
  sessions.set(browser, session);
  return session;
}
