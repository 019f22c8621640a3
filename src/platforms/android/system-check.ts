/**
 * What an Android run needs on this host, where appium-adb looks for it: `$ANDROID_HOME/platform-tools/adb`
 * and a build-tools folder with `aapt2` and `apksigner.jar` (Debian's packages lay them out so under
 * /usr/lib/android-sdk). A simulated device brings its own adb but uses the same build-tools.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AuditError } from '../../core/errors.js';

export const DEBIAN_ANDROID_HOME = '/usr/lib/android-sdk';

/** The SDK folder in force: ANDROID_HOME, else ANDROID_SDK_ROOT, else Debian's layout. */
export function androidHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.ANDROID_HOME ?? env.ANDROID_SDK_ROOT ?? DEBIAN_ANDROID_HOME;
}

/** A build-tools folder holding both aapt2 and apksigner.jar, if any. */
export function buildTools(home: string): string | undefined {
  const root = join(home, 'build-tools');
  if (!existsSync(root)) return undefined;
  return readdirSync(root).map((d) => join(root, d)).find((d) => existsSync(join(d, 'aapt2')) && existsSync(join(d, 'lib', 'apksigner.jar')) || existsSync(join(d, 'aapt2')) && existsSync(join(d, 'apksigner.jar')));
}

/** What is missing under `home`, in the words of the fix. */
export function missingAndroidTools(home: string, needAdb: boolean): string[] {
  const missing: string[] = [];
  if (needAdb && !existsSync(join(home, 'platform-tools', 'adb'))) missing.push(`${join(home, 'platform-tools', 'adb')}（apt-get install -y adb）`);
  if (!buildTools(home)) missing.push(`${join(home, 'build-tools', '<版本>')} 下的 aapt2 与 apksigner.jar（apt-get install -y aapt apksigner）`);
  return missing;
}

/** Throws missing-system-dependency in one sentence; `simulated` runs bring their own adb. */
export function assertAndroidTools(simulated: boolean, env: NodeJS.ProcessEnv = process.env): void {
  const home = simulated ? DEBIAN_ANDROID_HOME : androidHome(env);
  const missing = missingAndroidTools(home, !simulated);
  if (missing.length) {
    throw new AuditError('missing-system-dependency', `The Android SDK tools are not where Appium looks (ANDROID_HOME=${home}): missing ${missing.join(', ')}; run "npm run setup" as root.`);
  }
}
