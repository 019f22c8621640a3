/**
 * What the CLI process prepared for a HarmonyOS session (a real device reached through hdc, or the
 * simulated one started by device-setup.ts), written to the run's scratch folder so the WebdriverIO
 * launcher and worker (other processes) use the same device.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HARMONY_DEVICE_FILE = 'harmonyos-device.json';

export interface PreparedHarmonyDevice {
  udid: string;
  /** The hdc executable (the simulated hdc script for a simulated device). */
  hdcPath: string;
  /** `host:port` of a remote hdc server (a farm host), when the device is not on this host. */
  hdcServer?: string;
  simulated: boolean;
  /** From the package reader: the bundle and its main ability. */
  bundleName?: string;
  abilityName?: string;
  /** The capture proxy the device's traffic reaches (hdc rport), its journal and the CA it signs with. */
  proxy?: { port: number; journalDir: string; caCertPath: string };
  /** Why the device's requests are not observed, when they are not. */
  networkNotObserved?: string;
}

/** Writes the prepared device into the scratch folder. */
export function writePreparedHarmonyDevice(scratchDir: string, device: PreparedHarmonyDevice): void {
  writeFileSync(join(scratchDir, HARMONY_DEVICE_FILE), JSON.stringify(device, null, 2));
}

/** Reads it back (launcher, worker); undefined before the CLI prepared it. */
export function readPreparedHarmonyDevice(scratchDir: string): PreparedHarmonyDevice | undefined {
  const file = join(scratchDir, HARMONY_DEVICE_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PreparedHarmonyDevice) : undefined;
}
