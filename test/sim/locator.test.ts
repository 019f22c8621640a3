/** Element lookup of the simulated UiAutomator2 server: XPath subset, UiSelector chains, ids. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildViewTree, type ViewNode } from '../../src/sim/engine/view-tree.js';
import { findNodes, InvalidSelectorError } from '../../src/sim/android/locator.js';
import type { SimNode } from '../../src/sim/engine/app-model.js';

const P = 'org.example.demo';
const tree: SimNode = {
  class: 'android.widget.FrameLayout', bounds: [0, 0, 1080, 2400], children: [
    { class: 'android.widget.TextView', id: `${P}:id/title`, text: '投诉建议', bounds: [0, 0, 1080, 100] },
    { class: 'android.widget.LinearLayout', bounds: [0, 100, 1080, 500], clickable: true, desc: '提交入口', children: [
      { class: 'android.widget.TextView', text: '马上签到', bounds: [0, 100, 540, 300] },
      { class: 'android.widget.Button', id: `${P}:id/go`, text: '提交', bounds: [540, 100, 1080, 300], clickable: true },
    ] },
    { class: 'android.widget.TextView', text: '我要签到', bounds: [0, 500, 1080, 600] },
  ],
};
const root: ViewNode = buildViewTree({ pkg: P, root: tree, scroll: new Map(), texts: new Map() });
const texts = (using: string, value: string) => findNodes(root, using, value, P).map((n) => n.text || n.node.desc || n.node.class);

describe('simulated UiAutomator2 locators', () => {
  it('id with or without the package, accessibility id, class name', () => {
    assert.deepEqual(texts('id', 'go'), ['提交']);
    assert.deepEqual(texts('id', `${P}:id/go`), ['提交']);
    assert.deepEqual(texts('accessibility id', '提交入口'), ['提交入口']);
    assert.deepEqual(texts('class name', 'android.widget.TextView'), ['投诉建议', '马上签到', '我要签到']);
  });

  it('xpath: attribute equality, contains, positions, parent steps, unions', () => {
    assert.deepEqual(texts('xpath', '//*[@text="马上签到"]'), ['马上签到']);
    assert.deepEqual(texts('xpath', "//android.widget.TextView[contains(@text, '签到')]"), ['马上签到', '我要签到']);
    assert.deepEqual(texts('xpath', '(//android.widget.TextView)[last()]'), ['我要签到']);
    assert.deepEqual(texts('xpath', '//android.widget.TextView[2]'), ['我要签到'], 'position counts among siblings');
    assert.deepEqual(texts('xpath', '//*[@text="提交"]/..'), ['提交入口']);
    assert.deepEqual(texts('xpath', '//*[@clickable="true" and @resource-id]'), ['提交']);
    assert.deepEqual(texts('xpath', '/hierarchy/android.widget.FrameLayout/android.widget.TextView'), ['投诉建议', '我要签到']);
    assert.deepEqual(texts('xpath', '//*[@text="投诉建议"] | //*[@text="提交"]'), ['投诉建议', '提交']);
    assert.deepEqual(texts('xpath', '//*[not(@clickable="true")][@text="提交"]'), []);
  });

  it('an unsupported xpath is an invalid selector, never a silent wrong match', () => {
    assert.throws(() => findNodes(root, 'xpath', '//*[matches(@text, "x")]', P), InvalidSelectorError);
    assert.throws(() => findNodes(root, 'css selector', 'div', P), InvalidSelectorError);
  });

  it('-android uiautomator UiSelector chains, including scrollIntoView targets', () => {
    assert.deepEqual(texts('-android uiautomator', 'new UiSelector().text("提交")'), ['提交']);
    assert.deepEqual(texts('-android uiautomator', 'new UiSelector().textContains("签到").instance(1)'), ['我要签到']);
    assert.deepEqual(texts('-android uiautomator', 'new UiSelector().className("android.widget.Button").clickable(true)'), ['提交']);
    assert.deepEqual(texts('-android uiautomator', 'new UiScrollable(new UiSelector().scrollable(true)).scrollIntoView(new UiSelector().description("提交入口"))'), ['提交入口']);
  });
});
