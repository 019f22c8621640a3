/**
 * Prepares the Android device of a run, in the CLI process, before Appium starts: the simulated
 * device when the profile says so (its ANDROID_HOME then replaces the host's for Appium), the
 * per-device ports, and the capture proxy with the device's traffic routed to it (`adb reverse` +
 * `settings put global http_proxy`). Everything is undone by stop(), the proxy setting first.
 */
import { join } from 'node:path';
import type { DeviceProfile } from '../../devices/profile.js';
import type { PackageFacts } from '../../package/index.js';
import { freePort } from './free-port.js';
import type { DeviceSlot } from '../platform.js';
import { adbFor, firstDevice, type Adb } from './adb.js';
import { writePreparedDevice, type PreparedAndroidDevice } from './device-file.js';
import { androidHome } from './system-check.js';
import { startJournaledProxy } from '../shared/network-proxy/journaled-proxy.js';
import { startSimulatedAndroid } from './simulated-device.js';

export interface AndroidRun {
  device: PreparedAndroidDevice;
  /** Environment Appium must run with (ANDROID_HOME of the device). */
  env: Record<string, string>;
  stop: () => Promise<void>;
}


/** True when the profile asks for the simulated device (contracts item 4). */
export function isSimulated(profile: DeviceProfile): boolean {
  return (profile as { simulated?: boolean }).simulated === true;
}

/** The launchable activity the package declares (the reader's entry points), if any. */
export function launchActivity(facts: PackageFacts | undefined): string | undefined {
  return facts?.entryPoints.find((e) => e.kind === 'activity')?.name;
}

/** Starts (or finds) the device, the proxy and the routes; writes the prepared device into the scratch folder. */
export async function prepareAndroidRun(profile: DeviceProfile, slot: DeviceSlot, facts: PackageFacts | undefined): Promise<AndroidRun> {
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async (): Promise<void> => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const simulated = isSimulated(profile);
    const sim = simulated ? await startSimulatedAndroid(slot.udid) : undefined;
    if (sim) stops.push(() => sim.stop());
    const home = sim?.androidHome ?? androidHome();
    const udid = sim?.udid ?? slot.udid ?? (await firstDevice(home));
    if (!udid) throw new Error(`no Android device is connected (${join(home, 'platform-tools', 'adb')} devices lists none); attach one or use --device sim-android`);
    const adb = adbFor(home, udid);
    const device: PreparedAndroidDevice = {
      udid, androidHome: home, simulated,
      systemPort: slot.ports.systemPort ?? (await freePort()),
      mjpegServerPort: slot.ports.mjpegServerPort ?? (await freePort()),
      chromedriverPort: slot.ports.chromedriverPort ?? (await freePort()),
      ...(facts?.identity.packageName ? { packageName: facts.identity.packageName } : {}),
      ...(launchActivity(facts) ? { activity: launchActivity(facts)! } : {}),
    };
    await routeThroughProxy(device, adb, slot, stops);
    writePreparedDevice(slot.scratchDir, device);
    return { device, env: { ANDROID_HOME: home, ANDROID_SDK_ROOT: home }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The capture proxy and the device's route to it; a route that fails leaves the network unobserved, with the reason. */
async function routeThroughProxy(device: PreparedAndroidDevice, adb: Adb, slot: DeviceSlot, stops: (() => Promise<unknown>)[]): Promise<void> {
  const { proxy, journalDir } = await startJournaledProxy({ scratchDir: slot.scratchDir, port: slot.ports.proxy ?? (await freePort()), upstream: device.simulated ? 'answer-locally' : 'pass-through' }, join(slot.scratchDir, 'android-proxy'), stops);
  const port = String(proxy.port);
  try {
    await adb.exec('reverse', `tcp:${port}`, `tcp:${port}`);
    stops.push(() => adb.exec('reverse', '--remove', `tcp:${port}`));
    await adb.shell(`settings put global http_proxy 127.0.0.1:${port}`);
    // Reset first on the way out: a phone left pointing at a dead proxy has no network.
    stops.push(() => adb.shell('settings put global http_proxy :0'));
    device.proxy = { port: proxy.port, journalDir };
  } catch (error) {
    device.networkNotObserved = `设备流量未能经实验室代理（${error instanceof Error ? error.message : String(error)}）`;
  }
}
