/**
 * The simulated iPhone over the shared engine, without Appium: the .ipa installs from its Info.plist
 * and model, the permission alert carries the Info.plist purpose, taps/edge swipes/scrolls act in
 * points over the @3x engine, a crash leaves the app not running, and HTTPS goes through the Wi-Fi
 * proxy (the run's capture proxy records the body).
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CaptureProxy } from '../../src/platforms/shared/network-proxy/capture-proxy.js';
import { readIpaFacts } from '../../src/sim/ios/ipa-facts.js';
import { SimIos } from '../../src/sim/ios/sim-ios.js';
import { APP_STATE } from '../../src/sim/ios/wda-device.js';
import { allElements, applicationTree, type XcuiElement } from '../../src/sim/ios/xcui-tree.js';

const BUNDLE = 'cn.gov.example.zhangshang';
const find = (sim: SimIos, pred: (e: XcuiElement) => boolean): XcuiElement | undefined => allElements(applicationTree('x', sim.view(), sim.info.screen)).find(pred);
const center = (e: XcuiElement): [number, number] => [e.rect.x + e.rect.width / 2, e.rect.y + e.rect.height / 2];
const nav = (sim: SimIos): string | undefined => find(sim, (e) => e.type === 'XCUIElementTypeNavigationBar')?.name;

void describe('simulated iPhone', () => {
  let sim: SimIos;
  let proxy: CaptureProxy;

  before(async () => {
    sim = new SimIos();
    const facts = await readIpaFacts(join('samples', 'ios-violating.ipa'));
    assert.equal(facts.packageName, BUNDLE);
    assert.equal(facts.label, '掌上政务通');
    assert.equal(facts.usage.NSCameraUsageDescription, '用于拍摄工作留痕现场照片');
    sim.install(facts);
    proxy = await CaptureProxy.start({ scratchDir: mkdtempSync(join(tmpdir(), 'sim-ios-')), upstream: 'answer-locally' });
    sim.setProxy(`127.0.0.1:${proxy.port}`);
  });
  after(async () => {
    sim.close();
    await proxy.stop();
  });

  void it('launches cold, asks for contacts with the app\'s purpose string, and answers from the alert buttons', async () => {
    assert.equal(sim.appState(BUNDLE), APP_STATE.notRunning);
    await sim.launch(BUNDLE);
    assert.equal(sim.appState(BUNDLE), APP_STATE.foreground);
    assert.equal(sim.active().name, '掌上政务通');
    const alert = find(sim, (e) => e.type === 'XCUIElementTypeAlert')!;
    assert.equal(alert.label, '“掌上政务通”想访问您的通讯录');
    assert.ok(find(sim, (e) => e.value === '用于邀请同事下载安装本应用'));
    const allow = find(sim, (e) => e.type === 'XCUIElementTypeButton' && e.label === '好')!;
    sim.tap(...center(allow));
    assert.equal(find(sim, (e) => e.type === 'XCUIElementTypeAlert'), undefined);
    assert.ok(sim.device.packages.get(BUNDLE)!.granted.has('NSContactsUsageDescription'));
  });

  void it('forgets the answer on resetAuthorization (iOS terminates the app) and asks again at the next launch', async () => {
    sim.resetAuthorization(['NSContactsUsageDescription']);
    assert.equal(sim.appState(BUNDLE), APP_STATE.notRunning);
    assert.equal(sim.device.packages.get(BUNDLE)!.granted.has('NSContactsUsageDescription'), false);
    await sim.launch(BUNDLE);
    const deny = find(sim, (e) => e.type === 'XCUIElementTypeButton' && e.label === '不允许')!;
    sim.tap(...center(deny));
    assert.ok(sim.device.packages.get(BUNDLE)!.denied.has('NSContactsUsageDescription'));
    sim.resetAuthorization(['NSContactsUsageDescription']);
    assert.equal(sim.device.packages.get(BUNDLE)!.denied.has('NSContactsUsageDescription'), false);
    await sim.launch(BUNDLE);
    sim.tap(...center(find(sim, (e) => e.type === 'XCUIElementTypeButton' && e.label === '好')!));
  });

  void it('navigates by taps in points, goes back by the left-edge swipe only where a back button is, and scrolls', () => {
    sim.tap(...center(find(sim, (e) => e.name === 'home.notice')!));
    assert.equal(nav(sim), '通知详情');
    sim.drag({ x: 2, y: 422 }, { x: 300, y: 422 });
    assert.equal(nav(sim), '首页');
    sim.drag({ x: 2, y: 422 }, { x: 300, y: 422 });
    assert.equal(nav(sim), '首页', 'a tab root has nothing to pop');
    const before = find(sim, (e) => e.name === 'home.news2')!.rect.y;
    sim.drag({ x: 195, y: 700 }, { x: 195, y: 300 });
    const moved = find(sim, (e) => e.name === 'home.news2');
    assert.ok(!moved || moved.rect.y <= before, 'content moved up or stayed when it fits');
  });

  void it('crashes on the scripted tap: the app is no longer running, and relaunches', async () => {
    sim.tap(...center(find(sim, (e) => e.type === 'XCUIElementTypeButton' && e.label === '工作')!));
    sim.tap(...center(find(sim, (e) => e.name === 'work.report')!));
    sim.tap(...center(find(sim, (e) => e.name === 'report.sync')!));
    assert.equal(sim.appState(BUNDLE), APP_STATE.notRunning);
    assert.equal(sim.active().bundleId, 'com.apple.springboard');
    await sim.activate(BUNDLE);
    assert.equal(nav(sim), '首页');
  });

  void it('sends the app\'s HTTPS requests through the Wi-Fi proxy, where the capture proxy reads their bodies', async () => {
    const deadline = Date.now() + 5000;
    let seen = proxy.drain();
    while (!seen.some((r) => r.url.endsWith('/api/device/register')) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      seen = seen.concat(proxy.drain());
    }
    const register = seen.find((r) => r.url === 'https://zwfw.example.gov.cn/api/device/register')!;
    assert.equal(register.method, 'POST');
    assert.match(register.postData ?? '', /"contactsCount":312/);
    assert.ok(sim.sent.every((s) => s.via === `127.0.0.1:${proxy.port}`));
  });

  void it('renders a @3x PNG of what is shown', async () => {
    const png = await sim.screenshot();
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.equal(png.readUInt32BE(16), 1170);
    assert.equal(png.readUInt32BE(20), 2532);
  });
});
