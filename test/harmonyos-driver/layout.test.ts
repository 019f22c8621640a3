/**
 * Page source: dumpLayout JSON (a real dump) → XML, and finding elements in it. The project's own
 * HarmonyOS adapter (src/device/harmonyos/dump-layout.ts) writes each node's locator as an XPath
 * over this XML: every one must select exactly the node it was made from.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { output } from './fixture.js';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { parseDumpLayout } from '../../src/device/harmonyos/dump-layout.js';
import { centerOf, foregroundWindow, parseBounds, parseLayoutJson } from '../../drivers/appium-harmonyos-driver/lib/layout/dump-layout.js';
import { layoutToXml, tagOf } from '../../drivers/appium-harmonyos-driver/lib/layout/to-xml.js';
import { attributesOf, parseSourceXml, selectElements, toXPath, xpathLiteral } from '../../drivers/appium-harmonyos-driver/lib/layout/locate.js';

const dumpText = output('dumplayout-hmdriver2.json');
const xml = layoutToXml(parseLayoutJson(dumpText));
const doc = parseSourceXml(xml);

void describe('dumpLayout → XML page source', () => {
  void it('roots the tree at <hierarchy> with the window root as <root> and ArkUI types as tags', () => {
    const root = selectElements('/hierarchy/root', doc);
    assert.equal(root.length, 1);
    assert.equal(root[0]?.getAttribute('bundleName'), 'com.samples.test.uitest');
    assert.equal(root[0]?.getAttribute('pagePath'), 'pages/Index');
    assert.ok(selectElements('//Row', doc).length > 0);
  });
  void it('keeps every node of the dump, with its attributes, and adds x/y/width/height', () => {
    const count = (dumpText.match(/"attributes"/g) ?? []).length;
    assert.equal(selectElements('//*', doc).length, count);
    const row = selectElements('/hierarchy/root/Row', doc)[0]!;
    const a = attributesOf(row);
    assert.equal(a.bounds, '[0,123][1260,2629]');
    assert.deepEqual([a.x, a.y, a.width, a.height], ['0', '123', '1260', '2506']);
    assert.equal(a.hashcode, '199:4');
  });
  void it('escapes markup and drops control characters in attribute values', () => {
    const tricky = layoutToXml({ attributes: {}, children: [{ attributes: { type: 'Text', text: 'a<b & "c"\u0007' } }] });
    const el = selectElements('//Text', parseSourceXml(tricky))[0]!;
    assert.equal(el.getAttribute('text'), 'a<b & "c"');
  });
  void it('makes a valid tag of any type', () => {
    assert.equal(tagOf({ attributes: { type: 'Web View' } }), 'Web_View');
    assert.equal(tagOf({ attributes: { type: '' } }), 'node');
    assert.equal(tagOf({ attributes: { type: '3D' } }), '_3D');
  });
});

void describe("the project's locators select their own node in the driver's XML", () => {
  for (const name of ['harmonyos-mine.json', 'harmonyos-login.json']) {
    void it(name, () => {
      const text = readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'page-sources', name), 'utf8');
      const sourceDoc = parseSourceXml(layoutToXml(parseLayoutJson(text)));
      const nodes = parseDumpLayout(text);
      assert.ok(nodes.length > 5);
      for (const node of nodes) {
        const hits = selectElements(node.locator ?? '', sourceDoc);
        assert.equal(hits.length, 1, node.locator);
        const rect = parseBounds(hits[0]!.getAttribute('bounds') ?? '') ?? { x: 0, y: 0, width: 0, height: 0 };
        assert.deepEqual(rect, node.bounds, node.locator);
      }
    });
  }
});

void describe('locator strategies', () => {
  const login = parseSourceXml(layoutToXml(parseLayoutJson(readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'page-sources', 'harmonyos-login.json'), 'utf8'))));
  void it('turns id, text, class name and accessibility id into XPath', () => {
    assert.equal(toXPath('id', 'btn'), '//*[@id="btn" or @key="btn"]');
    assert.equal(toXPath('-harmony text', '登录'), '//*[@text="登录"]');
    assert.equal(toXPath('class name', 'Button'), '//Button');
    assert.equal(toXPath('accessibility id', 'x', true), './/*[@description="x" or @key="x"]');
  });
  void it('finds by class name and text in a real-schema dump', () => {
    const buttons = selectElements(toXPath('class name', 'Button'), login);
    assert.ok(buttons.length >= 1);
    const text = buttons[0]!.getAttribute('text') ?? '';
    assert.equal(selectElements(toXPath('-harmony text', text), login).length >= 1, true);
  });
  void it('quotes values holding both quote kinds', () => {
    assert.equal(xpathLiteral(`a"b'c`), `concat("a", '"', "b'c")`);
    const el = selectElements(`//*[@text=${xpathLiteral(`a"b'c`)}]`, parseSourceXml(layoutToXml({ children: [{ attributes: { type: 'Text', text: `a"b'c` } }] })));
    assert.equal(el.length, 1);
  });
});

void describe('bounds and windows', () => {
  void it('reads bounds, centres and the foreground window', () => {
    assert.deepEqual(parseBounds('[0,123][1260,2629]'), { x: 0, y: 123, width: 1260, height: 2506 });
    assert.equal(parseBounds('[0,0]'), undefined);
    assert.deepEqual(centerOf({ x: 10, y: 20, width: 101, height: 50 }), { x: 61, y: 45 });
    assert.deepEqual(foregroundWindow(parseLayoutJson(dumpText)), { bundleName: 'com.samples.test.uitest', abilityName: 'EntryAbility', pagePath: 'pages/Index' });
  });
  void it('refuses a document that is not a layout dump', () => {
    assert.throws(() => parseLayoutJson('{"result": 1}'), /not a layout document|other than a layout/);
  });
});
