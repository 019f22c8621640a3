/**
 * End to end through Appium 3 + Chromium: settling waits out a launch toast (登录成功, 0.8 s)
 * and the route change after it, and a Vue-like out-in fade (the URL changes before the old page
 * has left), so each observed screen's content belongs to its URL; a message that outlasts
 * settling is kept in the snapshot but marked transient.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_DEVICE, PROJECT_ROOT } from '../../src/core/paths.js';
import { H5Session } from '../../src/platforms/h5/h5-session.js';
import { loadDeviceProfile } from '../../src/devices/profile.js';
import { startUrlDevice as startH5Device, type StandaloneDevice as H5Device } from '../../src/runner/standalone-device.js';
import { serveFolder, type RunningServer } from '../../src/runner/sample-server.js';

describe('settling before a snapshot (real Chromium)', () => {
  let server: RunningServer;
  let device: H5Device;

  before(async () => {
    server = await serveFolder(join(PROJECT_ROOT, 'test', 'fixtures', 'tap-apps', 'settle'));
    device = await startH5Device(loadDeviceProfile(DEFAULT_DEVICE), server.url);
  });

  after(async () => {
    await device?.close();
    await server?.close();
  });

  it('captures the home route after the launch toast, and the next route after its out-in fade', async () => {
    const session = device.session;
    await session.launch();
    const home = await session.observe();
    assert.match(home.url, /#\/home$/);
    assert.equal(home.title, '首页');
    assert.doesNotMatch(home.visibleText, /登录成功|启动页/);
    const tab = home.nodes.find((n) => n.text === '办事');
    assert.ok(tab?.locator);
    await session.tap(tab.locator);
    const services = await session.observe();
    assert.match(services.url, /#\/services$/);
    assert.equal(services.title, '服务列表');
    assert.doesNotMatch(services.visibleText, /首页内容/);
  });

  it('marks a message that outlasts settling as transient, and nothing else', async () => {
    const session = new H5Session(device.browser, `${server.url}toast.html`);
    await session.launch();
    const snapshot = await session.observe();
    const marked = snapshot.nodes.filter((n) => n.transient).map((n) => n.fullText);
    assert.deepEqual(marked, ['获取定位中…', '获取定位中…']);
  });

  it("marks Vant's toast transient although it is a role=dialog popup that listens for taps, and the page heading names the screen", async () => {
    const session = new H5Session(device.browser, `${server.url}popup-toast.html`);
    await session.launch();
    const snapshot = await session.observe();
    // The popup itself is the outermost node reading exactly 提交成功 (the snapshot lists nodes breadth first).
    const root = snapshot.nodes.find((n) => n.fullText === '提交成功');
    assert.ok(root, 'the toast is in the snapshot (it outlasts settling)');
    const inToast = (n: (typeof snapshot.nodes)[number]): boolean => n.id === root.id || (n.parent !== null && n.parent !== undefined && inToast(snapshot.nodes[n.parent]!));
    const toast = snapshot.nodes.filter(inToast);
    assert.equal(toast.length, 3, 'the popup, its icon and its text');
    assert.ok(root.clickable, 'its box listens for taps');
    assert.deepEqual(toast.filter((n) => !n.transient), [], 'every node of the toast is transient');
    assert.deepEqual(snapshot.nodes.filter((n) => n.transient && !inToast(n)), [], 'nothing else is');
    assert.equal(snapshot.title, '我的办件', 'not 对话框: the toast names no screen');
    const covered = snapshot.nodes.find((n) => n.role === 'button' && n.fullText === '登录');
    assert.ok(covered?.clickable, 'the button under the toast is in the snapshot');
    assert.notEqual(covered.obscured, true, 'a toast over a control does not count as covering it');
  });

  it("keeps Vant's dialog, a role=dialog popup with a button in it, as a dialog that names the screen", async () => {
    const session = new H5Session(device.browser, `${server.url}popup-dialog.html`);
    await session.launch();
    const snapshot = await session.observe();
    assert.deepEqual(snapshot.nodes.filter((n) => n.transient), []);
    assert.equal(snapshot.title, '对话框');
    assert.ok(snapshot.nodes.some((n) => n.clickable && n.fullText === '确认'));
    assert.equal(snapshot.nodes.find((n) => n.role === 'button' && n.fullText === '撤回')?.obscured, true, 'the dialog covers the button under it');
  });
});
