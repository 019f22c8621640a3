/**
 * The fake WebDriverAgent's routes over a small in-memory device: WDA's JSON shapes, the page
 * source in WDA's XML, each locator strategy, element reads and actions, alerts, app state and
 * the errors WDA returns.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseXcuitestSource } from '../../src/device/ios/xcuitest-source.js';
import { APP_STATE, type AppState, type WdaDevice } from '../../src/sim/ios/wda-device.js';
import { startWdaServer, type WdaServer } from '../../src/sim/ios/wda-server.js';
import type { ShownNode } from '../../src/sim/ios/xcui-tree.js';

type B = [number, number, number, number];
const n = (key: string, cls: string, bounds: B, extra: Partial<ShownNode['node']> & { text?: string } = {}, children: ShownNode[] = []): ShownNode =>
  ({ key, node: { class: cls, ...extra }, bounds, text: extra.text ?? '', children });

/** A two-screen app: 首页 with a 办事 button and a 手机号 field; 办事 shows a permission alert. */
class TinyDevice implements WdaDevice {
  readonly info = { udid: 'SIM-UDID', name: 'iPhone', model: 'iPhone15,2', osVersion: '17.4', locale: 'zh_CN', timeZone: 'Asia/Shanghai', screen: { width: 390, height: 844 }, scale: 1, statusBarHeight: 47 };
  state: AppState = APP_STATE.notRunning;
  alert = false;
  answered: string[] = [];
  phone = '';
  taps: [number, number][] = [];
  drags: string[] = [];
  active() { return this.state === APP_STATE.foreground ? { bundleId: 'cn.gov.demo', name: '掌上政务', pid: 4242 } : { bundleId: 'com.apple.springboard', name: ' ', pid: 60 }; }
  view(): ShownNode {
    if (this.state !== APP_STATE.foreground) return n('home', 'XCUIElementTypeOther', [0, 0, 390, 844], {}, [n('home/0', 'XCUIElementTypeIcon', [20, 60, 80, 120], { text: '掌上政务', clickable: true })]);
    const children = [
      n('0/0', 'XCUIElementTypeStaticText', [16, 100, 200, 130], { text: '首页' }),
      n('0/1', 'XCUIElementTypeButton', [16, 200, 116, 244], { id: 'btn.banshi', text: '办事', clickable: true }),
      n('0/2', 'XCUIElementTypeTextField', [16, 300, 374, 344], { id: 'field.phone', hint: '手机号', editable: true, text: this.phone }),
      n('0/3', 'XCUIElementTypeTextField', [16, 360, 374, 404], { id: 'field.pwd', hint: '密码', editable: true, password: true }),
    ];
    if (this.alert) {
      children.push(n('perm', 'XCUIElementTypeAlert', [60, 300, 330, 460], { desc: '“掌上政务”想访问您的通讯录' }, [
        n('perm/0', 'XCUIElementTypeStaticText', [76, 316, 314, 340], { text: '“掌上政务”想访问您的通讯录' }),
        n('perm/1', 'XCUIElementTypeStaticText', [76, 344, 314, 380], { text: '用于添加紧急联系人' }),
        n('perm/2', 'XCUIElementTypeButton', [60, 415, 195, 460], { text: '不允许', clickable: true }),
        n('perm/3', 'XCUIElementTypeButton', [195, 415, 330, 460], { text: '好', clickable: true }),
      ]));
    }
    return n('0', 'XCUIElementTypeOther', [0, 0, 390, 844], {}, children);
  }
  tap(x: number, y: number) {
    this.taps.push([x, y]);
    if (this.alert && y >= 415 && y < 460) { this.answered.push(x < 195 ? '不允许' : '好'); this.alert = false; return; }
    if (x >= 16 && x < 116 && y >= 200 && y < 244) this.alert = true;
  }
  drag(from: { x: number; y: number }, to: { x: number; y: number }) { this.drags.push(`${from.x},${from.y}->${to.x},${to.y}`); }
  setText(key: string, text: string) { if (key !== '0/2') return false; this.phone = text; return true; }
  focusedKey() { return '0/2'; }
  appState(bundleId: string): AppState { return bundleId === 'cn.gov.demo' ? this.state : APP_STATE.unknown; }
  launch() { this.state = APP_STATE.foreground; return Promise.resolve(); }
  activate() { this.state = APP_STATE.foreground; return Promise.resolve(); }
  terminate() { const was = this.state !== APP_STATE.notRunning; this.state = APP_STATE.notRunning; return was; }
  home() { if (this.state === APP_STATE.foreground) this.state = APP_STATE.background; }
  resets: string[][] = [];
  resetAuthorization(keys: readonly string[]) { this.resets.push([...keys]); }
  installedApps() { return [{ bundleId: 'cn.gov.demo', name: '掌上政务' }]; }
  screenshot() { return Promise.resolve(Buffer.from('89504e470d0a1a0a', 'hex')); }
}

void describe('fake WebDriverAgent routes', () => {
  const device = new TinyDevice();
  let wda: WdaServer;
  let sid = '';
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: { value: unknown; sessionId: string | null } }> => {
    const res = await fetch(wda.url + path.replace(':sid', sid), { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, json: (await res.json()) as { value: unknown; sessionId: string | null } };
  };
  const value = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const r = await call(method, path, body);
    assert.equal(r.status, 200, `${method} ${path}: ${JSON.stringify(r.json)}`);
    return r.json.value;
  };
  const find = async (using: string, v: string): Promise<string> => ((await value('POST', '/session/:sid/element', { using, value: v })) as { ELEMENT: string }).ELEMENT;

  before(async () => { wda = await startWdaServer(device); });
  after(async () => { await wda.close(); });

  void it('answers /status and creates a session that launches the bundle, as WDA does', async () => {
    const status = (await value('GET', '/status')) as { ready: boolean; os: { version: string }; build: { productBundleIdentifier: string } };
    assert.equal(status.ready, true);
    assert.equal(status.os.version, '17.4');
    const created = (await value('POST', '/session', { capabilities: { firstMatch: [{ bundleId: 'cn.gov.demo', shouldWaitForQuiescence: true }], alwaysMatch: {} } })) as { sessionId: string; capabilities: { CFBundleIdentifier: string } };
    sid = created.sessionId;
    assert.match(sid, /^[0-9A-F-]{36}$/);
    assert.equal(created.capabilities.CFBundleIdentifier, 'cn.gov.demo');
    assert.equal(await value('POST', '/session/:sid/wda/apps/state', { bundleId: 'cn.gov.demo' }), 4);
  });

  void it('serves the page source as XCUITest XML that the adapter reads back', async () => {
    const xml = (await value('GET', '/session/:sid/source?format=xml&scope=AppiumAUT')) as string;
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<AppiumAUT>\n  <XCUIElementTypeApplication type="XCUIElementTypeApplication" name="掌上政务" label="掌上政务"/);
    assert.match(xml, /<XCUIElementTypeButton type="XCUIElementTypeButton" name="btn.banshi" label="办事" enabled="true" visible="true" accessible="true" x="16" y="200" width="100" height="44" index="1"\/>/);
    const nodes = parseXcuitestSource(xml);
    const field = nodes.find((x) => x.resourceId === 'field.phone')!;
    assert.equal(field.editable, true);
    assert.equal(field.label, '手机号', 'an empty field reports its placeholder');
    assert.equal(nodes.find((x) => x.resourceId === 'field.pwd')?.inputType, 'password');
  });

  void it('finds by accessibility id, class name, predicate, class chain and the adapter\'s XPath locators', async () => {
    const byId = await find('accessibility id', 'btn.banshi');
    assert.equal(await find('class name', 'XCUIElementTypeButton'), byId);
    assert.equal(await find('predicate string', "label == '办事' AND type == 'XCUIElementTypeButton'"), byId);
    assert.equal(await find('class chain', '**/XCUIElementTypeButton[`label BEGINSWITH "办"`]'), byId);
    const xml = (await value('GET', '/session/:sid/source')) as string;
    const locator = parseXcuitestSource(xml).find((x) => x.resourceId === 'btn.banshi')!.locator!;
    assert.equal(await find('xpath', locator), byId);
    assert.equal(await find('xpath', '//XCUIElementTypeButton[@label="办事"]'), byId);
    const all = (await value('POST', '/session/:sid/elements', { using: 'xpath', value: '//XCUIElementTypeTextField' })) as unknown[];
    assert.equal(all.length, 1, 'the secure field is a SecureTextField');
    const missing = await call('POST', '/session/:sid/element', { using: 'accessibility id', value: 'nope' });
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json.value, { error: 'no such element', message: "unable to find an element using 'accessibility id', value 'nope'", traceback: '' });
    const bad = await call('POST', '/session/:sid/element', { using: 'xpath', value: '//*[' });
    assert.equal(bad.status, 400);
    assert.equal((bad.json.value as { error: string }).error, 'invalid selector');
  });

  void it('reads element attributes and rect, types into a field and clicks at the element centre', async () => {
    const button = await find('accessibility id', 'btn.banshi');
    assert.deepEqual(await value('GET', `/session/:sid/element/${button}/rect`), { x: 16, y: 200, width: 100, height: 44 });
    assert.equal(await value('GET', `/session/:sid/element/${button}/attribute/label`), '办事');
    assert.equal(await value('GET', `/session/:sid/element/${button}/name`), 'XCUIElementTypeButton');
    assert.equal(await value('GET', `/session/:sid/element/${button}/text`), '办事');
    const field = await find('accessibility id', 'field.phone');
    await value('POST', `/session/:sid/element/${field}/value`, { text: '1380000', value: ['1', '3', '8', '0', '0', '0', '0'] });
    await value('POST', `/session/:sid/element/${field}/value`, { value: ['0', '0', '0', '0'] });
    assert.equal(device.phone, '13800000000');
    assert.equal(await value('GET', `/session/:sid/element/${field}/attribute/value`), '13800000000');
    const typed = parseXcuitestSource((await value('GET', '/session/:sid/source')) as string).find((x) => x.resourceId === 'field.phone')!;
    assert.deepEqual([typed.text, typed.label], ['', '手机号'], 'a typed value is not screen text; the placeholder still names the field');
    await value('POST', `/session/:sid/element/${button}/click`, {});
    assert.deepEqual(device.taps.at(-1), [66, 222]);
  });

  void it('handles the permission alert: text, buttons, accept taps the last button, dismiss the first', async () => {
    assert.equal(await value('GET', '/session/:sid/alert/text'), '“掌上政务”想访问您的通讯录\n用于添加紧急联系人');
    assert.deepEqual(await value('GET', '/session/:sid/wda/alert/buttons'), ['不允许', '好']);
    await value('POST', '/session/:sid/alert/accept', {});
    assert.deepEqual(device.answered, ['好']);
    const none = await call('GET', '/session/:sid/alert/text');
    assert.equal(none.status, 404);
    assert.equal((none.json.value as { error: string }).error, 'no such alert');
    device.alert = true;
    await value('POST', '/session/:sid/alert/dismiss', {});
    device.alert = true;
    await value('POST', '/session/:sid/alert/accept', { name: '不允许' });
    assert.deepEqual(device.answered, ['好', '不允许', '不允许']);
  });

  void it('turns W3C pointer actions into taps and drags, and direction swipes into drags', async () => {
    const tap = [{ type: 'pointerMove', duration: 0, x: 66, y: 222 }, { type: 'pointerDown', button: 0 }, { type: 'pause', duration: 50 }, { type: 'pointerUp', button: 0 }];
    await value('POST', '/session/:sid/actions', { actions: [{ type: 'pointer', id: 'finger1', parameters: { pointerType: 'touch' }, actions: tap }] });
    assert.deepEqual(device.taps.at(-1), [66, 222]);
    device.alert = false;
    const edge = [{ type: 'pointerMove', duration: 0, x: 2, y: 422 }, { type: 'pointerDown', button: 0 }, { type: 'pointerMove', duration: 300, x: 292, y: 422 }, { type: 'pointerUp', button: 0 }];
    await value('POST', '/session/:sid/actions', { actions: [{ type: 'pointer', id: 'finger1', parameters: { pointerType: 'touch' }, actions: edge }] });
    await value('POST', '/session/:sid/wda/swipe', { direction: 'up' });
    assert.deepEqual(device.drags, ['2,422->292,422', '195,717->195,127']);
  });

  void it('reports app state through terminate and activate, and stale or unknown things with WDA\'s errors', async () => {
    const button = await find('accessibility id', 'btn.banshi');
    assert.equal(await value('POST', '/session/:sid/wda/apps/terminate', { bundleId: 'cn.gov.demo' }), true);
    assert.equal(await value('POST', '/session/:sid/wda/apps/state', { bundleId: 'cn.gov.demo' }), 1);
    await value('POST', '/session/:sid/wda/apps/activate', { bundleId: 'cn.gov.demo' });
    assert.equal(await value('POST', '/session/:sid/wda/apps/state', { bundleId: 'cn.gov.demo' }), 4);
    assert.equal(await value('GET', '/session/:sid/screenshot'), Buffer.from('89504e470d0a1a0a', 'hex').toString('base64'));
    assert.deepEqual(await value('GET', '/session/:sid/window/size'), { width: 390, height: 844 });
    device.state = APP_STATE.background;
    const stale = await call('GET', `/session/:sid/element/${button}/rect`);
    assert.equal((stale.json.value as { error: string }).error, 'stale element reference');
    device.state = APP_STATE.foreground;
    const wrong = await call('GET', '/session/NOT-A-SESSION/source');
    assert.equal((wrong.json.value as { error: string }).error, 'invalid session id');
    const unknown = await call('POST', '/session/:sid/wda/siri/activate', {});
    assert.equal(unknown.status, 404);
    assert.equal((unknown.json.value as { error: string }).error, 'unknown command');
    assert.ok(wda.calls.some((c) => c.route === '/element/:uuid/click' && c.status === 200));
  });

  void it('resets an app\'s authorization by XCUIProtectedResource (the driver\'s mobile: resetPermission), refusing a missing resource', async () => {
    device.resets = [];
    await value('POST', '/session/:sid/wda/resetAppAuth', { resource: 1 });
    await value('POST', '/session/:sid/wda/resetAppAuth', { resource: -0x40000002 });
    await value('POST', '/session/:sid/wda/resetAppAuth', { resource: 12345 });
    assert.deepEqual(device.resets, [['NSContactsUsageDescription'], ['NSLocationWhenInUseUsageDescription', 'NSLocationAlwaysAndWhenInUseUsageDescription', 'NSLocationAlwaysUsageDescription', 'NSLocationUsageDescription']]);
    const missing = await call('POST', '/session/:sid/wda/resetAppAuth', { service: 'contacts' });
    assert.equal((missing.json.value as { error: string }).error, 'invalid argument');
  });
});
