/** Install, launch, stop and query apps: hdc install/uninstall, aa start/force-stop, bm dump, aa dump -l. */
import { errors } from 'appium/driver.js';
import type { HarmonyOsDriver } from '../driver.js';
import { API_LEVEL, hasApi } from '../api-levels.js';
import { installSucceeded, signingRefusal } from '../hdc/failure.js';
import { launchTargetOf, parseBundleDump, parseBundleList, type LaunchTarget } from '../parsers/bm-dump.js';
import { isStartSuccess } from '../parsers/aa-start.js';
import { parseForegroundAbility } from '../parsers/aa-dump.js';
import { parseFaultFiles, type FaultFile } from '../parsers/faultlog.js';
import { parsePid } from '../parsers/screen.js';
import { foregroundWindow, parseLayoutJson } from '../layout/dump-layout.js';
import { readPackageInfo } from '../hap/package-info.js';
import { dumpLayoutJson } from './source.js';

export const FAULTLOG_DIR = '/data/log/faultlog/faultlogger';
const DEFAULT_INSTALL_TIMEOUT_MS = 240_000;

/** `hdc install -r [-g] <path>`; a signing refusal becomes one sentence for the lab. */
export async function installPackage(this: HarmonyOsDriver, path: string, opts: { grant?: boolean; timeoutMs?: number | undefined } = {}): Promise<void> {
  const args = ['install', '-r'];
  if (opts.grant) {
    if (hasApi(this.state.apiLevel, API_LEVEL.installGrant)) args.push('-g');
    else this.log.warn(`autoGrantPermissions needs API ${API_LEVEL.installGrant}+ (hdc install -g); permissions stay as the user leaves them`);
  }
  const output = await this.state.hdc.exec([...args, path], { check: false, timeoutMs: opts.timeoutMs ?? DEFAULT_INSTALL_TIMEOUT_MS });
  if (installSucceeded(output)) return;
  const refusal = signingRefusal(output);
  if (refusal) throw new errors.SessionNotCreatedError(refusal);
  throw new errors.SessionNotCreatedError(`hdc install ${path} failed: ${output.trim().slice(0, 400)}`);
}

/** The ability to start a bundle with, from `bm dump -n`; undefined when the bundle is not installed. */
export async function launchTargetFor(this: HarmonyOsDriver, bundleName: string): Promise<LaunchTarget | undefined> {
  const dump = parseBundleDump(await this.state.hdc.shell(`bm dump -n ${bundleName}`, { check: false }));
  return dump ? launchTargetOf(dump) : undefined;
}

/** `aa start` of the session's app, then waits until its window is in the foreground. */
export async function launchApp(this: HarmonyOsDriver, waitMs: number): Promise<void> {
  const { bundleName, abilityName, moduleName } = this.state;
  if (!bundleName) throw new errors.InvalidArgumentError('No bundle to launch: give appium:app or appium:bundleName');
  if (!abilityName) throw new errors.SessionNotCreatedError(`Cannot tell which ability starts ${bundleName}: give appium:abilityName`);
  const output = await this.state.hdc.shell(`aa start -a ${abilityName} -b ${bundleName}${moduleName ? ` -m ${moduleName}` : ''}`, { check: false });
  if (!isStartSuccess(output)) throw new errors.SessionNotCreatedError(`aa start of ${bundleName}/${abilityName} failed: ${output.trim().slice(0, 300)}`);
  await waitForForeground.call(this, bundleName, waitMs);
}

/** Polls until `bundleName` owns the foreground window (dumpLayout's window root), or times out. */
export async function waitForForeground(this: HarmonyOsDriver, bundleName: string, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if ((await foregroundBundle.call(this)) === bundleName) return;
    if (Date.now() >= deadline) throw new errors.SessionNotCreatedError(`${bundleName} did not come to the foreground within ${waitMs} ms`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** The bundle of the foreground mission (`aa dump -l`), falling back to the layout's window root. */
export async function foregroundBundle(this: HarmonyOsDriver): Promise<string | undefined> {
  const fromMissions = parseForegroundAbility(await this.state.hdc.shell('aa dump -l', { check: false }))?.bundleName;
  if (fromMissions) return fromMissions;
  try {
    return foregroundWindow(parseLayoutJson(await dumpLayoutJson.call(this)))?.bundleName;
  } catch {
    return undefined;
  }
}

/** Appium activateApp: start the bundle's main ability (or bring it back to the foreground). */
export async function activateApp(this: HarmonyOsDriver, appId: string): Promise<void> {
  const target = appId === this.state.bundleName && this.state.abilityName
    ? { abilityName: this.state.abilityName, moduleName: this.state.moduleName }
    : await launchTargetFor.call(this, appId);
  if (!target) throw new errors.InvalidArgumentError(`${appId} is not installed`);
  const output = await this.state.hdc.shell(`aa start -a ${target.abilityName} -b ${appId}${target.moduleName ? ` -m ${target.moduleName}` : ''}`, { check: false });
  if (!isStartSuccess(output)) throw new errors.UnknownError(`aa start ${appId} failed: ${output.trim().slice(0, 300)}`);
}

/** Appium terminateApp: `aa force-stop`; true when the app was running. */
export async function terminateApp(this: HarmonyOsDriver, appId: string): Promise<boolean> {
  const wasRunning = parsePid(await this.state.hdc.shell(`pidof ${appId}`, { check: false })) !== undefined;
  const output = await this.state.hdc.shell(`aa force-stop ${appId}`, { check: false });
  if (!/force stop process successfully/i.test(output)) throw new errors.UnknownError(`aa force-stop ${appId} failed: ${output.trim().slice(0, 300)}`);
  return wasRunning;
}

/** Appium queryAppState: 0 not installed, 1 not running, 3 in the background, 4 in the foreground. */
export async function queryAppState(this: HarmonyOsDriver, appId: string): Promise<0 | 1 | 3 | 4> {
  if (!(await isAppInstalled.call(this, appId))) return 0;
  if (parsePid(await this.state.hdc.shell(`pidof ${appId}`, { check: false })) === undefined) return 1;
  return (await foregroundBundle.call(this)) === appId ? 4 : 3;
}

/** Appium isAppInstalled: the bundle is in `bm dump -a`. */
export async function isAppInstalled(this: HarmonyOsDriver, appId: string): Promise<boolean> {
  return parseBundleList(await this.state.hdc.shell('bm dump -a', { check: false })).includes(appId);
}

/** Appium installApp: a .hap or .app path on the Appium host. */
export async function installApp(this: HarmonyOsDriver, appPath: string): Promise<void> {
  const info = await readPackageInfo(appPath);
  if (info.kind === 'app' && !hasApi(this.state.apiLevel, API_LEVEL.installApp)) {
    throw new errors.InvalidArgumentError(`Installing an .app bundle needs API ${API_LEVEL.installApp}+`);
  }
  await installPackage.call(this, appPath);
}

/** Appium removeApp: `hdc uninstall`. */
export async function removeApp(this: HarmonyOsDriver, appId: string): Promise<boolean> {
  const output = await this.state.hdc.exec(['uninstall', appId], { check: false });
  return /uninstall bundle successfully/i.test(output);
}

/** `mobile: clearApp`: `bm clean -n <bundle> -d` (data) and `-c` (cache). */
export async function mobileClearApp(this: HarmonyOsDriver, appId?: string): Promise<void> {
  const bundle = appId ?? this.state.bundleName;
  if (!bundle) throw new errors.InvalidArgumentError('mobile: clearApp needs appId');
  await this.state.hdc.shell(`bm clean -n ${bundle} -d`);
  await this.state.hdc.shell(`bm clean -n ${bundle} -c`);
}

/** The fault log files on the device now. */
export async function listFaultFiles(this: HarmonyOsDriver): Promise<FaultFile[]> {
  return parseFaultFiles(await this.state.hdc.shell(`ls ${FAULTLOG_DIR}`, { check: false }));
}
