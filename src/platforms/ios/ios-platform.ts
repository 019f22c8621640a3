/**
 * The iOS platform: an .ipa driven through Appium's unmodified XCUITest driver and WebDriverAgent,
 * on a real iPhone (Linux hosts: preinstalled WDA reachable by URL, usbmuxd for installs; macOS:
 * Xcode as usual) or on the simulated iPhone (src/sim/ios: the fake WDA over the device engine).
 * Probe tools: permission control and the network tap (probe-tools.ts says why the others are absent).
 */
import { readFileSync } from 'node:fs';
import { journalReader } from '../shared/network-proxy/journal-readers.js';
import type { Platform, SessionContext } from '../platform.js';
import { iosCapabilities, isSimulated, wdaUrlOf } from './capabilities.js';
import { readPreparedIosDevice, type PreparedIosDevice } from './device-file.js';
import { prepareIosRun } from './device-setup.js';
import { IosSession } from './ios-session.js';
import { iosProbeTools } from './probe-tools.js';
import { assertIosHost } from './system-check.js';
import type { XcuiBrowser } from './xcui-browser.js';

function prepared(scratchDir: string): PreparedIosDevice {
  const device = readPreparedIosDevice(scratchDir);
  if (!device) throw new Error('The iOS device was not prepared for this run (ios-device.json is missing from the scratch folder).');
  return device;
}

export const IOS_PLATFORM: Platform = {
  id: 'ios',
  title: 'iOS（XCUITest）',
  appiumDriver: 'xcuitest',
  systemCheck: () => assertIosHost({ realDevice: false }),
  async prepareRun({ profile, slot, app, facts }) {
    const simulated = isSimulated(profile);
    const url = wdaUrlOf(slot);
    if (!simulated) assertIosHost({ realDevice: true, ...(url ? { wdaUrl: url } : {}), ...(app.packageFile ? { packageFile: app.packageFile } : {}) });
    const run = await prepareIosRun(profile, slot, app, facts);
    return { env: {}, simulated, stop: () => run.stop() };
  },
  capabilities: (profile, slot, app) => iosCapabilities(profile, slot, app, readPreparedIosDevice(slot.scratchDir)),
  openSession: (browser, ctx) => sessionOf(browser, ctx),
  probeTools: (browser, ctx) => iosProbeTools(sessionOf(browser, ctx), prepared(ctx.slot.scratchDir).usageKeys ?? []),
};

/** One IosSession per WebdriverIO session: the explorer, the probes and their tools share it (prompts, launches, window). */
const sessions = new WeakMap<object, IosSession>();

function sessionOf(browser: WebdriverIO.Browser, { profile, slot }: SessionContext): IosSession {
  const known = sessions.get(browser);
  if (known) return known;
  const device = prepared(slot.scratchDir);
  const exploration = profile.exploration ?? {};
  const session = new IosSession(browser as unknown as XcuiBrowser, { bundleId: device.bundleId, name: device.appName }, {
    simulated: device.simulated,
    ...(device.proxy ? { network: journalReader(device.proxy.journalDir) } : {}),
    // The double trusts the lab CA as a configured iPhone would; a real one gets it installed where the driver can.
    ...(device.proxy && !device.simulated ? { labCa: readFileSync(device.proxy.caCertPath).toString('base64') } : {}),
    ...(exploration.settleQuietMs !== undefined ? { settleQuietMs: exploration.settleQuietMs } : {}),
    ...(exploration.settleMaxMs !== undefined ? { settleMaxMs: exploration.settleMaxMs } : {}),
  });
  sessions.set(browser, session);
  return session;
}
