/** The UiAutomator2 adapter and page facts on real page sources published by others (test/fixtures/page-sources/real). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseUiAutomator2Source } from '../../../src/device/android/uiautomator2-source.js';
import { pageFacts, screenKeyOf } from '../../../src/platforms/android/page-facts.js';

const real = (name: string): string => readFileSync(new URL(`../../fixtures/page-sources/real/${name}`, import.meta.url), 'utf8');

test('a real qrcode app screen: bottom tabs are clickable rows with their labels, icons without text stay clickable', () => {
  const nodes = parseUiAutomator2Source(real('uia2-qrcode-main.xml'));
  const history = nodes.find((n) => n.resourceId === 'com.haken.qrcode:id/layout_history')!;
  assert.equal(history.clickable, true);
  assert.equal(history.fullText, 'History');
  assert.deepEqual(history.bounds, { x: 720, y: 1964, width: 360, height: 124 });
  assert.equal(history.role, 'android.widget.LinearLayout');
  const add = nodes.find((n) => n.resourceId === 'com.haken.qrcode:id/image_add')!;
  assert.equal(add.clickable, true);
  assert.equal(add.text, '');
  assert.equal(nodes.filter((n) => n.clickable).length, 6);
  assert.match(history.locator!, /^\/hierarchy\/android\.widget\.FrameLayout\[1\]\/.*android\.widget\.LinearLayout\[3\]$/);
});

test('a real MIUI settings screen: Chinese EditText text, content-desc buttons, hint as label when text is set', () => {
  const nodes = parseUiAutomator2Source(real('uia2-miui-settings-rename.xml'));
  const name = nodes.find((n) => n.resourceId === 'com.android.settings:id/device_name')!;
  assert.equal(name.editable, true);
  assert.equal(name.text, '小风的MI 8 SE');
  assert.equal(name.inputType, 'text');
  const ok = nodes.find((n) => n.resourceId === 'android:id/button2')!;
  assert.equal(ok.label, 'OK');
  assert.equal(ok.clickable, true);
  // Sibling Buttons index 0 and 2 are the 1st and 2nd android.widget.Button: XPath counts same-tag siblings.
  assert.match(ok.locator!, /android\.widget\.Button\[2\]$/);
});

test('page facts: screen size from <hierarchy>, the foreground package from the first element', () => {
  assert.deepEqual(pageFacts(real('uia2-miui-settings-rename.xml')), { packageName: 'com.android.settings', width: 1080, height: 2029 });
  assert.deepEqual(pageFacts(real('uia2-qrcode-main.xml')), { packageName: 'com.haken.qrcode', width: 1080, height: 2088 });
});

test('screen key: package/activity with a relative activity written in full', () => {
  assert.equal(screenKeyOf('cn.gov.demo', '.ui.MainActivity'), 'cn.gov.demo/cn.gov.demo.ui.MainActivity');
  assert.equal(screenKeyOf('cn.gov.demo', 'cn.gov.demo.LoginActivity'), 'cn.gov.demo/cn.gov.demo.LoginActivity');
});
