/** Session start and end: find the device, install the submitted package, launch it; undo on delete. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errors } from 'appium/driver.js';
import type { HarmonyOsDriver } from '../driver.js';
import type { HarmonyOpts } from '../constraints.js';
import { Hdc } from '../hdc/hdc.js';
import { parseListTargets } from '../parsers/list-targets.js';
import { parseApiLevel } from '../parsers/param.js';
import { readPackageInfo } from '../hap/package-info.js';
import { API_LEVEL, hasApi } from '../api-levels.js';
import { installPackage, launchApp, launchTargetFor, listFaultFiles } from './app-management.js';

const DEFAULT_HDC_TIMEOUT_MS = 20_000;

/** Opens the device and prepares the app; called by createSession after base-driver validated the caps. */
export async function startSession(this: HarmonyOsDriver): Promise<void> {
  const opts = this.opts as unknown as HarmonyOpts;
  const base = new Hdc({
    binary: opts.hdcPath ?? process.env.HDC_PATH ?? 'hdc',
    server: opts.hdcServer,
    timeoutMs: opts.hdcTimeout ?? DEFAULT_HDC_TIMEOUT_MS,
    log: (line) => this.log.debug(line),
  });
  const targets = parseListTargets(await base.listTargets());
  if (targets.length === 0) throw new errors.SessionNotCreatedError(`No HarmonyOS device is visible to hdc${opts.hdcServer ? ` at ${opts.hdcServer}` : ''} (hdc list targets printed [Empty])`);
  const udid = opts.udid ?? targets[0]!;
  if (!targets.includes(udid)) throw new errors.SessionNotCreatedError(`Device '${udid}' is not connected; hdc sees: ${targets.join(', ')}`);
  const hdc = base.forTarget(udid);
  const apiLevel = parseApiLevel(await hdc.shell('param get const.ohos.apiversion', { check: false }));
  this.harmony = { hdc, udid, apiLevel, faultBaseline: new Set(), elements: new Map(), dumpCount: 0, tmpDir: await mkdtemp(join(tmpdir(), 'harmonyos-driver-')) };
  this.log.info(`HarmonyOS device ${udid}, API level ${apiLevel ?? 'unknown'}`);

  if (opts.app) await prepareSubmittedApp.call(this, opts);
  else if (opts.bundleName) {
    this.state.bundleName = opts.bundleName;
    const target = await launchTargetFor.call(this, opts.bundleName);
    this.state.abilityName = opts.abilityName ?? target?.abilityName;
    this.state.moduleName = opts.moduleName ?? target?.moduleName;
  }
  this.state.faultBaseline = new Set((await listFaultFiles.call(this)).map((f) => f.file));
  await hdc.shell('hilog -r', { check: false });
  if (this.state.bundleName && opts.autoLaunch !== false) {
    if (!opts.noReset) await hdc.shell(`aa force-stop ${this.state.bundleName}`, { check: false });
    await launchApp.call(this, opts.appWaitTimeout ?? 10_000);
  }
}

async function prepareSubmittedApp(this: HarmonyOsDriver, opts: HarmonyOpts): Promise<void> {
  const app = opts.app!;
  const info = await readPackageInfo(app);
  if (info.kind === 'app' && !hasApi(this.state.apiLevel, API_LEVEL.installApp)) {
    throw new errors.SessionNotCreatedError(`Installing an .app bundle needs HarmonyOS API ${API_LEVEL.installApp}+ (device: ${this.state.apiLevel ?? 'unknown'}); submit the entry .hap instead`);
  }
  this.state.bundleName = opts.bundleName ?? info.bundleName;
  this.state.abilityName = opts.abilityName ?? info.abilityName;
  this.state.moduleName = opts.moduleName ?? info.moduleName;
  if (opts.fullReset) await this.state.hdc.exec(['uninstall', this.state.bundleName], { check: false });
  await installPackage.call(this, app, { grant: opts.autoGrantPermissions === true, timeoutMs: opts.installTimeout });
}

/** Stops the app (unless noReset), uninstalls it on fullReset, drops the host temp folder. */
export async function stopSession(this: HarmonyOsDriver): Promise<void> {
  const state = this.harmony;
  if (!state) return;
  const opts = this.opts as unknown as HarmonyOpts;
  try {
    if (state.leftDump) await state.hdc.shell(`rm -f ${state.leftDump}`, { check: false });
    if (state.bundleName && !opts.noReset) await state.hdc.shell(`aa force-stop ${state.bundleName}`, { check: false });
    if (state.bundleName && opts.fullReset) await state.hdc.exec(['uninstall', state.bundleName], { check: false });
  } catch (err) {
    this.log.warn(`Cleaning up the HarmonyOS session failed: ${(err as Error).message}`);
  } finally {
    await rm(state.tmpDir, { recursive: true, force: true });
    this.harmony = undefined;
  }
}
