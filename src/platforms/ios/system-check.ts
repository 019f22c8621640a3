/**
 * What an iOS run needs on this host, said in one sentence when it is missing: the XCUITest
 * driver (an npm dependency), and for a real iPhone on Linux the usbmuxd socket (install, logs)
 * or a reachable WebDriverAgent; macOS hosts have Xcode's tools instead.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AuditError } from '../../core/errors.js';

export const USBMUXD_SOCKET = '/var/run/usbmuxd';

export interface IosHostFacts {
  driverInstalled: boolean;
  platform: NodeJS.Platform;
  usbmuxd: boolean;
}

/** What this host has. */
export function iosHostFacts(): IosHostFacts {
  let driverInstalled = true;
  try {
    createRequire(import.meta.url).resolve('appium-xcuitest-driver/package.json');
  } catch {
    driverInstalled = false;
  }
  return { driverInstalled, platform: process.platform, usbmuxd: existsSync(USBMUXD_SOCKET) };
}

/**
 * The one sentence saying what the host lacks for this kind of device, or undefined when nothing.
 * `realDevice`: a physical iPhone (not the simulated double); `wdaUrl`: a reachable preinstalled WDA.
 */
export function iosHostGap(facts: IosHostFacts, target: { realDevice: boolean; wdaUrl?: string; packageFile?: string }): string | undefined {
  if (!facts.driverInstalled) return 'The XCUITest driver is not installed; run "npm ci" so node_modules has appium-xcuitest-driver 12.13.1.';
  if (!target.realDevice || facts.platform === 'darwin') return undefined;
  if (!target.wdaUrl && !facts.usbmuxd) return `This Linux host cannot reach an iPhone: usbmuxd is not running (${USBMUXD_SOCKET} missing) and no preinstalled WebDriverAgent URL (inventory host and wdaLocalPort) is given; install and start usbmuxd with the device attached, or forward the device's WDA port.`;
  if (target.packageFile && !facts.usbmuxd) return `This Linux host cannot install the .ipa: usbmuxd is not running (${USBMUXD_SOCKET} missing); start usbmuxd with the iPhone attached, or preinstall the app on the device.`;
  return undefined;
}

/** Throws missing-system-dependency with that sentence. */
export function assertIosHost(target: { realDevice: boolean; wdaUrl?: string; packageFile?: string }, facts: IosHostFacts = iosHostFacts()): void {
  const gap = iosHostGap(facts, target);
  if (gap) throw new AuditError('missing-system-dependency', gap);
}
