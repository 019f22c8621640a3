/** AndroidSession over a scripted UiAutomator2 browser: dialogs by policy, crash detection, cold launch, taps. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppCrash } from '../../../src/device/device-session.js';
import { AndroidSession } from '../../../src/platforms/android/android-session.js';
import { FakeUia2, source } from './fake-uia2.js';

const PKG = 'cn.gov.demo';
const btn = (rid: string, text: string, bounds: string) => `<android.widget.Button index="0" package="${PKG}" class="android.widget.Button" text="${text}" resource-id="${rid}" clickable="true" enabled="true" bounds="${bounds}" displayed="true"/>`;
const home = source(PKG, `<android.widget.TextView index="0" package="${PKG}" class="android.widget.TextView" text="首页" bounds="[0,100][1080,200]"/>${btn(`${PKG}:id/scan`, '扫一扫', '[0,300][540,400]')}`);
const permission = source('com.android.permissioncontroller', '<android.widget.TextView index="0" package="com.android.permissioncontroller" class="android.widget.TextView" text="要允许“掌上政务”拍摄照片和录制视频吗？" resource-id="com.android.permissioncontroller:id/permission_message" bounds="[80,900][1000,1000]"/>'
  + '<android.widget.Button index="1" package="com.android.permissioncontroller" class="android.widget.Button" text="仅在使用该应用时允许" resource-id="com.android.permissioncontroller:id/permission_allow_foreground_only_button" clickable="true" enabled="true" bounds="[80,1100][1000,1200]"/>'
  + '<android.widget.Button index="2" package="com.android.permissioncontroller" class="android.widget.Button" text="不允许" resource-id="com.android.permissioncontroller:id/permission_deny_button" clickable="true" enabled="true" bounds="[80,1300][1000,1400]"/>');
const launcher = source('com.android.launcher3', '<android.widget.TextView index="0" package="com.android.launcher3" class="android.widget.TextView" text="Phone" bounds="[0,0][100,100]"/>');
const XP = {
  scan: '/hierarchy/android.widget.FrameLayout[1]/android.widget.Button[1]',
  allow: '/hierarchy/android.widget.FrameLayout[1]/android.widget.Button[1]',
  deny: '/hierarchy/android.widget.FrameLayout[1]/android.widget.Button[2]',
};

function fakeApp(): FakeUia2 {
  return new FakeUia2({
    home: { xml: home, activity: '.MainActivity', taps: { [XP.scan]: 'askCamera' } },
    askCamera: { xml: permission, activity: 'com.android.permissioncontroller.permission.ui.GrantPermissionsActivity', taps: { [XP.allow]: 'home', [XP.deny]: 'home' } },
    launcher: { xml: launcher, activity: '.Launcher' },
  }, 'home');
}

test('snapshot: package/activity screen key, nodes from the page source, device-pixel viewport', async () => {
  const session = new AndroidSession(fakeApp(), { packageName: PKG });
  const snap = await session.snapshot();
  assert.equal(snap.screenKey, `${PKG}/${PKG}.MainActivity`);
  assert.deepEqual(snap.viewport, { width: 1080, height: 2400, devicePixelRatio: 1 });
  assert.match(snap.visibleText, /首页\n扫一扫/);
  assert.equal(snap.nodes.find((n) => n.text === '扫一扫')?.resourceId, `${PKG}:id/scan`);
  assert.equal(snap.listenersObserved, false);
});

test('a permission prompt after a tap is answered by policy, recorded with the tap it followed, and the app screen is returned', async () => {
  const device = fakeApp();
  const session = new AndroidSession(device, { packageName: PKG }, { policy: { permission: 'deny', anr: 'close' } });
  await session.snapshot();
  await session.tap(XP.scan);
  const snap = await session.snapshot();
  assert.match(snap.visibleText, /首页/);
  assert.deepEqual(device.clicks, [XP.scan, XP.deny]);
  assert.equal(session.prompts.length, 1);
  assert.equal(session.prompts[0]!.answer, '拒绝');
  assert.equal(session.prompts[0]!.after, XP.scan);
  assert.equal(session.prompts[0]!.afterLabel, '扫一扫');
  const logs = await session.drainLogs();
  assert.equal(logs[0]!.level, 'DIALOG');
  assert.match(logs[0]!.message, /拍摄照片.*在点击「扫一扫」之后出现，按策略拒绝/);
});

test('a prompt at launch is said to come at launch, and the allow policy presses the foreground-only button', async () => {
  const device = fakeApp();
  device.current = 'askCamera';
  const session = new AndroidSession(device, { packageName: PKG });
  await session.snapshot();
  assert.deepEqual(device.clicks, [XP.allow]);
  assert.equal(session.prompts[0]!.after, 'launch');
  assert.equal(session.prompts[0]!.answer, '允许');
});

test('a tap refused while the launch prompt covers the screen does not own it: the prompt is the launch\'s', async () => {
  const device = fakeApp();
  device.current = 'askCamera';
  const session = new AndroidSession(device, { packageName: PKG });
  // The first lookup (the replayed tap) is refused, as UiAutomator2 does for a control under another window.
  const find = device.findElement.bind(device);
  let refused = false;
  device.findElement = (using, value) => (refused ? find(using, value) : (refused = true, Promise.reject(new Error('no such element'))));
  await assert.rejects(session.tap(XP.scan), /no such element/);
  await session.snapshot();
  assert.deepEqual(session.prompts.map((p) => p.after), ['launch']);
  // Known from that snapshot, the control is not tapped at its old place while the prompt covers it again.
  device.current = 'askCamera';
  refused = false;
  await assert.rejects(session.tap(XP.scan), /intercepted/);
  assert.ok(!device.calls.some((c) => c.script === 'mobile: clickGesture'), 'no click gesture under the dialog');
});

test('the app process gone: AppCrashedError with the FATAL EXCEPTION line from logcat', async () => {
  const device = fakeApp();
  device.current = 'launcher';
  device.alive = false;
  device.logcat = [
    '12-06 08:01:02.345  4321  4321 E AndroidRuntime: FATAL EXCEPTION: main',
    '12-06 08:01:02.345  4321  4321 E AndroidRuntime: Process: cn.gov.demo, PID: 4321',
    '12-06 08:01:02.345  4321  4321 E AndroidRuntime: java.lang.NullPointerException: report was null',
    '12-06 08:01:02.345  4321  4321 E AndroidRuntime: \tat cn.gov.demo.ReportActivity.onCreate(ReportActivity.java:42)',
  ];
  const session = new AndroidSession(device, { packageName: PKG });
  await assert.rejects(session.snapshot(), (e: unknown) => isAppCrash(e) && /NullPointerException: report was null/.test(e.message) && e.kind === '应用进程退出');
});

test('another app in front while ours still runs is not a crash', async () => {
  const device = fakeApp();
  device.current = 'launcher';
  const session = new AndroidSession(device, { packageName: PKG });
  const snap = await session.snapshot();
  assert.equal(snap.screenKey, 'com.android.launcher3/com.android.launcher3.Launcher');
});

test('launch with shell: force-stop then am start -W, TotalTime recorded', async () => {
  const device = fakeApp();
  device.shellAnswers[`am start -W -n ${PKG}/.MainActivity`] = 'Starting: Intent { cmp=cn.gov.demo/.MainActivity }\nStatus: ok\nLaunchState: COLD\nActivity: cn.gov.demo/.MainActivity\nTotalTime: 812\nWaitTime: 820\nComplete\n';
  const session = new AndroidSession(device, { packageName: PKG, activity: '.MainActivity' }, { shell: true, settleMaxMs: 0 });
  await session.launch();
  const shells = device.calls.filter((c) => c.script === 'mobile: shell').map((c) => c.args[0] as { command: string; args: string[] });
  assert.deepEqual(shells.map((s) => [s.command, ...s.args].join(' ')), [`am force-stop ${PKG}`, `am start -W -n ${PKG}/.MainActivity`]);
  assert.equal(session.launches[0]!.totalTimeMs, 812);
  assert.equal(session.launches[0]!.launchState, 'COLD');
});

test('a tap whose XPath no longer resolves falls back to the centre of the node last seen', async () => {
  const device = fakeApp();
  const session = new AndroidSession(device, { packageName: PKG });
  await session.snapshot();
  device.findElement = () => Promise.reject(new Error('no such element'));
  await session.tap(XP.scan);
  assert.deepEqual(device.calls.at(-1), { script: 'mobile: clickGesture', args: [{ x: 270, y: 350 }] });
});

test('settle after a step that killed the app fails with AppCrashedError (the step is where it died)', async () => {
  const device = fakeApp();
  const session = new AndroidSession(device, { packageName: PKG }, { settleMaxMs: 0 });
  device.current = 'launcher';
  device.alive = false;
  await assert.rejects(session.settle(), (e: unknown) => isAppCrash(e));
  device.alive = true;
  await session.settle();
});

test('scroll: by the scrollable container element (the driver sends it as the gesture origin)', async () => {
  const device = new FakeUia2({ list: { xml: source(PKG, '<androidx.recyclerview.widget.RecyclerView index="0" class="androidx.recyclerview.widget.RecyclerView" scrollable="true" bounds="[0,200][1080,2000]"/>'), activity: '.ListActivity' } }, 'list');
  const session = new AndroidSession(device, { packageName: PKG });
  await session.snapshot();
  await session.scroll();
  const call = device.calls.at(-1)!;
  assert.equal(call.script, 'mobile: scrollGesture');
  assert.deepEqual(call.args[0], { elementId: 'el-0', direction: 'down', percent: 0.75 });
});
