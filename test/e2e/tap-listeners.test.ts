/**
 * End to end through Appium 3 + Chromium: a page whose controls are only what the page listens to
 * (addEventListener'd <div>s without cursor:pointer, a list handled from document, a control in a
 * uni-app style custom element's open shadow root, Vue 3 invokers, React props under a root
 * container, jQuery selectors delegated from document). The snapshot must say which nodes respond
 * to a tap and how it knows, and a tap on the shadow-root control must reach its listener.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_DEVICE, PROJECT_ROOT } from '../../src/core/paths.js';
import { H5Session } from '../../src/platforms/h5/h5-session.js';
import type { DeviceSession, UiSnapshot } from '../../src/device/device-session.js';
import { loadDeviceProfile } from '../../src/devices/profile.js';
import type { UiNode } from '../../src/evidence/types.js';
import { startUrlDevice as startH5Device, type StandaloneDevice as H5Device } from '../../src/runner/standalone-device.js';
import { serveFolder, type RunningServer } from '../../src/runner/sample-server.js';

const FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'tap-apps', 'listeners');

function byText(snapshot: UiSnapshot, text: string): UiNode {
  const node = snapshot.nodes.find((n) => n.text === text);
  assert.ok(node, `no node with text ${text}`);
  return node;
}

function reading(node: UiNode): { clickable: boolean; tapSource?: string; delegated?: boolean } {
  return { clickable: node.clickable, ...(node.tapSource ? { tapSource: node.tapSource } : {}), ...(node.delegated ? { delegated: true } : {}) };
}

describe('clickability from what the page listens to (real Chromium)', () => {
  let server: RunningServer;
  let device: H5Device;
  let home: UiSnapshot;
  let frameworks: UiSnapshot;
  let homeSession: DeviceSession;

  before(async () => {
    server = await serveFolder(FIXTURE);
    const profile = loadDeviceProfile(DEFAULT_DEVICE);
    device = await startH5Device(profile, server.url);
    homeSession = device.session;
    await homeSession.launch();
    home = await homeSession.observe();
    const other = new H5Session(device.browser, `${server.url}frameworks.html`);
    await other.launch();
    frameworks = await other.observe();
    await homeSession.launch();
  });

  after(async () => {
    await device?.close();
    await server?.close();
  });

  it('says the listeners were observed from before the first script', () => {
    assert.equal(home.listenersObserved, true);
    assert.equal(frameworks.listenersObserved, true);
  });

  it('takes addEventListener and on* handlers on <div>s for controls', () => {
    assert.deepEqual(reading(byText(home, '进度查询')), { clickable: true, tapSource: 'listener' });
    assert.deepEqual(reading(byText(home, '预约挂号')), { clickable: true, tapSource: 'listener' });
    const guide = home.nodes.find((n) => n.fullText === '办事指南' && n.role === 'div');
    assert.ok(guide);
    assert.deepEqual(reading(guide), { clickable: true, tapSource: 'listener' });
  });

  it('marks what a document listener may handle as delegated, not clickable', () => {
    assert.deepEqual(reading(byText(home, '社保缴费通知')), { clickable: false, delegated: true });
    assert.deepEqual(reading(byText(home, '欢迎使用')), { clickable: false, delegated: true });
  });

  it('walks an open shadow root and can tap the control inside it', async () => {
    const inner = byText(home, '扫一扫');
    assert.deepEqual(reading(inner), { clickable: true, tapSource: 'listener' });
    assert.match(inner.locator ?? '', / >>> /);
    assert.deepEqual(reading(byText(home, '扫码登录')), { clickable: true, tapSource: 'listener' });
    await homeSession.tap(inner.locator!);
    const after = await homeSession.observe();
    assert.equal(after.nodes.find((n) => n.locator === '#status')?.text, 'scan');
  });

  it('reads Vue 3 invokers, React props and jQuery delegated selectors as framework handlers', () => {
    assert.deepEqual(reading(byText(frameworks, '在线预约')), { clickable: true, tapSource: 'framework' });
    assert.deepEqual(reading(byText(frameworks, '我的证照')), { clickable: true, tapSource: 'framework' });
    assert.deepEqual(reading(byText(frameworks, '政策解读')), { clickable: true, tapSource: 'framework' });
  });

  it('does not mark everything delegated because of React\'s root or jQuery\'s selector dispatcher', () => {
    for (const text of ['温馨提示', '说明文字', '来源：市政府', '框架页']) assert.deepEqual(reading(byText(frameworks, text)), { clickable: false }, text);
  });
});
