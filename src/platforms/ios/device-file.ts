/**
 * What the CLI process prepared for the iOS session (device-setup.ts), written to the run's
 * scratch folder so the WebdriverIO launcher and worker (other processes) use the same device,
 * WebDriverAgent and proxy journal.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const IOS_DEVICE_FILE = 'ios-device.json';

export interface PreparedIosDevice {
  simulated: boolean;
  udid?: string;
  /** Given for the simulated iPhone (the driver reads a real one's through usbmuxd). */
  platformVersion?: string;
  /** A reachable WebDriverAgent (the double's, or a real device's forwarded port). */
  wdaUrl?: string;
  bundleId: string;
  /** CFBundleDisplayName: the application element's label while the app is in front. */
  appName: string;
  /** The Info.plist usage keys the app declares (what the permission probe resets). */
  usageKeys?: string[];
  /** The capture proxy's journal, when the device's traffic goes through it. */
  proxy?: { port: number; journalDir: string; caCertPath: string };
  /** Why the network is not observed. */
  networkNotObserved?: string;
}

export function writePreparedIosDevice(scratchDir: string, device: PreparedIosDevice): void {
  writeFileSync(join(scratchDir, IOS_DEVICE_FILE), JSON.stringify(device, null, 2));
}

/** Reads it back (launcher, worker); undefined before the CLI prepared it. */
export function readPreparedIosDevice(scratchDir: string): PreparedIosDevice | undefined {
  const file = join(scratchDir, IOS_DEVICE_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PreparedIosDevice) : undefined;
}
