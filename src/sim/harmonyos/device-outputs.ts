/**
 * Outputs of HarmonyOS tools in their real formats (the driver's parsers are tested on captured ones:
 * test/fixtures/harmonyos-outputs): `hidumper --mem <pid>`, `hidumper --cpuusage <pid>`, `aa dump -l`,
 * `bm dump -n`, hilog lines, a JS crash file.
 */
import type { LogEntry } from '../engine/device-log.js';
import type { InstalledPackage } from '../engine/installed-package.js';
import type { HapFacts } from './hap-facts.js';

const COLUMNS = 10;

function row(label: string, values: number[]): string {
  return label.padStart(14) + values.map((v) => String(v).padStart(15)).join('');
}

/** `hidumper --mem <pid>`: the per-process table; figures grow with the screens the app has shown. */
export function hidumperMem(pssKb: { arkTs: number; native: number; graph: number; other: number }): string {
  const zeros = (first: number) => [first, ...Array<number>(COLUMNS - 1).fill(0)];
  const rows: [string, number[]][] = [
    ['GL', zeros(0)], ['Graph', zeros(pssKb.graph)], ['ark ts heap', zeros(pssKb.arkTs)], ['guard', zeros(0)],
    ['native heap', [pssKb.native, 0, 0, pssKb.native, 0, 0, 0, pssKb.native * 3, pssKb.native * 2, pssKb.native]],
    ['.hap', zeros(4)], ['AnonPage other', zeros(1109)], ['stack', zeros(1404)], ['.so', zeros(12877)], ['FilePage other', zeros(pssKb.other)],
  ];
  const total = rows.reduce((s, [, v]) => s + v[0]!, 0);
  const header = [
    '                          Pss         Shared         Shared        Private        Private           Swap        SwapPss           Heap           Heap           Heap',
    '                        Total          Clean          Dirty          Clean          Dirty          Total          Total           Size          Alloc           Free',
    '                       ( kB )         ( kB )         ( kB )         ( kB )         ( kB )         ( kB )         ( kB )         ( kB )         ( kB )         ( kB )',
    '              ' + '-'.repeat(150),
  ];
  return ['-------------------------------[memory]-------------------------------', '', ...header, ...rows.map(([l, v]) => row(l, v)), '-'.repeat(164), row('Total', zeros(total)), ''].join('\n');
}

/** `hidumper --cpuusage <pid>`. */
export function hidumperCpu(pid: number, name: string, percent: number, now: Date): string {
  const stamp = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 19);
  const total = Math.min(100, percent + 2.1);
  return [
    '', '-------------------------------[cpuusage]-------------------------------', '',
    'Load average: 2.1 / 2.2 / 2.1; the cpu load average in 1 min, 5 min and 15 min',
    `CPU usage from ${stamp(new Date(now.getTime() - 2000))} to ${stamp(now)}`,
    `Total: ${total.toFixed(2)}%; User Space: ${(total * 0.4).toFixed(2)}%; Kernel Space: ${(total * 0.6).toFixed(2)}%; iowait: 0.00%; irq: 0.10%; idle: ${(100 - total).toFixed(2)}%`,
    'Details of Processes:',
    '    PID   Total Usage      User Space    Kernel Space    Page Fault Minor    Page Fault Major    Name',
    `    ${String(pid).padEnd(7)}${percent.toFixed(2).padStart(8)}%${(percent * 0.7).toFixed(2).padStart(15)}%${(percent * 0.3).toFixed(2).padStart(15)}%             1024                   0            ${name}`,
    '',
  ].join('\n');
}

/** One mission of `aa dump -l`. */
export function missionBlock(id: number, bundle: string, module: string, ability: string, foreground: boolean): string {
  const state = foreground ? 'FOREGROUND' : 'BACKGROUND';
  return [
    `          Mission ID #${id}  mission name #[#${bundle}:${module}:${ability}]`,
    `            AbilityRecord ID #${1000 + id}`,
    `              app name [${bundle}]`, `              main name [${ability}]`, `              bundle name [${bundle}]`,
    '              ability type [PAGE]', `              state #${state}`, `              app state #${state}`,
  ].join('\n');
}

/** `bm dump -n <bundle>`: a header line, then the BundleInfo JSON (the fields the driver reads, and a few more). */
export function bundleDump(pkg: InstalledPackage, hap: HapFacts | undefined): string {
  const info = {
    name: pkg.packageName, versionCode: pkg.versionCode, versionName: pkg.versionName, uid: pkg.uid,
    appId: `${pkg.packageName}_SIMULATED`, installTime: pkg.installedAt, updateTime: pkg.updatedAt,
    entryModuleName: hap?.moduleName ?? 'entry', mainEntry: hap?.moduleName ?? 'entry',
    targetVersion: pkg.targetSdk ?? 12, minCompatibleVersionCode: pkg.versionCode,
    hapModuleInfos: [{ moduleName: hap?.moduleName ?? 'entry', mainAbility: pkg.launchActivity ?? '', mainElementName: pkg.launchActivity ?? '', abilityInfos: pkg.activities.map((name) => ({ name, bundleName: pkg.packageName })) }],
    reqPermissions: pkg.requestedPermissions,
    reqPermissionStates: pkg.requestedPermissions.map((p) => (pkg.granted.has(p) ? 0 : -1)),
    appPrivilegeLevel: 'normal', isSystemApp: false,
  };
  return `${pkg.packageName}:\n${JSON.stringify(info, null, 2)}\n`;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** A log entry as `hilog` prints it: `MM-DD hh:mm:ss.mmm  PID  TID L D003F00/<process>/<tag>: message`. */
export function hilogLine(e: LogEntry, processOf: (pid: number) => string): string {
  const d = new Date(e.time);
  const level = e.level === 'V' ? 'D' : e.level;
  const time = `${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
  return `${time}  ${String(e.pid).padStart(4)}  ${String(e.tid).padStart(4)} ${level} A00000/${processOf(e.pid)}/${e.tag}: ${e.message}`;
}

/** A FaultLogger JS crash file for an app process that died of `exception`. */
export function jsCrashLog(pkg: InstalledPackage, pid: number, exception: string, at: Date): string {
  const [name, ...rest] = exception.split(':');
  const errorName = (name ?? 'Error').trim().split('.').pop() ?? 'Error';
  return [
    'Generated by HiviewDFX@OpenHarmony', '='.repeat(64),
    'Device info:SIM-AL00', 'Build info:SIM-AL00 5.1.0 (simulated)', `Timestamp:${at.toISOString().replace('T', ' ').slice(0, 23)}`,
    `Module name:${pkg.packageName}`, `Version:${pkg.versionName}`, `VersionCode:${pkg.versionCode}`, 'PreInstalled:No', 'Foreground:Yes',
    `Pid:${pid}`, `Uid:${pkg.uid}`, `Reason:${errorName}`, `Error name:${errorName}`, `Error message:${rest.join(':').trim() || exception}`,
    'Stacktrace:', '    at onClick (entry/src/main/ets/pages/Index.ets:88:13)', '',
  ].join('\n');
}

/** A FaultLogger app-freeze file (input not handled in time: APP_INPUT_BLOCK). */
export function appFreezeLog(pkg: InstalledPackage, pid: number, waitedMs: number, at: Date): string {
  return [
    'Generated by HiviewDFX@OpenHarmony', '='.repeat(64),
    'Device info:SIM-AL00', `Timestamp:${at.toISOString().replace('T', ' ').slice(0, 23)}`,
    `Module name:${pkg.packageName}`, `Version:${pkg.versionName}`, `Pid:${pid}`, `Uid:${pkg.uid}`,
    'Reason:APP_INPUT_BLOCK', `Error message:User input does not respond in ${Math.round(waitedMs / 1000)}s`, '',
  ].join('\n');
}
