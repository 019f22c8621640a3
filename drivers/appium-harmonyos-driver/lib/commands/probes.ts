/**
 * `mobile:` probes for an audit: memory (`hidumper --mem <pid>`), CPU (`hidumper --cpuusage <pid>`),
 * cold start (`aa start -W`, API 20+; a host-clock fallback below), requested permissions and their
 * grant state (`bm dump -n`), and the app's new fault logs.
 */
import { errors } from 'appium/driver.js';
import type { HarmonyOsDriver } from '../driver.js';
import { API_LEVEL, hasApi } from '../api-levels.js';
import { parseProcessMemory, type ProcessMemory } from '../parsers/hidumper-mem.js';
import { parseCpuUsage, type ProcessCpu } from '../parsers/hidumper-cpu.js';
import { isStartSuccess, parseStartTiming, type StartTiming } from '../parsers/aa-start.js';
import { parseBundleDump, requestedPermissionsOf, type RequestedPermission } from '../parsers/bm-dump.js';
import { parseFaultLog, type FaultLog } from '../parsers/faultlog.js';
import { parsePid } from '../parsers/screen.js';
import { launchTargetFor, waitForForeground } from './app-management.js';
import { newFaultLogs } from './log.js';

function bundleOf(driver: HarmonyOsDriver, appId?: string): string {
  const bundle = appId ?? driver.state.bundleName;
  if (!bundle) throw new errors.InvalidArgumentError('Give appId (the bundle name): this session has no app');
  return bundle;
}

async function pidOf(driver: HarmonyOsDriver, bundle: string): Promise<number> {
  const pid = parsePid(await driver.state.hdc.shell(`pidof ${bundle}`, { check: false }));
  if (pid === undefined) throw new errors.UnknownError(`${bundle} is not running`);
  return pid;
}

/** `mobile: memoryInfo` → {pid, pssTotalKb, pssByCategoryKb, nativeHeap}. */
export async function mobileMemoryInfo(this: HarmonyOsDriver, appId?: string): Promise<ProcessMemory & { pid: number }> {
  const pid = await pidOf(this, bundleOf(this, appId));
  const output = await this.state.hdc.shell(`hidumper --mem ${pid}`, { check: false });
  const memory = parseProcessMemory(output);
  if (!memory) throw new errors.UnknownError(`hidumper --mem ${pid} printed no memory table`);
  return { pid, ...memory };
}

/** `mobile: cpuUsage` → the app process's row of `hidumper --cpuusage <pid>`. */
export async function mobileCpuUsage(this: HarmonyOsDriver, appId?: string): Promise<ProcessCpu & { deviceTotalPercent?: number }> {
  const pid = await pidOf(this, bundleOf(this, appId));
  const usage = parseCpuUsage(await this.state.hdc.shell(`hidumper --cpuusage ${pid}`, { check: false }));
  const row = usage.processes.find((p) => p.pid === pid);
  if (!row) throw new errors.UnknownError(`hidumper --cpuusage ${pid} printed no row for the process`);
  return { ...row, ...(usage.deviceTotalPercent !== undefined ? { deviceTotalPercent: usage.deviceTotalPercent } : {}) };
}

export type ColdStart = (StartTiming & { method: 'aa start -W' }) | { method: 'host clock'; totalTimeMs: number; startMode: 'Cold' };

/** `mobile: coldStart`: force-stop, then start with `-W` (API 20+), else time start → foreground window on the host. */
export async function mobileColdStart(this: HarmonyOsDriver, appId?: string, abilityName?: string, moduleName?: string): Promise<ColdStart> {
  const bundle = bundleOf(this, appId);
  const own = bundle === this.state.bundleName;
  const target = abilityName ? { abilityName, moduleName } : own && this.state.abilityName ? { abilityName: this.state.abilityName, moduleName: this.state.moduleName } : await launchTargetFor.call(this, bundle);
  if (!target) throw new errors.InvalidArgumentError(`${bundle} is not installed`);
  await this.state.hdc.shell(`aa force-stop ${bundle}`, { check: false });
  const wait = hasApi(this.state.apiLevel, API_LEVEL.startWait);
  const started = Date.now();
  const output = await this.state.hdc.shell(`aa start${wait ? ' -W' : ''} -a ${target.abilityName} -b ${bundle}${target.moduleName ? ` -m ${target.moduleName}` : ''}`, { check: false });
  if (!isStartSuccess(output) && !/StartMode:/.test(output)) throw new errors.UnknownError(`aa start ${bundle} failed: ${output.trim().slice(0, 300)}`);
  const timing = wait ? parseStartTiming(output) : undefined;
  if (timing) return { method: 'aa start -W', ...timing };
  await waitForForeground.call(this, bundle, 30_000);
  return { method: 'host clock', totalTimeMs: Date.now() - started, startMode: 'Cold' };
}

/** `mobile: getPermissions` → requested permissions, with grant state where `bm dump -n` prints it. */
export async function mobileGetPermissions(this: HarmonyOsDriver, appId?: string): Promise<RequestedPermission[]> {
  const bundle = bundleOf(this, appId);
  const dump = parseBundleDump(await this.state.hdc.shell(`bm dump -n ${bundle}`, { check: false }));
  if (!dump) throw new errors.UnknownError(`bm dump -n ${bundle}: no such bundle`);
  return requestedPermissionsOf(dump);
}

/** `mobile: faultLogs` → the app's crash/freeze logs written since the session started, parsed. */
export async function mobileFaultLogs(this: HarmonyOsDriver, appId?: string): Promise<(FaultLog & { file: string })[]> {
  const bundle = bundleOf(this, appId);
  return (await newFaultLogs(this, bundle)).map((l) => ({ file: l.file, ...parseFaultLog(l.text), kind: parseFaultLog(l.text).kind ?? (l.kind as FaultLog['kind']) }));
}
