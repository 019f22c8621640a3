/**
 * Parsers of Android device output on captured real outputs from public sources
 * (test/fixtures/android-outputs, each file's first line names its source), and on odd input.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseAmStart } from '../../src/device/android/am-start.js';
import { parseAppOps, parseAppOpsDuration } from '../../src/device/android/appops.js';
import { parseCpuinfo, parseTopLine } from '../../src/device/android/cpu-usage.js';
import { parseGfxinfo } from '../../src/device/android/gfxinfo.js';
import { findAnrs, findCrashes, parseLogcat } from '../../src/device/android/logcat.js';
import { parseMeminfo } from '../../src/device/android/meminfo.js';
import { parsePackagePermissions } from '../../src/device/android/package-permissions.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/android-outputs/${name}`, import.meta.url), 'utf8').replace(/^#.*\n/, '');
const ODD: unknown[] = ['', 'garbage\n\u0000', undefined, null, 42, Buffer.from('Status')];

void describe('Android device output parsers on real captured output', () => {
  void it('am start -W: Status ok, COLD, TotalTime 1479 ms, WaitTime 1482 ms', () => {
    const r = parseAmStart(fixture('am-start-w.txt'));
    assert.ok(r.ok);
    assert.deepEqual(r.value, { status: 'ok', launchState: 'COLD', activity: 'com.facebook.alohaapps.launcher/com.facebook.aloha.app.home.touch.HomeActivity', totalTimeMs: 1479, waitTimeMs: 1482, messages: [] });
    const failed = parseAmStart('Starting: Intent { cmp=a/.B }\nError: Activity class {a/a.B} does not exist.\n');
    assert.deepEqual(failed, { ok: false, reason: 'am start failed: Activity class {a/a.B} does not exist.' });
  });

  void it('gfxinfo: 43 frames, 7 janky (16.28%), percentiles 5/69/150/200 ms, no frame over 700 ms', () => {
    const r = parseGfxinfo(fixture('gfxinfo-api28.txt'));
    assert.ok(r.ok);
    assert.deepEqual(r.value, { pid: 2720, totalFrames: 43, jankyFrames: 7, jankyPercent: 16.28, p50Ms: 5, p90Ms: 69, p95Ms: 150, p99Ms: 200, frozenFrames: 0 });
    const frozen = parseGfxinfo('Total frames rendered: 10\nJanky frames: 0 (0.00%)\nJanky frames (legacy): 3 (30.00%)\nHISTOGRAM: 5ms=7 650ms=1 750ms=1 1000ms=1\n');
    assert.deepEqual(frozen.ok && [frozen.value.jankyPercent, frozen.value.jankyLegacyPercent, frozen.value.frozenFrames], [0, 30, 2]);
    const m = parseGfxinfo(fixture('gfxinfo-api23.txt'));
    assert.deepEqual(m, { ok: true, value: { pid: 9702, totalFrames: 3, jankyFrames: 2, jankyPercent: 66.67, p90Ms: 101, p95Ms: 101, p99Ms: 101 } }, 'Android 6: no p50, no histogram, first (process) block');
  });

  void it('meminfo: TOTAL 145991 KB PSS, Java heap 17976 KB, native heap 24240 KB from App Summary', () => {
    const r = parseMeminfo(fixture('meminfo-api23.txt'));
    assert.ok(r.ok);
    assert.deepEqual(r.value, { pid: 22861, totalPssKb: 145991, javaHeapKb: 17976, nativeHeapKb: 24240 });
    assert.deepEqual(parseMeminfo('No process found for: com.x'), { ok: false, reason: 'the app process is not running' });
  });

  void it('cpuinfo and top: com.android.chrome at 6% (4.7 user + 1.2 kernel) and 4.7% in top', () => {
    const r = parseCpuinfo(fixture('cpuinfo-api19.txt'), 'com.android.chrome');
    assert.deepEqual(r, { ok: true, value: { percent: 6, pid: 24263, process: 'com.android.chrome', userPercent: 4.7, kernelPercent: 1.2 } });
    const sub = parseCpuinfo(fixture('cpuinfo-api19.txt'), 'com.google.android.googlequicksearchbox');
    assert.equal(sub.ok, false, 'a :search sub-process is not the package');
    assert.deepEqual(parseTopLine(fixture('top-line.txt'), 'com.android.chrome'), { ok: true, value: { pid: 17742, process: 'com.android.chrome', percent: 4.7 } });
  });

  void it('logcat: threadtime entries and the FATAL EXCEPTION block (process, pid, exception, first frames)', () => {
    const log = parseLogcat(fixture('logcat-fatal.txt'));
    assert.equal(log.entries.length, 24);
    assert.equal(log.unparsed, 0);
    assert.deepEqual(log.entries[0], { time: '05-20 17:16:54.259', pid: 27435, tid: 27435, level: 'E', tag: 'AndroidRuntime', message: 'FATAL EXCEPTION: main' });
    const [crash, ...more] = findCrashes(log.entries);
    assert.equal(more.length, 0);
    assert.equal(crash?.process, 'com.baiiu.nativeleak');
    assert.equal(crash?.pid, 27435);
    assert.equal(crash?.thread, 'main');
    assert.equal(crash?.exception, 'java.lang.OutOfMemoryError: pthread_create (1040KB stack) failed: Try again');
    assert.deepEqual(crash?.frames.slice(0, 2), ['java.lang.Thread.nativeCreate(Native Method)', 'java.lang.Thread.start(Thread.java:733)']);
    assert.equal(crash?.frames.length, 5, 'only the first frames');
    assert.deepEqual(log.entries.filter((e) => e.level === 'F').map((e) => e.tag), Array(6).fill('DEBUG'));
  });

  void it('logcat: the ANR block (process, component, pid, reason) in threadtime', () => {
    const log = parseLogcat(fixture('logcat-anr.txt'));
    assert.equal(log.unparsed, 0);
    const anrs = findAnrs(log.entries);
    assert.equal(anrs.length, 1);
    assert.equal(anrs[0]?.time, '01-04 01:06:43.739');
    assert.equal(anrs[0]?.process, 'io.github.muntashirakon.AppManager');
    assert.equal(anrs[0]?.component, 'io.github.muntashirakon.AppManager/.details.AppDetailsActivity');
    assert.equal(anrs[0]?.pid, 17646);
    assert.match(anrs[0]?.reason ?? '', /^Input dispatching timed out \(f659b5a .* Waited 5004ms for MotionEvent\)/);
  });

  void it('logcat: the same ANR block as Android Studio copies it (continuation lines)', () => {
    const log = parseLogcat(fixture('logcat-anr-studio.txt'));
    assert.equal(log.unparsed, 0);
    assert.equal(log.entries[1]?.message, 'PID: 27003');
    const [anr] = findAnrs(log.entries);
    assert.deepEqual({ ...anr, reason: anr?.reason?.slice(0, 28) }, {
      time: '09-22 18:49:03.613', process: 'co.touchlab.droidcon.anon',
      component: 'co.touchlab.droidcon.anon/co.touchlab.droidconandroid.ScheduleActivity', pid: 27003, reason: 'Input dispatching timed out ',
    });
    const brief = parseLogcat('E/ActivityManager(  891): ANR in com.google.vr.anrtest (x/y), time=734614620\nE/ActivityManager(  891): PID: 24417\n');
    assert.equal(findAnrs(brief.entries)[0]?.pid, 24417);
  });

  void it('appops: READ_CLIPBOARD allowed 1m15s193ms ago, rejections and the uid mode line', () => {
    const r = parseAppOps(fixture('appops-get.txt'));
    assert.ok(r.ok);
    const byOp = new Map(r.value.map((o) => [o.op, o]));
    assert.deepEqual(byOp.get('READ_CLIPBOARD'), { op: 'READ_CLIPBOARD', mode: 'allow', lastAccessMsAgo: 75_193 });
    assert.deepEqual(byOp.get('READ_DEVICE_IDENTIFIERS'), { op: 'READ_DEVICE_IDENTIFIERS', mode: 'deny', lastRejectMsAgo: 53_355 });
    assert.deepEqual(byOp.get('GPS'), { op: 'GPS', mode: 'allow', lastAccessMsAgo: parseAppOpsDuration('+7d23h31m59s63ms'), durationMs: 451 });
    assert.equal(byOp.get('LEGACY_STORAGE')?.uidMode, true);
    assert.equal(parseAppOpsDuration('+1m2s'), 62_000);
    assert.deepEqual(parseAppOps('No operations.\nDefault mode: allow\n'), { ok: true, value: [] });
    const running = parseAppOps('WRITE_CLIPBOARD: allow; time=+1m ago (running)\n');
    assert.deepEqual(running.ok && running.value[0], { op: 'WRITE_CLIPBOARD', mode: 'allow', lastAccessMsAgo: 60_000, running: true });
    assert.equal(parseAppOps('Error: No UID for com.missing in user 0').ok, false);
    assert.equal(r.value.length, 21);
  });

  void it('dumpsys package: requested permissions, INTERNET granted at install, CAMERA denied at runtime', () => {
    const r = parsePackagePermissions(fixture('dumpsys-package-permissions.txt'));
    assert.ok(r.ok);
    assert.equal(r.value.requested.length, 5);
    assert.deepEqual(r.value.grants.find((g) => g.name === 'android.permission.INTERNET'), { name: 'android.permission.INTERNET', granted: true, kind: 'install' });
    assert.deepEqual(r.value.grants.find((g) => g.name === 'android.permission.CAMERA'), { name: 'android.permission.CAMERA', granted: false, kind: 'runtime' });
    assert.deepEqual(r.value.grants.find((g) => g.name === 'android.permission.READ_EXTERNAL_STORAGE')?.flags, ['RESTRICTION_INSTALLER_EXEMPT']);
    assert.equal(r.value.grants.filter((g) => g.kind === 'runtime').length, 4);
  });

  void it('never throws on odd input and says why it could not parse', () => {
    for (const input of ODD) {
      for (const parse of [parseAmStart, parseGfxinfo, parseMeminfo, parseAppOps, parsePackagePermissions]) {
        const r = parse(input);
        assert.equal(r.ok, false, `${parse.name}(${String(input)})`);
        assert.ok(!r.ok && r.reason.length > 0);
      }
      assert.equal(parseCpuinfo(input, 'a.b').ok, false);
      assert.equal(parseTopLine(input, 'a.b').ok, false);
      assert.deepEqual(findCrashes(parseLogcat(input).entries), []);
    }
  });
});
