/**
 * What the CLI process prepared for the Android session (device-setup.ts), written to the run's
 * scratch folder so the WebdriverIO launcher and worker (other processes, wdio.conf.ts loaded in
 * each) use the same device, ports and proxy journal.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ANDROID_DEVICE_FILE = 'android-device.json';

export interface PreparedAndroidDevice {
  udid: string;
  androidHome: string;
  simulated: boolean;
  systemPort: number;
  mjpegServerPort: number;
  chromedriverPort: number;
  /** The app's package and launchable activity (from the package reader). */
  packageName?: string;
  activity?: string;
  /** The capture proxy's journal (requests.jsonl + undecrypted.json), when the device's traffic goes through it. */
  proxy?: { port: number; journalDir: string };
  /** Why the network is not observed (adb reverse or the proxy setting failed). */
  networkNotObserved?: string;
}

/** Writes the prepared device into the scratch folder. */
export function writePreparedDevice(scratchDir: string, device: PreparedAndroidDevice): void {
  writeFileSync(join(scratchDir, ANDROID_DEVICE_FILE), JSON.stringify(device, null, 2));
}

/** Reads it back (launcher, worker); undefined before the CLI prepared it. */
export function readPreparedDevice(scratchDir: string): PreparedAndroidDevice | undefined {
  const file = join(scratchDir, ANDROID_DEVICE_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PreparedAndroidDevice) : undefined;
}
