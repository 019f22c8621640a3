/**
 * The generic probes on Android through the Android probe tools, over recorded device outputs: the
 * performance probe's figures (with their commands) judged by the performance check, prompts and the
 * clipboard op as permission records, the clock a device refuses to move.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { detectPerformance } from '../../../src/checks/detectors/performance.js';
import { DEFAULT_DETECTOR_SETTINGS } from '../../../src/checks/detectors/types.js';
import { noSecrets } from '../../../src/evidence/secret-mask.js';
import { EvidenceStore, readEvidenceBundle } from '../../../src/evidence/store.js';
import { loginCadenceProbe } from '../../../src/probes/login-cadence-probe.js';
import { performanceProbe } from '../../../src/probes/performance-probe.js';
import { runAndRecord, type ProbeBase } from '../../../src/probes/probe-run.js';
import { AndroidSession } from '../../../src/platforms/android/android-session.js';
import { androidBudgets } from '../../../src/platforms/android/probe-figures/budgets.js';
import { androidProbeTools } from '../../../src/platforms/android/probe-tools.js';
import { androidClockControl } from '../../../src/platforms/android/tools/clock-control.js';
import { androidPermissionControl, capabilityOf, promptRecords } from '../../../src/platforms/android/tools/permission-control.js';
import { FakeUia2, source } from './fake-uia2.js';
import { evidence, launchScreen } from '../../probes/probe-fixtures.js';

const out = (name: string): string => readFileSync(new URL(`../../fixtures/android-outputs/${name}`, import.meta.url), 'utf8');
const PKG = 'cn.gov.demo';

function setup(shell: (cmd: string) => string, explored = evidence()) {
  const dir = mkdtempSync(join(tmpdir(), 'android-probe-'));
  const device = new FakeUia2({ home: { xml: source(PKG, '<android.widget.ScrollView index="0" class="android.widget.ScrollView" scrollable="true" bounds="[0,0][1080,2400]"/>'), activity: '.MainActivity' } }, 'home');
  const commands: string[] = [];
  device.execute = <T>(script: string, ...args: unknown[]): Promise<T> => {
    const a = (args[0] ?? {}) as { command?: string; args?: string[] };
    if (script !== 'mobile: shell') return Promise.resolve((script === 'mobile: getCurrentActivity' ? '.MainActivity' : null) as T);
    const command = [a.command, ...(a.args ?? [])].join(' ');
    commands.push(command);
    return Promise.resolve(shell(command) as T);
  };
  const session = new AndroidSession(device, { packageName: PKG, activity: '.MainActivity' }, { settleMaxMs: 0, shell: true });
  const store = new EvidenceStore(dir, noSecrets);
  let clock = 1_000_000;
  const base: ProbeBase = { device: session, store, explored, appUrl: PKG, budgetMs: 5000, now: () => clock, sleep: (ms) => { clock += ms; return Promise.resolve(); } };
  return { session, store, base, dir, commands };
}

test('performance probe on Android: median TotalTime of 3 cold starts, gfxinfo and meminfo figures with their commands; the check fails the slow start citing Android vitals', async () => {
  const starts = ['TotalTime: 6100', 'TotalTime: 5900', 'TotalTime: 6400'];
  const { session, store, base, dir, commands } = setup((c) => {
    if (c.startsWith('am start -W')) return out('am-start-w.txt').replace('TotalTime: 1479', starts.shift()!);
    if (c === `dumpsys gfxinfo ${PKG}`) return out('gfxinfo-api28.txt');
    if (c.startsWith('dumpsys meminfo')) return out('meminfo-api23.txt');
    return '';
  });
  const summary = await runAndRecord(performanceProbe, base, androidProbeTools(session, store, undefined));
  assert.equal(summary.status, 'done');
  assert.equal(commands.filter((c) => c === `am force-stop ${PKG}`).length, 3);
  assert.ok(commands.includes(`dumpsys gfxinfo ${PKG} reset`));
  const bundle = readEvidenceBundle(dir);
  const event = bundle.probes!.performance[0]!;
  assert.equal(event.firstContentMs, 6100);
  assert.deepEqual(event.figures!.map((f) => [f.budget, f.value]), [['firstContentMs', 6100], ['appMemoryBytes', 145991 * 1024], ['slowFramePercent', 16.28], ['frozenFramePercent', 0]]);
  assert.match(event.figures![0]!.command, /adb shell am start -W -n cn\.gov\.demo\/\.MainActivity/);
  assert.equal(event.frames?.measurable && event.frames.worstMs, 200);
  // The probe's text names what Android measured (TotalTime, PSS), not the page timings of H5.
  assert.match(summary.text, /^冷启动耗时（TotalTime，3 次冷启动 6100、5900、6400 ms 的中位数） 6100 ms；应用内存（TOTAL PSS，峰值） 142\.6 MB；/);
  assert.doesNotMatch(summary.text, /首次内容绘制|JS 堆|DOMContentLoaded/);
  const detection = detectPerformance(bundle, DEFAULT_DETECTOR_SETTINGS);
  assert.equal(detection.inconclusiveReason, undefined);
  assert.ok(detection.findings.some((f) => /冷启动耗时.*6100 ms，超过预算 5000 ms（依据：Android vitals/.test(f.summary) && /测量命令：adb shell/.test(f.summary) && f.evidence.length === 1));
  assert.equal(detection.findings.filter((f) => /6100 ms/.test(f.summary)).length, 1, 'the cold start is judged once, as the figure with its command');
});

test('performance probe on a fast app: every budgeted figure measured and within budget, no finding, decided', async () => {
  const { session, store, base, dir } = setup((c) => (c.startsWith('am start -W') ? out('am-start-w.txt') : c === `dumpsys gfxinfo ${PKG}` ? out('gfxinfo-api28.txt') : c.startsWith('dumpsys meminfo') ? out('meminfo-api23.txt') : ''));
  await runAndRecord(performanceProbe, base, androidProbeTools(session, store, { tapResponseMs: 100, interactiveMs: 5000 }));
  const detection = detectPerformance(readEvidenceBundle(dir), DEFAULT_DETECTOR_SETTINGS);
  assert.deepEqual(detection.findings, []);
  assert.equal(detection.inconclusiveReason, undefined);
});

test('Android budgets: H5-only budgets of the profile dropped, the profile wins where it sets one', () => {
  const b = androidBudgets({ firstContentMs: 3000, jsHeapBytes: 10, interactiveMs: 5000, sources: { firstContentMs: '实验室' } });
  assert.equal(b.firstContentMs, 3000);
  assert.equal(b.sources!.firstContentMs, '实验室');
  assert.equal(b.jsHeapBytes, undefined);
  assert.equal(b.interactiveMs, undefined);
  assert.equal(b.frozenFramePercent, 0.1);
});

test('prompts become permission records: camera after a tap, location at launch, storage left out', () => {
  assert.equal(capabilityOf('要允许“掌上政务”获取此设备的位置信息吗？'), 'geolocation');
  assert.equal(capabilityOf('Allow Demo to take pictures and record video?'), 'camera');
  const records = promptRecords([
    { message: '要允许“掌上政务”获取此设备的位置信息吗？', answer: '允许', after: 'launch', atMs: 1500 },
    { message: '要允许“掌上政务”拍摄照片和录制视频吗？', answer: '允许', after: '/hierarchy/x', afterLabel: '扫一扫', atMs: 4000 },
    { message: '要允许“掌上政务”访问您设备上的照片和媒体内容吗？', answer: '允许', after: 'launch', atMs: 1600 },
  ], 1000, PKG);
  assert.deepEqual(records.map((r) => [r.capability, r.afterUserAction, r.atMs]), [['geolocation', false, 500], ['camera', true, 3000]]);
});

test('permission control: answering clears app data and sets the policy; a clipboard read before any tap is a launch-time read', async () => {
  const { session } = setup((c) => (c.startsWith('appops get') ? 'READ_CLIPBOARD: allow; time=+1s200ms ago\n' : ''));
  let clock = 10_000;
  const control = androidPermissionControl(session, () => clock, (ms) => { clock += ms; return Promise.resolve(); });
  await control.answerWith('denied');
  assert.equal(session.policy.permission, 'deny');
  session.launchMark = { at: 9_000, promptIndex: 0 };
  clock = 11_000;
  // 2 s after the launch already: no wait, the read 1.2 s ago came 0.8 s after the launch.
  const [read] = await control.requests();
  assert.equal(read!.capability, 'clipboard');
  assert.equal(read!.afterUserAction, false);
  assert.equal(read!.atMs, 800);
});

test('login cadence on a device that refuses to set its clock: the probe fails with the device\'s own answer', async () => {
  const screens = [launchScreen('s0', { nodes: [{ id: 0, parent: null, role: 'android.widget.EditText', text: '', fullText: '', bounds: { x: 0, y: 0, width: 10, height: 10 }, clickable: true, editable: true, scrollable: false, inputType: 'password', platform: 'android' }] })];
  const { base, dir } = setup(() => '', evidence({ screens }));
  const clock = androidClockControl((c) => Promise.resolve(c === 'date +%s' ? '1765000000\n' : 'date: cannot set date: Operation not permitted'));
  await assert.rejects(runAndRecord(loginCadenceProbe, base, { clockControl: clock }), /Operation not permitted/);
  const run = readEvidenceBundle(dir).probes!.runs[0]!;
  assert.equal(run.status, 'error');
  assert.match(run.message!, /设备拒绝修改系统时钟.*Operation not permitted/);
});

test('clock control on a device that moves its clock: the new time is read back', async () => {
  let deviceS = 1_765_000_000;
  const clock = androidClockControl((c) => {
    const at = /^date @(\d+)$/.exec(c);
    if (at) deviceS = Number(at[1]);
    return Promise.resolve(`${deviceS}\n`);
  }, () => 0);
  await clock.setOffset(25 * 3_600_000);
  assert.equal(deviceS, 1_765_000_000 + 25 * 3600);
  await clock.setOffset(0);
  assert.equal(deviceS, 1_765_000_000);
});

test('permission control: a prompt that comes after the probe\'s first look is waited for, answered by the capture and recorded', async () => {
  const { session } = setup(() => '');
  const device = (session as unknown as { browser: FakeUia2 }).browser;
  const prompt = source('com.android.permissioncontroller', '<android.widget.TextView index="0" class="android.widget.TextView" text="要允许“智慧党建云”拍摄照片和录制视频吗？" resource-id="com.android.permissioncontroller:id/permission_message" bounds="[80,900][1000,1000]"/><android.widget.Button index="1" class="android.widget.Button" text="允许" resource-id="com.android.permissioncontroller:id/permission_allow_button" clickable="true" bounds="[80,1100][1000,1200]"/>');
  let clock = 0;
  const control = androidPermissionControl(session, () => clock, (ms) => {
    clock += ms;
    // The dialog shows 1.5 s after the launch, while the control waits.
    device.current = 'prompt';
    return Promise.resolve();
  });
  (device as unknown as { screens: Record<string, unknown> }).screens.prompt = { xml: prompt, activity: '.GrantPermissionsActivity', taps: { '/hierarchy/android.widget.FrameLayout[1]/android.widget.Button[1]': 'home' } };
  session.launchMark = { at: 0, promptIndex: session.prompts.length };
  const records = await control.requests();
  assert.deepEqual(records.map((r) => [r.capability, r.afterUserAction]), [['camera', false]]);
  assert.equal(clock, 2000);
});
