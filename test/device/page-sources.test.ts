/**
 * Native page sources → the platform-neutral UI model, on hand-made dumps in the documented
 * formats (test/fixtures/page-sources; no device here): UiAutomator2 XML, XCUITest XML and
 * HarmonyOS `uitest dumpLayout` JSON. Also: screen signatures, login detection and candidate
 * actions work on the result exactly as on H5.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseUiAutomator2Source } from '../../src/device/android/uiautomator2-source.js';
import type { UiSnapshot } from '../../src/device/device-session.js';
import { dumpLayoutPage, parseDumpLayout, type DumpLayoutNode } from '../../src/device/harmonyos/dump-layout.js';
import { parseXcuitestSource } from '../../src/device/ios/xcuitest-source.js';
import { parseXml } from '../../src/device/page-source-xml.js';
import type { UiNode } from '../../src/evidence/types.js';
import { candidateActions, DEFAULT_ACTION_POLICY } from '../../src/explore/action-policy.js';
import { fillSteps } from '../../src/explore/forms.js';
import { isLoginScreen } from '../../src/explore/login-screen.js';
import { screenSignature } from '../../src/explore/screen-signature.js';

const fixture = (name: string) => readFileSync(join('test', 'fixtures', 'page-sources', name), 'utf8');
const byText = (nodes: UiNode[], text: string) => {
  const node = nodes.find((n) => n.text === text);
  assert.ok(node, `a node with text ${text}`);
  return node;
};
const snapshot = (url: string, title: string, nodes: UiNode[]): UiSnapshot => ({ screenKey: url, url, title, visibleText: nodes.map((n) => n.text).filter(Boolean).join(' '), viewport: { width: 1080, height: 2400, devicePixelRatio: 1 }, nodes });
/** The same screen later: other counters. */
const later = (source: string) => source.replace(/1260/g, '1275').replace(/消息通知 \(3\)/g, '消息通知 (12)').replace(/第 7 名/g, '第 9 名');

void describe('UiAutomator2 page source', () => {
  const mine = parseUiAutomator2Source(fixture('android-mine.xml'));
  const login = parseUiAutomator2Source(fixture('android-login.xml'));

  void it('maps class, text, content-desc, resource-id and bounds, with subtree text on list cells', () => {
    assert.equal(mine[0]?.role, 'hierarchy');
    const cell = mine.find((n) => n.fullText === '积分排行 第 7 名')!;
    assert.equal(cell.role, 'android.widget.LinearLayout');
    assert.equal(cell.clickable, true);
    assert.equal(cell.resourceId, 'cn.gov.example.zwfw:id/menu_item');
    assert.deepEqual(cell.bounds, { x: 0, y: 400, width: 1080, height: 160 });
    assert.equal(cell.locator, '/hierarchy/android.widget.FrameLayout[1]/android.widget.LinearLayout[1]/androidx.recyclerview.widget.RecyclerView[1]/android.widget.LinearLayout[2]');
    assert.equal(byText(mine, '积分排行').parent, cell.id);
    assert.equal(byText(mine, '首页').label, '首页');
    assert.ok(mine.every((n) => n.platform === 'android'));
  });

  void it('keeps flags: scrollable lists, checked switches, NAF controls tappable, password text never kept', () => {
    assert.equal(mine.find((n) => n.role.endsWith('RecyclerView'))?.scrollable, true);
    assert.equal(byText(mine, '消息推送').checked, true);
    const naf = mine.find((n) => n.role === 'android.widget.ImageView')!;
    assert.equal(naf.clickable, true);
    const password = login.find((n) => n.inputType === 'password')!;
    assert.equal(password.text, '');
    assert.equal(password.label, '请输入密码');
    assert.ok(!JSON.stringify(login).includes('••••'));
    assert.ok(login.some((n) => n.text === '主办单位：示例市人民政府办公室 & 示例市大数据局'), 'entities decoded');
  });

  void it('is a login screen with account and password filled from the test data keys', () => {
    assert.equal(isLoginScreen({ nodes: login }), true);
    assert.equal(isLoginScreen({ nodes: mine }), false);
    assert.deepEqual(fillSteps(login).map((s) => s.input), ['username', 'password']);
  });

  void it('gives cells and tabs as candidate actions with readable labels', () => {
    const labels = candidateActions(mine, DEFAULT_ACTION_POLICY).actions.map((a) => a.label);
    for (const l of ['点击「我的积分 1260」', '点击「积分排行第 7 名」', '点击「首页」', '点击「消息推送」']) assert.ok(labels.includes(l), l);
  });

  void it('gives one signature to the screen with other counters and another to a different screen', () => {
    const url = 'android://cn.gov.example.zwfw';
    assert.equal(screenSignature(snapshot(url, '我的', mine)), screenSignature(snapshot(url, '我的', parseUiAutomator2Source(later(fixture('android-mine.xml'))))));
    assert.notEqual(screenSignature(snapshot(url, '我的', mine)), screenSignature(snapshot(url, '统一身份认证', login)));
    // Same title, different controls: still another screen.
    assert.notEqual(screenSignature(snapshot(url, '我的', mine)), screenSignature(snapshot(url, '我的', login)));
  });

  void it('rejects a source that is not a UiAutomator2 hierarchy, and malformed XML', () => {
    assert.throws(() => parseUiAutomator2Source(fixture('ios-mine.xml')), /expected <hierarchy>/);
    assert.throws(() => parseUiAutomator2Source('<hierarchy><a></b></hierarchy>'), /malformed XML/);
  });
});

void describe('XCUITest page source', () => {
  const mine = parseXcuitestSource(fixture('ios-mine.xml'));
  const login = parseXcuitestSource(fixture('ios-login.xml'));

  void it('maps element types, labels, names and frames; cells carry their texts', () => {
    assert.equal(mine[0]?.role, 'XCUIElementTypeApplication');
    const cell = mine.find((n) => n.resourceId === 'menu.rank')!;
    assert.equal(cell.role, 'XCUIElementTypeCell');
    assert.equal(cell.clickable, true);
    assert.equal(cell.fullText, '积分排行 第 7 名');
    assert.deepEqual(cell.bounds, { x: 0, y: 147, width: 390, height: 56 });
    assert.match(cell.locator ?? '', /^\/XCUIElementTypeApplication\[1\]\/XCUIElementTypeWindow\[1\]\/XCUIElementTypeOther\[1\]\/XCUIElementTypeTable\[1\]\/XCUIElementTypeCell\[2\]$/);
    assert.equal(mine.find((n) => n.role === 'XCUIElementTypeTable')?.scrollable, true);
    assert.equal(mine.find((n) => n.role === 'XCUIElementTypeSwitch')?.checked, true);
  });

  void it('keeps invisible elements as structure without text or taps', () => {
    const hidden = mine.find((n) => n.resourceId === 'menu.offscreen')!;
    assert.equal(hidden.clickable, false);
    assert.ok(!mine.some((n) => n.text.includes('在线时长')), 'off-screen text is not visible text');
  });

  void it('never keeps a secure field value; a login screen with labelled fields', () => {
    const secure = login.find((n) => n.inputType === 'password')!;
    assert.equal(secure.text, '');
    assert.equal(secure.label, '密码');
    assert.equal(isLoginScreen({ nodes: login }), true);
    assert.deepEqual(fillSteps(login).map((s) => s.input), ['username', 'password']);
  });

  void it('gives one signature to the screen with other counters and another to the login screen', () => {
    const url = 'ios://cn.gov.example.zwfw';
    assert.equal(screenSignature(snapshot(url, '我的', mine)), screenSignature(snapshot(url, '我的', parseXcuitestSource(later(fixture('ios-mine.xml'))))));
    assert.notEqual(screenSignature(snapshot(url, '我的', mine)), screenSignature(snapshot(url, '我的', login)));
  });
});

void describe('HarmonyOS dumpLayout JSON', () => {
  const mineDump = JSON.parse(fixture('harmonyos-mine.json')) as DumpLayoutNode;
  const mine = parseDumpLayout(mineDump);
  const login = parseDumpLayout(fixture('harmonyos-login.json'));

  void it('maps ArkUI types, ids, bounds and flags; XPath locators over the driver XML (tag = type)', () => {
    const cell = mine.find((n) => n.resourceId === 'menu_rank')!;
    assert.equal(cell.role, 'Row');
    assert.equal(cell.clickable, true);
    assert.equal(cell.fullText, '积分排行 第 7 名');
    assert.deepEqual(cell.bounds, { x: 0, y: 300, width: 1260, height: 160 });
    assert.equal(cell.locator, '/hierarchy/root[1]/Column[1]/List[1]/ListItem[2]/Row[1]');
    assert.equal(mine.find((n) => n.role === 'List')?.scrollable, true);
    assert.equal(mine.find((n) => n.role === 'Toggle')?.checked, true);
    assert.ok(mine.every((n) => n.platform === 'harmonyos'));
  });

  void it('drops invisible subtrees and names the foreground page', () => {
    assert.ok(!mine.some((n) => n.text.includes('在线时长')));
    assert.deepEqual(dumpLayoutPage(mineDump), { bundleName: 'cn.gov.example.zwfw', pagePath: 'pages/Mine' });
  });

  void it('never keeps a password field text; a login screen', () => {
    const password = login.find((n) => n.inputType === 'password')!;
    assert.equal(password.text, '');
    assert.equal(password.label, '请输入密码');
    assert.equal(isLoginScreen({ nodes: login }), true);
    assert.deepEqual(fillSteps(login).map((s) => s.input), ['username', 'password']);
  });

  void it('gives one signature to the page with other counters and another to the login page', () => {
    const url = 'harmonyos://cn.gov.example.zwfw/pages/Mine';
    const again = parseDumpLayout(later(fixture('harmonyos-mine.json')));
    assert.equal(screenSignature(snapshot(url, '我的', mine)), screenSignature(snapshot(url, '我的', again)));
    assert.notEqual(screenSignature(snapshot(url, '我的', mine)), screenSignature(snapshot('harmonyos://cn.gov.example.zwfw/pages/Login', '统一身份认证', login)));
  });

  void it('rejects a document that is not a dumpLayout tree', () => {
    assert.throws(() => parseDumpLayout('[]'), /not a dumpLayout document/);
  });
});

void describe('parseXml', () => {
  void it('skips the prolog, comments and text, and decodes numeric references', () => {
    const root = parseXml('<?xml version="1.0"?><!-- c --><a x="&#x4E2D;&#25991;">text<b y=\'1\'/></a>');
    assert.equal(root.attributes.x, '中文');
    assert.equal(root.children[0]?.attributes.y, '1');
  });
});
