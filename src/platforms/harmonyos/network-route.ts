/**
 * The capture proxy of a HarmonyOS run and the device's route to it. No documented hdc command or shell
 * parameter sets a HarmonyOS NEXT device's global proxy (the app-level `setAppHttpProxy` is the app's own
 * code): the lab sets 设置 › WLAN › <network> › 代理 (manual) to 127.0.0.1:<port> once per device and
 * declares that port in the inventory (`ports.proxy`); each run then starts the proxy on that port and
 * `hdc rport tcp:<port> tcp:<port>` makes the device's loopback port lead to it. HTTPS is decrypted only
 * with the CA the lab installed on the device by hand (设置 › 证书 › CA 证书), handed over as
 * GOVAPP_AUDIT_LAB_CA (a folder with ca.key and ca.pem). The simulated device gets the same route; its
 * "hand" is setWlanProxy. Sources: docs/harmonyos.md § Network.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SimHarmony } from '../../sim/harmonyos/sim-harmonyos.js';
import { freePort } from '../android/free-port.js';
import type { DeviceSlot } from '../platform.js';
import { startJournaledProxy } from '../shared/network-proxy/journaled-proxy.js';
import type { PreparedHarmonyDevice } from './device-file.js';

const run = promisify(execFile);
export const LAB_CA_ENV = 'GOVAPP_AUDIT_LAB_CA';

/** Why a real device's requests are not observed when the inventory does not say its WLAN proxy was set by hand. */
export const NO_HAND_SET_PROXY = '鸿蒙设备的全局代理没有文档化的 hdc 命令可设置（只能在 设置 › WLAN › 代理 中手动设置），设备清单也未声明该设备已手动指向实验室代理端口（ports.proxy），应用的网络请求未被观察';

type Stops = (() => Promise<unknown>)[];

/** The lab CA from the environment, when its folder holds ca.key and ca.pem. */
export function labCa(env: NodeJS.ProcessEnv = process.env): { keyPath: string; certPath: string } | undefined {
  const dir = env[LAB_CA_ENV];
  if (!dir) return undefined;
  const keyPath = join(dir, 'ca.key');
  const certPath = join(dir, 'ca.pem');
  if (!existsSync(keyPath) || !existsSync(certPath)) throw new Error(`${LAB_CA_ENV}=${dir} must hold ca.key and ca.pem (the CA installed on the lab's HarmonyOS devices)`);
  return { keyPath, certPath };
}

/** Starts the proxy and the device's route to it; records the route (or why there is none) on `device`. */
export async function routeHarmonyThroughProxy(device: PreparedHarmonyDevice, slot: DeviceSlot, sim: SimHarmony | undefined, stops: Stops): Promise<void> {
  if (!sim && !slot.ports.proxy) {
    device.networkNotObserved = NO_HAND_SET_PROXY;
    return;
  }
  const port = slot.ports.proxy ?? (await freePort());
  const ca = sim ? undefined : labCa();
  const { proxy, journalDir } = await startJournaledProxy({ scratchDir: slot.scratchDir, port, upstream: sim ? 'answer-locally' : 'pass-through', ...(ca ? { ca } : {}) }, join(slot.scratchDir, 'harmonyos-proxy'), stops);
  try {
    await hdcTask(device, ['rport', `tcp:${port}`, `tcp:${port}`]);
    stops.push(() => hdcTask(device, ['fport', 'rm', `tcp:${port}`, `tcp:${port}`]));
    if (sim) {
      sim.setWlanProxy(`127.0.0.1:${port}`);
      // Off first on the way out, as the lab would: a phone left pointing at a dead proxy has no network.
      stops.push(() => { sim.setWlanProxy(undefined); return Promise.resolve(); });
    }
    device.proxy = { port, journalDir, caCertPath: proxy.caCertPath };
  } catch (error) {
    device.networkNotObserved = `设备流量未能经实验室代理（${error instanceof Error ? error.message : String(error)}）`;
  }
}

/** One hdc port task; hdc's exit code is unreliable, so its output must say `result:OK` or `success`. */
async function hdcTask(device: PreparedHarmonyDevice, args: string[]): Promise<string> {
  const { stdout } = await run(device.hdcPath, [...(device.hdcServer ? ['-s', device.hdcServer] : []), '-t', device.udid, ...args], { timeout: 20_000 });
  if (!/result:OK|success/i.test(stdout)) throw new Error(`hdc ${args.join(' ')}: ${stdout.trim() || 'no output'}`);
  return stdout;
}
