/**
 * Prepares the HarmonyOS device of a run in the CLI process, before WebdriverIO starts: the simulated
 * device (profile `simulated: true`: started here, its hdc script given to the driver) or a real one
 * reached through hdc (HDC_PATH or PATH, optionally a remote hdc server), and the capture proxy with the
 * device's route to it (network-route.ts). The result is written to the scratch folder for the launcher and
 * worker (device-file.ts). stop() undoes it in reverse order (the WLAN proxy of the double first).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AuditError } from '../../core/errors.js';
import type { DeviceProfile } from '../../devices/profile.js';
import { startSimHarmony } from '../../sim/harmonyos/start-sim-harmonyos.js';
import type { AppUnderTest, DeviceSlot } from '../platform.js';
import { writePreparedHarmonyDevice, type PreparedHarmonyDevice } from './device-file.js';
import { routeHarmonyThroughProxy } from './network-route.js';
import { assertHarmonyTools, findHdc } from './system-check.js';

const run = promisify(execFile);

export interface HarmonyDeviceHandle {
  device: PreparedHarmonyDevice;
  stop(): Promise<void>;
}

/** Starts or finds the device and records it in the scratch folder. */
export async function prepareHarmonyDevice(profile: DeviceProfile, slot: DeviceSlot, app: AppUnderTest, bundle: { bundleName?: string; abilityName?: string }): Promise<HarmonyDeviceHandle> {
  const simulated = profile.simulated === true;
  assertHarmonyTools(simulated);
  if (!app.packageFile) throw new AuditError('unsupported-platform', 'A HarmonyOS run needs a .hap (or .app) file to install.');
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async (): Promise<void> => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const sim = simulated ? await startSimHarmony() : undefined;
    if (sim) stops.push(() => sim.stop());
    const device: PreparedHarmonyDevice = sim ? { udid: sim.udid, hdcPath: sim.hdcPath, simulated: true, ...bundle } : await findReal(slot, bundle);
    await routeHarmonyThroughProxy(device, slot, sim?.sim, stops);
    writePreparedHarmonyDevice(slot.scratchDir, device);
    return { device, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function findReal(slot: DeviceSlot, bundle: { bundleName?: string; abilityName?: string }): Promise<PreparedHarmonyDevice> {
  const hdcPath = findHdc()!;
  const server = slot.host ? `${slot.host}:8710` : undefined;
  const targets = (await run(hdcPath, [...(server ? ['-s', server] : []), 'list', 'targets'], { timeout: 20_000 })).stdout.split(/\r?\n/).map((l) => l.trim().split(/\s+/)[0]!).filter((l) => l && l !== '[Empty]');
  const udid = slot.udid ?? targets[0];
  if (!udid || !targets.includes(udid)) {
    throw new AuditError('runner-failed', `No HarmonyOS device${slot.udid ? ` "${slot.udid}"` : ''} is visible to hdc${server ? ` at ${server}` : ''}: connect it with USB debugging on (hdc list targets printed ${targets.length ? targets.join(', ') : '[Empty]'}).`);
  }
  return { udid, hdcPath, ...(server ? { hdcServer: server } : {}), simulated: false, ...bundle };
}
