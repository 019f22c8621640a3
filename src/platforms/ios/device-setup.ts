/**
 * Prepares the iOS device of a run in the CLI process, before Appium starts: the simulated iPhone
 * when the profile says so (its fake WDA then serves the session), and the capture proxy. The
 * double's Wi-Fi proxy is pointed at it; a real iPhone's Wi-Fi proxy cannot be set through
 * WebDriverAgent, so its traffic is observed only when the lab declares the device uses the
 * proxy port (inventory `ports.proxy`), else the network is "not observed" with that reason.
 */
import { join } from 'node:path';
import type { DeviceProfile } from '../../devices/profile.js';
import type { PackageFacts } from '../../package/index.js';
import type { AppUnderTest, DeviceSlot } from '../platform.js';
import { isSimulated, wdaUrlOf } from './capabilities.js';
import { writePreparedIosDevice, type PreparedIosDevice } from './device-file.js';
import { startJournaledProxy } from '../shared/network-proxy/journaled-proxy.js';
import { startSimulatedIos } from './simulated-device.js';


export interface IosRun {
  device: PreparedIosDevice;
  stop(): Promise<void>;
}

/** Starts (or points at) the device and the proxy; writes the prepared device into the scratch folder. */
export async function prepareIosRun(profile: DeviceProfile, slot: DeviceSlot, app: AppUnderTest, facts: PackageFacts | undefined): Promise<IosRun> {
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async (): Promise<void> => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const bundleId = facts?.identity.packageName;
    if (!bundleId) throw new Error('the .ipa has no CFBundleIdentifier the session could launch');
    const simulated = isSimulated(profile);
    const sim = simulated ? await startSimulatedIos(app.packageFile ?? app.target) : undefined;
    if (sim) stops.push(() => sim.stop());
    const wdaUrl = sim?.wdaUrl ?? wdaUrlOf(slot);
    const device: PreparedIosDevice = {
      simulated, bundleId, appName: facts?.identity.label ?? bundleId,
      usageKeys: (facts?.permissions ?? []).map((p) => p.name).filter((name) => /^NS\w+UsageDescription$/.test(name)),
      ...(sim ? { udid: sim.udid, platformVersion: sim.platformVersion } : slot.udid ? { udid: slot.udid } : {}),
      ...(wdaUrl ? { wdaUrl } : {}),
    };
    if (sim || slot.ports.proxy) await startProxy(device, slot, sim, stops);
    else device.networkNotObserved = '真机 iPhone 的 Wi-Fi 代理无法经 WebDriverAgent 设置，设备清单也未声明其使用实验室代理端口（ports.proxy），应用的网络请求未被观察';
    writePreparedIosDevice(slot.scratchDir, device);
    return { device, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startProxy(device: PreparedIosDevice, slot: DeviceSlot, sim: Awaited<ReturnType<typeof startSimulatedIos>> | undefined, stops: (() => Promise<unknown>)[]): Promise<void> {
  // Without a declared port mockttp takes the first free one from 8000.
  const { proxy, journalDir } = await startJournaledProxy({ scratchDir: slot.scratchDir, ...(slot.ports.proxy ? { port: slot.ports.proxy } : {}), upstream: sim ? 'answer-locally' : 'pass-through' }, join(slot.scratchDir, 'ios-proxy'), stops);
  if (sim) {
    sim.setProxy(`127.0.0.1:${proxy.port}`);
    // Reset first on the way out, as on a phone: a device left pointing at a dead proxy has no network.
    stops.push(() => { sim.setProxy(undefined); return Promise.resolve(); });
  }
  device.proxy = { port: proxy.port, journalDir, caCertPath: proxy.caCertPath };
}
