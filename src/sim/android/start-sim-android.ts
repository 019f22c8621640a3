/**
 * Starts a simulated Android device and lays out an ANDROID_HOME whose `platform-tools/adb` is the simulated
 * adb script (src/sim/android/adb) and whose `build-tools/debian` is Debian's (aapt2, apksigner.jar), so the
 * unmodified appium-uiautomator2-driver finds everything where appium-adb looks. The device runs in this
 * process; the adb script reaches it through `platform-tools/sim-endpoint`.
 */
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAdbServer } from './adb-server.js';
import { SimAndroid } from './sim-android.js';

export const DEBIAN_BUILD_TOOLS = '/usr/lib/android-sdk/build-tools/debian';
const ADB_SCRIPT = fileURLToPath(new URL('./adb', import.meta.url));

export interface SimAndroidHandle {
  /** Put this in ANDROID_HOME (and ANDROID_SDK_ROOT) for Appium. */
  androidHome: string;
  udid: string;
  /** The device, for tests and figures (installed packages, sent requests, call counters). */
  sim: SimAndroid;
  stop(): Promise<void>;
}

export interface StartSimAndroidOptions {
  udid?: string;
  /** Where to create the ANDROID_HOME (a fresh temp folder by default). */
  dir?: string;
}

/** Starts the device process and its ANDROID_HOME. */
export async function startSimAndroid(options: StartSimAndroidOptions = {}): Promise<SimAndroidHandle> {
  const udid = options.udid ?? 'sim-android-5554';
  const sim = new SimAndroid(udid);
  const endpoint = await startAdbServer(sim);
  const home = options.dir ?? mkdtempSync(join(tmpdir(), 'govapp-sim-android-'));
  const tools = join(home, 'platform-tools');
  mkdirSync(tools, { recursive: true });
  mkdirSync(join(home, 'build-tools'), { recursive: true });
  const adb = join(tools, 'adb');
  if (!existsSync(adb)) symlinkSync(ADB_SCRIPT, adb);
  const buildTools = join(home, 'build-tools', 'debian');
  if (!existsSync(buildTools)) symlinkSync(DEBIAN_BUILD_TOOLS, buildTools);
  writeFileSync(join(tools, 'sim-endpoint'), endpoint.url + '\n');
  return {
    androidHome: home,
    udid,
    sim,
    async stop() {
      await sim.close();
      await endpoint.close();
      if (!options.dir) rmSync(home, { recursive: true, force: true });
    },
  };
}
