/**
 * The iOS DeviceSession over a scripted XCUITest browser: alerts answered by policy and recorded,
 * the screen key, back through the app's own control or the edge swipe, a dead app as
 * AppCrashedError, truthful capabilities; and the capabilities/system check per kind of host.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppCrashedError, CapabilityMissingError } from '../../src/device/device-session.js';
import type { DeviceProfile } from '../../src/devices/profile.js';
import { iosCapabilities, SIM_IOS } from '../../src/platforms/ios/capabilities.js';
import { decideAlert, isPermissionPrompt } from '../../src/platforms/ios/ios-alerts.js';
import { IosSession } from '../../src/platforms/ios/ios-session.js';
import { iosProbeTools } from '../../src/platforms/ios/probe-tools.js';
import { iosCapabilityOf, iosPermissionControl } from '../../src/platforms/ios/tools/permission-control.js';
import { iosHostGap } from '../../src/platforms/ios/system-check.js';
import type { ElementReference, XcuiBrowser } from '../../src/platforms/ios/xcui-browser.js';

const APP = { bundleId: 'cn.gov.example.zhangshang', name: '掌上政务通' };

const source = (nav: string | undefined, back: boolean, appLabel = APP.name): string => `<?xml version="1.0" encoding="UTF-8"?>
<AppiumAUT>
  <XCUIElementTypeApplication type="XCUIElementTypeApplication" name="${appLabel}" label="${appLabel}" enabled="true" visible="true" accessible="false" x="0" y="0" width="390" height="844" index="0">
    <XCUIElementTypeWindow type="XCUIElementTypeWindow" enabled="true" visible="true" accessible="false" x="0" y="0" width="390" height="844" index="0">
${nav ? `      <XCUIElementTypeNavigationBar type="XCUIElementTypeNavigationBar" name="${nav}" enabled="true" visible="true" accessible="false" x="0" y="47" width="390" height="44" index="0">
${back ? '        <XCUIElementTypeButton type="XCUIElementTypeButton" name="nav.back" label="返回" enabled="true" visible="true" accessible="true" x="0" y="47" width="88" height="44" index="0"/>\n' : ''}        <XCUIElementTypeStaticText type="XCUIElementTypeStaticText" value="${nav}" name="${nav}" label="${nav}" enabled="true" visible="true" accessible="true" x="95" y="58" width="200" height="22" index="1"/>
      </XCUIElementTypeNavigationBar>
` : ''}      <XCUIElementTypeButton type="XCUIElementTypeButton" name="home.checkin" label="立即签到" enabled="true" visible="true" accessible="true" x="16" y="300" width="358" height="50" index="1"/>
    </XCUIElementTypeWindow>
  </XCUIElementTypeApplication>
</AppiumAUT>
`;

class ScriptedBrowser implements XcuiBrowser {
  readonly sessionId = 'S1';
  calls: string[] = [];
  alerts: string[] = [];
  page = source('首页', false);
  appState = 4;
  getPageSource() { this.calls.push('source'); return Promise.resolve(this.page); }
  takeScreenshot() { return Promise.resolve(Buffer.from('png').toString('base64')); }
  execute<T>(script: string, ...args: unknown[]): Promise<T> {
    this.calls.push(`${script} ${JSON.stringify(args[0] ?? {})}`);
    if (script === 'mobile: alert') this.alerts.shift();
    if (script === 'mobile: queryAppState') return Promise.resolve(this.appState as T);
    if (script === 'mobile: deviceScreenInfo') return Promise.resolve({ scale: 3 } as T);
    return Promise.resolve(undefined as T);
  }
  findElement(using: string, value: string): Promise<ElementReference> {
    this.calls.push(`find ${using} ${value}`);
    // As on the double, an open alert hides the app's elements.
    if (this.alerts.length && this.alertsHideApp) return Promise.reject(new Error('no such element: An element could not be located on the page using the given search parameters.'));
    return Promise.resolve({ 'element-6066-11e4-a52e-4f735466cecf': 'E1' });
  }
  alertsHideApp = false;
  elementClick(id: string) { this.calls.push(`click ${id}`); return Promise.resolve(null); }
  elementClear() { return Promise.resolve(null); }
  elementSendKeys() { return Promise.resolve(null); }
  getAlertText() { return this.alerts[0] === undefined ? Promise.reject(new Error('no such alert')) : Promise.resolve(this.alerts[0]); }
  getWindowRect() { return Promise.resolve({ x: 0, y: 0, width: 390, height: 844 }); }
  getLogs() { return Promise.resolve([]); }
}

const quick = { sleep: () => Promise.resolve(), settleMaxMs: 0 };

void describe('IosSession', () => {
  void it('answers a permission prompt at launch by policy, records it, and keys the screen by bundle and navigation bar', async () => {
    const browser = new ScriptedBrowser();
    browser.alerts = ['“掌上政务通”想访问您的通讯录\n用于邀请同事下载安装本应用'];
    const session = new IosSession(browser, APP, quick);
    await session.launch();
    assert.ok(browser.calls.includes(`mobile: launchApp ${JSON.stringify({ bundleId: APP.bundleId })}`));
    const shot = await session.snapshot();
    assert.ok(browser.calls.includes('mobile: alert {"action":"accept"}'));
    assert.equal(shot.screenKey, 'cn.gov.example.zhangshang/首页');
    assert.equal(shot.title, '首页');
    assert.equal(shot.viewport.devicePixelRatio, 3);
    assert.equal(shot.dialogs?.length, 1);
    assert.match(shot.dialogs[0]!.message, /^系统权限请求「“掌上政务通”想访问您的通讯录 用于邀请同事下载安装本应用」启动时出现，按策略允许$/);
    assert.deepEqual(session.prompts.map((p) => [p.answer, p.after]), [['允许', 'launch']]);
    assert.equal((await session.snapshot()).dialogs, undefined, 'dialogs are reported once');
  });

  void it('denies prompts under a deny policy and dismisses app alerts the explorer marks destructive', async () => {
    const browser = new ScriptedBrowser();
    const session = new IosSession(browser, APP, { ...quick, policy: { permission: 'deny' } });
    session.setDialogPolicy(/退出登录/);
    browser.alerts = ['“掌上政务通”想使用您的相机', '确定要退出登录吗？'];
    await session.tap('/XCUIElementTypeApplication[1]/XCUIElementTypeWindow[1]/XCUIElementTypeButton[1]');
    const shot = await session.snapshot();
    assert.deepEqual(browser.calls.filter((c) => c.startsWith('mobile: alert')), ['mobile: alert {"action":"dismiss"}', 'mobile: alert {"action":"dismiss"}']);
    assert.deepEqual(shot.dialogs?.map((d) => d.accepted), [false, false]);
    assert.equal(session.prompts[0]?.answer, '拒绝');
    assert.equal(session.prompts[0]?.after, '/XCUIElementTypeApplication[1]/XCUIElementTypeWindow[1]/XCUIElementTypeButton[1]');
  });

  void it('permission control: resets the declared resources through WDA with the app in front, then records the launch prompts in each mode', async () => {
    const browser = new ScriptedBrowser();
    const session = new IosSession(browser, APP, quick);
    let clock = 10_000;
    const control = iosPermissionControl(session, ['NSContactsUsageDescription', 'NSCameraUsageDescription', 'NSFaceIDUsageDescription'], () => clock, (ms) => { clock += ms; return Promise.resolve(); });
    browser.appState = 1;
    await control.answerWith('denied');
    const resets = browser.calls.filter((c) => /activateApp|resetPermission/.test(c));
    assert.deepEqual(resets, [`mobile: activateApp ${JSON.stringify({ bundleId: APP.bundleId })}`, 'mobile: resetPermission {"service":"contacts"}', 'mobile: resetPermission {"service":"camera"}']);
    browser.appState = 4;
    await session.launch();
    browser.alerts = ['“掌上政务通”想访问您的通讯录\n用于邀请同事下载安装本应用'];
    const denied = await control.requests();
    assert.ok(browser.calls.includes('mobile: alert {"action":"dismiss"}'));
    assert.deepEqual(denied.map((r) => [r.capability, r.afterUserAction, r.url]), [['contacts', false, APP.bundleId]]);
    await control.answerWith('granted');
    await session.launch();
    assert.deepEqual(await control.requests(), [], 'only prompts since the latest launch');
    assert.match(control.limits!.join(''), /通知权限无法经 XCUITest 重置.*NSFaceIDUsageDescription/);
  });

  void it('permission control: a refused reset is an error naming the service (the probe then fails, never passes)', async () => {
    const browser = new ScriptedBrowser();
    const execute = browser.execute.bind(browser);
    browser.execute = <T>(script: string, ...args: unknown[]): Promise<T> => script === 'mobile: resetPermission' ? Promise.reject(new Error('unknown command /wda/resetAppAuth')) : execute<T>(script, ...args);
    const control = iosPermissionControl(new IosSession(browser, APP, quick), ['NSLocationWhenInUseUsageDescription']);
    await assert.rejects(control.answerWith('granted'), /未能重置「location」权限.*unknown command/);
    assert.equal(iosCapabilityOf('“掌上政务通”想使用您的位置'), 'geolocation');
    assert.equal(iosCapabilityOf('“App” Would Like to Access the Camera'), 'camera');
    assert.equal(iosCapabilityOf('“掌上政务通”想访问您的照片'), undefined);
  });

  void it('a tap refused under the launch alert does not own that alert: the prompt answered afterwards is the launch\'s', async () => {
    const browser = new ScriptedBrowser();
    browser.alertsHideApp = true;
    const session = new IosSession(browser, APP, quick);
    await session.launch();
    browser.alerts = ['“掌上政务通”想访问您的通讯录'];
    const tab = '/XCUIElementTypeApplication[1]/XCUIElementTypeWindow[1]/XCUIElementTypeButton[1]';
    await assert.rejects(session.tap(tab), /no such element/);
    await session.snapshot();
    await session.tap(tab);
    // Known from the last snapshot, the control is not tapped at its old place while an alert covers it.
    browser.alerts = ['“掌上政务通”想访问您的通讯录'];
    browser.calls = [];
    await assert.rejects(session.tap(tab), /intercepted/);
    assert.ok(!browser.calls.some((c) => c.startsWith('mobile: tap')), browser.calls.join('\n'));
    await session.snapshot();
    await session.tap(tab);
    browser.alerts = ['“掌上政务通”想使用您的相机'];
    await session.snapshot();
    assert.deepEqual(session.prompts.map((p) => p.after), ['launch', tab, tab]);
  });

  void it('goes back with the navigation bar back button, and by the left-edge swipe when there is none', async () => {
    const browser = new ScriptedBrowser();
    browser.page = source('积分排行榜', true);
    const session = new IosSession(browser, APP, quick);
    await session.snapshot();
    await session.back();
    assert.ok(browser.calls.includes('find xpath /XCUIElementTypeApplication[1]/XCUIElementTypeWindow[1]/XCUIElementTypeNavigationBar[1]/XCUIElementTypeButton[1]'));
    browser.page = source(undefined, false);
    await session.snapshot();
    browser.calls = [];
    await session.back();
    assert.deepEqual(browser.calls, ['mobile: dragFromToForDuration {"fromX":2,"fromY":422,"toX":293,"toY":422,"duration":0.3}']);
  });

  void it('reports a dead app as AppCrashedError, and an app merely in the background as its screen', async () => {
    const browser = new ScriptedBrowser();
    const session = new IosSession(browser, APP, quick);
    browser.page = source('主屏幕', false, ' ');
    browser.appState = 3;
    assert.equal((await session.snapshot()).screenKey, 'cn.gov.example.zhangshang/主屏幕');
    browser.appState = 1;
    await assert.rejects(session.snapshot(), (e: unknown) => e instanceof AppCrashedError && e.kind === '应用进程退出' && /no longer running/.test(e.message));
    await assert.rejects(session.settle(), AppCrashedError, 'a path replay settles after each step: the crash shows there');
    browser.page = source('首页', false);
    await session.settle();
  });

  void it('says what it cannot do: no network without the proxy, no device log without usbmuxd, no data reset', async () => {
    const session = new IosSession(new ScriptedBrowser(), APP, quick);
    assert.equal(session.can.networkObserved, false);
    assert.equal(session.can.logs, false);
    assert.equal(session.can.clearData, false);
    assert.equal(session.can.dialogs, true);
    await assert.rejects(session.drainNetwork(), CapabilityMissingError);
    await assert.rejects(session.drainLogs(), CapabilityMissingError);
    await assert.rejects(session.clearAppData(), CapabilityMissingError);
    const observed = new IosSession(new ScriptedBrowser(), APP, { ...quick, network: { drain: () => [{ url: 'https://x.example/a', method: 'GET', status: 200, ts: 1 } as never] } });
    assert.equal(observed.can.networkObserved, true);
    assert.deepEqual(Object.keys(iosProbeTools(session, [])), ['permissionControl'], 'no network tap without the proxy');
    const tap = iosProbeTools(observed, []).networkTap!;
    assert.deepEqual((await tap.drain('network-idle')).map((r) => [r.type, r.probe, r.url]), [['network', 'network-idle', 'https://x.example/a']]);
  });

  void it('installs the lab CA once before the first launch on a real device, and keeps how it went', async () => {
    const browser = new ScriptedBrowser();
    const session = new IosSession(browser, APP, { ...quick, labCa: 'TEFCIENB' });
    await session.launch();
    await session.launch();
    assert.deepEqual(browser.calls.filter((c) => c.startsWith('mobile: installCertificate')), ['mobile: installCertificate {"content":"TEFCIENB","isRoot":true}']);
    assert.deepEqual(session.certificate, { installed: true });
    const plain = new ScriptedBrowser();
    await new IosSession(plain, APP, quick).launch();
    assert.ok(!plain.calls.some((c) => c.includes('installCertificate')));
  });

  void it('tells permission prompts from app alerts in Chinese and English', () => {
    for (const t of ['“恒易贷”想访问您的通讯录', '允许“恒易贷”使用无线数据？', '“Netzme STG” Would Like to Send You Notifications', '允许“掌上政务通”访问您的位置？']) assert.ok(isPermissionPrompt(t), t);
    for (const t of ['是否放弃注册？', '确定要退出登录吗？', '签到成功']) assert.ok(!isPermissionPrompt(t), t);
    assert.deepEqual(decideAlert('是否放弃注册？', { permission: 'allow', dismissApp: /放弃/ }), { kind: 'app', action: 'dismiss', answer: '取消' });
  });
});

void describe('iOS capabilities and host check', () => {
  const profile = (extra: object): DeviceProfile => ({ name: 'x', label: 'iPhone 15', platform: 'ios', ...extra });
  const slot = (ports: object, more: object = {}) => ({ ports, scratchDir: '/tmp/x', ...more });

  void it('points the simulated iPhone at its fake WDA with the fixed udid and version, no app install', () => {
    const caps = iosCapabilities(profile({ simulated: true }), slot({ wdaLocalPort: 8123 }), { target: 'a.ipa', packageFile: 'a.ipa' }) as Record<string, unknown>;
    assert.equal(caps['appium:webDriverAgentUrl'], 'http://127.0.0.1:8123');
    assert.equal(caps['appium:udid'], SIM_IOS.udid);
    assert.equal(caps['appium:platformVersion'], SIM_IOS.platformVersion);
    assert.equal(caps['appium:app'], undefined);
    assert.equal(caps['appium:automationName'], 'XCUITest');
  });

  void it('uses a reachable preinstalled WDA on a Linux lab host, else asks the driver to start the preinstalled one', () => {
    const byUrl = iosCapabilities(profile({}), slot({ wdaLocalPort: 8100 }, { host: '10.0.0.7', udid: '00008030-001A2B3C4D5E6F70' }), { target: 'a.ipa', packageFile: '/x/a.ipa' }) as Record<string, unknown>;
    assert.equal(byUrl['appium:webDriverAgentUrl'], 'http://10.0.0.7:8100');
    assert.equal(byUrl['appium:app'], '/x/a.ipa');
    assert.equal(byUrl['appium:usePreinstalledWDA'], undefined);
    const preinstalled = iosCapabilities(profile({}), slot({}, { udid: 'U' }), { target: 'a.ipa' }) as Record<string, unknown>;
    assert.equal(preinstalled['appium:usePreinstalledWDA'], true);
    assert.equal(preinstalled['appium:webDriverAgentUrl'], undefined);
  });

  void it('says in one sentence what a Linux host lacks for a real iPhone, and nothing for the double', () => {
    const linux = { driverInstalled: true, platform: 'linux' as const, usbmuxd: false };
    assert.equal(iosHostGap(linux, { realDevice: false }), undefined);
    assert.match(iosHostGap(linux, { realDevice: true })!, /^This Linux host cannot reach an iPhone: usbmuxd is not running .* forward the device's WDA port\.$/);
    assert.match(iosHostGap(linux, { realDevice: true, wdaUrl: 'http://10.0.0.7:8100', packageFile: 'a.ipa' })!, /cannot install the \.ipa/);
    assert.equal(iosHostGap({ ...linux, usbmuxd: true }, { realDevice: true, packageFile: 'a.ipa' }), undefined);
    assert.equal(iosHostGap({ ...linux, platform: 'darwin' }, { realDevice: true }), undefined);
    assert.match(iosHostGap({ ...linux, driverInstalled: false }, { realDevice: false })!, /XCUITest driver is not installed/);
  });
});
