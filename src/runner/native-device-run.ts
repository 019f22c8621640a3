/**
 * The device side of a run whose app is a package file on a profile of the same platform: the
 * package is read statically first (its facts become evidence, as in a static-only run), then the
 * platform prepares the device (a simulated one when the profile says so) and Appium will run with
 * the environment it gives. stop() undoes the preparation.
 */
import { resolve } from 'node:path';
import type { AppTarget } from '../config/app-target.js';
import type { DeviceProfile } from '../devices/profile.js';
import { EvidenceStore } from '../evidence/store.js';
import type { SecretMask } from '../evidence/secret-mask.js';
import { inspectPackage } from '../package/index.js';
import type { AppUnderTest, DeviceSlot, Platform, PreparedRun } from '../platforms/platform.js';
import { platformOf } from '../platforms/registry.js';

type PackageTarget = Extract<AppTarget, { kind: 'package' }>;

/** True when the package runs on a device: the profile is of the package's platform and that platform runs here. */
export function packageRunsOnDevice(target: PackageTarget, profile: DeviceProfile): boolean {
  return profile.platform === target.platform && !platformOf(target.platform).unavailable && platformOf(target.platform).prepareRun !== undefined;
}

export interface NativeRun {
  app: AppUnderTest & { name?: string };
  prepared: PreparedRun;
}

/** Reads the package into the evidence, prepares the device and sets Appium's environment. */
export async function prepareNativeRun(target: PackageTarget, platform: Platform, profile: DeviceProfile, slot: DeviceSlot, outDir: string, secrets: SecretMask): Promise<NativeRun> {
  const facts = await inspectPackage(target.file);
  const store = new EvidenceStore(outDir, secrets);
  store.append({ type: 'package', facts, blob: store.putBlob('package', JSON.stringify(facts, null, 2), 'json') });
  const packageFile = resolve(target.file);
  const name = facts.identity.label ?? facts.identity.packageName;
  const app = { target: target.file, packageFile, name };
  const prepared = await platform.prepareRun!({ app, profile, slot, facts });
  Object.assign(process.env, prepared.env);
  return { app, prepared };
}
