/** The driver's parsers on real outputs of hdc, aa, bm, hidumper, hilog and FaultLogger. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { output } from './fixture.js';
import { parseProcessMemory } from '../../drivers/appium-harmonyos-driver/lib/parsers/hidumper-mem.js';
import { parseCpuUsage } from '../../drivers/appium-harmonyos-driver/lib/parsers/hidumper-cpu.js';
import { parseHilog } from '../../drivers/appium-harmonyos-driver/lib/parsers/hilog.js';
import { parseForegroundAbility } from '../../drivers/appium-harmonyos-driver/lib/parsers/aa-dump.js';
import { isStartSuccess, parseStartTiming } from '../../drivers/appium-harmonyos-driver/lib/parsers/aa-start.js';
import { launchTargetOf, parseBundleDump, parseBundleList, requestedPermissionsOf } from '../../drivers/appium-harmonyos-driver/lib/parsers/bm-dump.js';
import { parseFaultFiles, parseFaultLog } from '../../drivers/appium-harmonyos-driver/lib/parsers/faultlog.js';
import { parseListTargets } from '../../drivers/appium-harmonyos-driver/lib/parsers/list-targets.js';
import { parseApiLevel, parseParamValue } from '../../drivers/appium-harmonyos-driver/lib/parsers/param.js';
import { parseDeviceDate, parsePid, parseScreenSize } from '../../drivers/appium-harmonyos-driver/lib/parsers/screen.js';

void describe('hidumper --mem <pid>', () => {
  const mem = parseProcessMemory(output('hidumper-mem-pid.txt'));
  void it('reads the Total row as the process PSS and each category row by its label', () => {
    assert.equal(mem?.pssTotalKb, 92998);
    assert.equal(mem?.pssByCategoryKb['ark ts heap'], 12676);
    assert.equal(mem?.pssByCategoryKb['native heap'], 15427);
    assert.equal(mem?.pssByCategoryKb['FilePage other'], 21933);
    assert.equal(mem?.pssByCategoryKb.GL, 0);
  });
  void it('takes the native heap size/alloc/free columns and ignores the per-allocator breakdown', () => {
    assert.deepEqual(mem?.nativeHeap, { sizeKb: 55796, allocKb: 53564, freeKb: 2809 });
    assert.equal(mem?.pssByCategoryKb['jemalloc meta'], undefined);
  });
  void it('gives nothing for output without a memory table', () => {
    assert.equal(parseProcessMemory('hidumper: no such process'), undefined);
  });
});

void describe('hidumper --cpuusage', () => {
  void it('reads the device total and every process row, usage above 100% included', () => {
    const all = parseCpuUsage(output('hidumper-cpuusage.txt'));
    assert.equal(all.deviceTotalPercent, 6.38);
    assert.deepEqual(all.processes.map((p) => [p.pid, p.totalPercent, p.name]), [[105, 109.01, 'tppmgr.elf'], [2, 0.89, 'sysmgr-main']]);
  });
  void it('reads the single row of a per-pid query', () => {
    const one = parseCpuUsage(output('hidumper-cpuusage-pid.txt'));
    assert.equal(one.processes.length, 1);
    assert.equal(one.processes[0]?.name, 'init');
    assert.equal(one.deviceTotalPercent, 3.8);
  });
});

void describe('hilog', () => {
  void it('reads time, pid, level, domain, tag and message', () => {
    const [first, second] = parseHilog(output('hilog-x.txt'), 2024);
    assert.equal(first?.pid, 2823);
    assert.equal(first?.level, 'I');
    assert.equal(first?.domain, 'A01B05');
    assert.equal(first?.tag, 'com.ohos.sceneboard/AOD');
    assert.match(first?.message ?? '', /^AodClockFullScreen --> timeTextLineHeight:313/);
    assert.equal(new Date(second!.timestamp).getMonth(), 10);
  });
  void it('skips lines that are not log entries', () => {
    assert.equal(parseHilog('--------- beginning of main\n').length, 0);
  });
});

void describe('aa dump -l', () => {
  void it('picks the FOREGROUND mission even when a background one comes first', () => {
    assert.deepEqual(parseForegroundAbility(output('aa-dump-l.txt')), { bundleName: 'cn.eeo.hos.classin.mobile', abilityName: 'EntryAbility' });
  });
  void it('finds nothing when no mission is in the foreground', () => {
    // The app may be foreground while its ability is not (a dialog of another bundle on top).
    assert.equal(parseForegroundAbility(output('aa-dump-l.txt').replace(/^(\s*)state #FOREGROUND/m, '$1state #BACKGROUND')), undefined);
    assert.equal(parseForegroundAbility(output('aa-dump-l.txt').replaceAll('state #FOREGROUND', 'state #BACKGROUND')), undefined);
  });
});

void describe('aa start -W', () => {
  void it('reads start mode, total and wait time', () => {
    const text = output('aa-start-w.txt');
    assert.ok(isStartSuccess(text));
    assert.deepEqual(parseStartTiming(text), { startMode: 'Cold', totalTimeMs: 1163, waitTimeMs: 1175 });
  });
  void it('has no timing without -W and no success on a failure', () => {
    assert.equal(parseStartTiming('start ability successfully.'), undefined);
    assert.equal(isStartSuccess('error: failed to start ability.\nerror: resolve ability err.'), false);
  });
});

void describe('bm dump', () => {
  const dump = parseBundleDump(output('bm-dump-n.txt'));
  void it('skips the header line and takes the entry module main element', () => {
    assert.deepEqual(launchTargetOf(dump!), { abilityName: 'EntryAbility', moduleName: 'redbook' });
  });
  void it('pairs requested permissions with their grant states (0 = granted)', () => {
    assert.deepEqual(requestedPermissionsOf(dump!), [{ name: 'ohos.permission.PUBLISH_AGENT_REMINDER', granted: true }]);
    assert.deepEqual(requestedPermissionsOf({ reqPermissions: ['a', 'b'], reqPermissionStates: [-1, 0] }), [{ name: 'a', granted: false }, { name: 'b', granted: true }]);
  });
  void it('knows an unknown bundle and lists installed bundles of bm dump -a', () => {
    assert.equal(parseBundleDump('error: failed to get information and the parameters may be wrong.'), undefined);
    assert.deepEqual(parseBundleList('ID: 100:\n\tcom.ohos.settings\n\tcn.gov.example\n'), ['com.ohos.settings', 'cn.gov.example']);
  });
});

void describe('FaultLogger', () => {
  void it('reads the headers and the stack of a JS crash', () => {
    const log = parseFaultLog(output('jscrash.log'));
    assert.equal(log.moduleName, 'com.xxx.xxx');
    assert.equal(log.pid, 2780);
    assert.equal(log.reason, 'TypeError');
    assert.equal(log.errorMessage, 'Cannot read property needRenderTranslate of undefined');
    assert.match(log.stacktrace ?? '', /RecentGesture\.ts:51:51/);
  });
  void it('recognises fault log file names (jscrash-<process>-<uid>-<ms>.log)', () => {
    const files = parseFaultFiles('jscrash-com.example.myapplication-20020045-1730860800000.log\nsyswarning-com.ohos.sceneboard-20020022-20241106104006\nREADME');
    assert.deepEqual(files.map((f) => [f.kind, f.process]), [['jscrash', 'com.example.myapplication'], ['syswarning', 'com.ohos.sceneboard']]);
  });
});

void describe('hdc list targets, param, pidof, screen, date', () => {
  void it('lists connect keys and treats [Empty] as no device', () => {
    assert.deepEqual(parseListTargets('[Empty]\n'), []);
    assert.deepEqual(parseListTargets('127.0.0.1:5555\tTCP\tConnected\tlocalhost\nFMR0223C13000649\n'), ['127.0.0.1:5555', 'FMR0223C13000649']);
  });
  void it('reads parameters and the API level', () => {
    assert.equal(parseApiLevel('12\n'), 12);
    assert.equal(parseApiLevel('Get parameter "const.ohos.apiversion" fail! errNum is:106!\n'), undefined);
    assert.equal(parseParamValue('ALN-AL00\r\n'), 'ALN-AL00');
  });
  void it('reads pid, screen size and device date', () => {
    assert.equal(parsePid('27336\n'), 27336);
    assert.equal(parsePid(''), undefined);
    assert.deepEqual(parseScreenSize('  screen[0]: id=0, powerstatus=POWER_STATUS_ON, backlight=255, screenType=EXTERNAL_TYPE, render size: 1260x2720, physical screen resolution: 1260x2720, isvirtual=false\n  supportedMode[0]: 1260x2720, refreshrate=120\n  activeMode: 1260x2720, refreshrate=120\n'), { width: 1260, height: 2720 });
    assert.equal(parseDeviceDate('2026-12-06T15:51:02+0800\n'), '2026-12-06T15:51:02+08:00');
  });
});
