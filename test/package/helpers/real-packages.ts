/** The real packages installed as devDependencies, and Debian's aapt for comparison. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../../src/core/paths.js';

const root = PROJECT_ROOT;

/** Real APKs that nobody here wrote. */
export const REAL_APKS = [
  'node_modules/android-apidemos/apks/ApiDemos-debug.apk',
  'node_modules/io.appium.settings/apks/settings_apk-debug.apk',
  'node_modules/appium-uiautomator2-server/apks/appium-uiautomator2-server-v10.6.6.apk',
  'node_modules/appium-uiautomator2-server/apks/appium-uiautomator2-server-debug-androidTest.apk',
].map((p) => path.join(root, p));

export const AAPT = '/usr/bin/aapt';

/** True when aapt is installed. */
export function hasAapt(): boolean {
  return existsSync(AAPT);
}

/** Runs aapt and returns stdout. */
export async function aapt(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(AAPT, args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Fields of `aapt dump badging`. */
export interface Badging {
  packageName: string;
  versionCode?: string;
  versionName?: string;
  minSdk?: string;
  targetSdk?: string;
  label?: string;
  /** `uses-implied-permission` lines: name and aapt's reason. */
  implied: { name: string; reason: string }[];
}

/** Parses the lines the comparison needs from `aapt dump badging`. */
export function parseBadging(output: string): Badging {
  const pkg = /^package: name='([^']*)' versionCode='([^']*)' versionName='([^']*)'/m.exec(output);
  const value = (re: RegExp): string | undefined => re.exec(output)?.[1] || undefined;
  return {
    packageName: pkg?.[1] ?? '',
    versionCode: pkg?.[2] || undefined,
    versionName: pkg?.[3] || undefined,
    minSdk: value(/^sdkVersion:'([^']*)'/m),
    targetSdk: value(/^targetSdkVersion:'([^']*)'/m),
    label: value(/^application-label:'([^']*)'/m),
    implied: [...output.matchAll(/^uses-implied-permission: name='([^']*)' reason='([^']*)'/gm)].map((m) => ({ name: m[1] ?? '', reason: m[2] ?? '' })),
  };
}

/** uses-permission names from `aapt dump permissions`, in order. */
export function parsePermissions(output: string): string[] {
  return [...output.matchAll(/^uses-permission(?:-sdk-23)?: name='([^']*)'/gm)].map((m) => m[1] ?? '');
}
