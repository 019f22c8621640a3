/**
 * The unmodified XCUITest driver (real Appium 3, `--use-drivers xcuitest`, the project's Appium home)
 * against the simulated iPhone's fake WebDriverAgent with samples/ios-violating.ipa installed:
 * a WebdriverIO session gets the page source, finds and clicks, takes a screenshot, answers the
 * permission alert; then the iOS DeviceSession explores over the same session (alerts by policy,
 * screen keys, back, a crash). Run under `flock /tmp/govapp-audit-e2e.lock`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { AppCrashedError } from '../../src/device/device-session.js';
import { loadDeviceProfile } from '../../src/devices/profile.js';
import { iosCapabilities } from '../../src/platforms/ios/capabilities.js';
import { IosSession } from '../../src/platforms/ios/ios-session.js';
import type { XcuiBrowser } from '../../src/platforms/ios/xcui-browser.js';
import { useProjectAppiumHome } from '../../src/runner/appium-home.js';
import { freePort } from '../../src/runner/ports.js';
import { startSimIos, type SimIosHandle } from '../../src/sim/ios/start-sim-ios.js';

const IPA = join('samples', 'ios-violating.ipa');
const BUNDLE = 'cn.gov.example.zhangshang';
const scratchDir = mkdtempSync(join(tmpdir(), 'e2e-ios-'));

void describe('XCUITest driver against the simulated iPhone', { timeout: 180_000 }, () => {
  let sim: SimIosHandle;
  let appium: { close(): Promise<void> };
  let browser: WebdriverIO.Browser;

  before(async () => {
    sim = await startSimIos({ packageFile: IPA });
    const port = await freePort();
    useProjectAppiumHome();
    const { main } = await import('appium');
    appium = (await main({ address: '127.0.0.1', port, log: join(scratchDir, 'appium.log'), loglevel: 'error:info', useDrivers: ['xcuitest'] } as Parameters<typeof main>[0])) as unknown as { close(): Promise<void> };
    const caps = iosCapabilities(loadDeviceProfile('sim-ios'), { ports: {}, scratchDir }, { target: IPA, packageFile: IPA }, { simulated: true, wdaUrl: sim.wdaUrl, udid: sim.udid, platformVersion: sim.platformVersion, bundleId: BUNDLE, appName: '掌上政务通' });
    const { remote } = await import('webdriverio');
    browser = await remote({ hostname: '127.0.0.1', port, path: '/', logLevel: 'silent', connectionRetryCount: 0, capabilities: caps });
  });

  after(async () => {
    await browser?.deleteSession().catch(() => undefined);
    await appium?.close();
    await sim?.stop();
  });

  void it('opens a session; page source, alert, find, click and screenshot go through the driver to WDA', async () => {
    await browser.execute('mobile: launchApp', { bundleId: BUNDLE });
    assert.equal(await browser.execute('mobile: queryAppState', { bundleId: BUNDLE }), 4);
    assert.match(await browser.getAlertText(), /^“掌上政务通”想访问您的通讯录\n用于邀请同事下载安装本应用$/);
    await browser.dismissAlert();
    await assert.rejects(browser.getAlertText(), /no such alert|modal dialog when one was not open/);
    const source = await browser.getPageSource();
    assert.match(source, /<XCUIElementTypeApplication type="XCUIElementTypeApplication" name="掌上政务通"/);
    assert.match(source, /<XCUIElementTypeNavigationBar type="XCUIElementTypeNavigationBar" name="首页"/);
    await browser.$('~home.checkin').click();
    assert.match(await browser.getPageSource(), /XCUIElementTypeNavigationBar" name="每日签到"/);
    const png = Buffer.from(await browser.takeScreenshot(), 'base64');
    const meta = await sharp(png).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['png', 1170, 2532]);
    const routes = new Set(sim.wda.calls.map((c) => `${c.method} ${c.route}`));
    for (const r of ['GET /status', 'POST /session', 'GET /source', 'POST /element', 'POST /element/:uuid/click', 'GET /screenshot', 'GET /alert/text', 'POST /alert/dismiss', 'POST /wda/apps/launch', 'POST /wda/apps/state']) assert.ok(routes.has(r), `${r} in ${[...routes].join(', ')}`);
    assert.deepEqual(sim.wda.calls.filter((c) => c.status >= 500), [], 'no route failed');
  });

  void it('explores through the iOS DeviceSession: prompt by policy, screen keys, back, a crash and the relaunch', async () => {
    const session = new IosSession(browser as unknown as XcuiBrowser, { bundleId: BUNDLE, name: '掌上政务通' }, { settleQuietMs: 80, settleMaxMs: 1000 });
    await session.launch();
    const home = await session.observe();
    assert.equal(home.screenKey, `${BUNDLE}/首页`);
    assert.ok(home.dialogs?.some((d) => d.accepted && d.message.includes('想访问您的通讯录')), 'the contacts prompt was answered 允许');
    assert.deepEqual(session.prompts.map((p) => [p.answer, p.after]), [['允许', 'launch']]);
    const checkin = home.nodes.find((n) => n.resourceId === 'home.checkin')!;
    assert.equal(checkin.role, 'XCUIElementTypeButton');
    await session.tap(checkin.locator!);
    const signIn = await session.observe();
    assert.equal(signIn.screenKey, `${BUNDLE}/每日签到`);
    assert.ok(signIn.visibleText.includes('已连续签到 6 天'));
    await session.back();
    assert.equal((await session.observe()).screenKey, `${BUNDLE}/首页`);
    const work = home.nodes.find((n) => n.role === 'XCUIElementTypeButton' && n.text === '工作')!;
    await session.tap(work.locator!);
    const report = (await session.observe()).nodes.find((n) => n.resourceId === 'work.report')!;
    await session.tap(report.locator!);
    const sync = (await session.observe()).nodes.find((n) => n.resourceId === 'report.sync')!;
    await session.tap(sync.locator!);
    await assert.rejects(session.snapshot(), (e: unknown) => e instanceof AppCrashedError && e.kind === '应用进程退出');
    await session.relaunchAfterCrash();
    assert.equal((await session.observe()).screenKey, `${BUNDLE}/首页`);
  });
});
