/**
 * The XCUITest adapter on page sources captured from real WebDriverAgent sessions
 * (test/fixtures/page-sources/real/README.md names each source): what the explorer sees, the
 * locators WDA's XPath accepts, and the app's own back control.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findBackControl } from '../../src/device/ios/back-control.js';
import { parseXcuitestSource } from '../../src/device/ios/xcuitest-source.js';
import { parseXml, type XmlElement } from '../../src/device/page-source-xml.js';
import type { UiNode } from '../../src/evidence/types.js';
import { candidateActions, DEFAULT_ACTION_POLICY } from '../../src/explore/action-policy.js';

const real = (name: string) => readFileSync(join('test', 'fixtures', 'page-sources', 'real', name), 'utf8');
const form = real('xcuitest-shirates-form.xml');
const settings = real('xcuitest-shirates-settings.xml');
const keyboard = real('xcuitest-shirates-keyboard-settings.xml');

/** Resolves an absolute `/A[1]/B[2]` locator on a document rooted at the application, as WDA's FBXPath does. */
function resolve(xml: string, locator: string): XmlElement | undefined {
  const top = parseXml(xml);
  const root = top.tag === 'AppiumAUT' ? top.children[0]! : top;
  const steps = locator.split('/').filter(Boolean);
  const first = /^(\w+)\[1\]$/.exec(steps[0] ?? '');
  if (first?.[1] !== root.tag) return undefined;
  let at: XmlElement | undefined = root;
  for (const step of steps.slice(1)) {
    const m = /^(\w+)\[(\d+)\]$/.exec(step);
    if (!m || !at) return undefined;
    at = at.children.filter((c) => c.tag === m[1])[Number(m[2]) - 1];
  }
  return at;
}

const byText = (nodes: UiNode[], text: string) => nodes.find((n) => n.text === text);

void describe('XCUITest adapter on real WDA page sources', () => {
  void it('gives every node a locator that resolves to that very element from the application root', () => {
    for (const xml of [form, settings, keyboard]) {
      const nodes = parseXcuitestSource(xml);
      assert.ok(nodes.length > 60);
      for (const n of nodes) {
        assert.ok(!n.locator!.startsWith('/AppiumAUT'), 'WDA evaluates XPath without the AppiumAUT wrapper');
        const el = resolve(xml, n.locator!);
        assert.ok(el, `locator ${n.locator} resolves`);
        assert.equal(`XCUIElementType${(el.attributes.type ?? el.tag).replace('XCUIElementType', '')}`, n.role);
        assert.equal(Number(el.attributes.y ?? 0), n.bounds.y);
      }
    }
  });

  void it('does not repeat a cell label that only echoes its static texts', () => {
    const nodes = parseXcuitestSource(settings);
    const general = nodes.find((n) => n.role === 'XCUIElementTypeCell' && n.label === 'General')!;
    assert.equal(general.text, '');
    assert.equal(general.fullText, 'General');
    assert.equal(general.clickable, true);
    assert.ok(nodes.some((n) => n.text === 'Siri & Search'), 'entities decoded');
    assert.equal(nodes[0]!.text, '', 'the application label is the app name, not screen text');
    const account = byText(nodes, 'Sign in to your iPhone')!;
    assert.equal(account.resourceId, 'APPLE_ACCOUNT');
    // Hidden disabled chevrons are structure only.
    assert.ok(nodes.filter((n) => n.resourceId === 'chevron').every((n) => !n.clickable && n.text === ''));
  });

  void it('keeps secure fields empty, placeholders as labels, and content below the fold out of the visible text', () => {
    const nodes = parseXcuitestSource(form);
    const secure = nodes.filter((n) => n.inputType === 'password');
    assert.equal(secure.length, 2);
    assert.deepEqual(secure.map((n) => [n.text, n.label]), [['', 'password1'], ['', 'password2']]);
    const email = nodes.find((n) => n.label === 'hoge@example.com')!;
    assert.equal(email.editable, true);
    assert.equal(email.inputType, 'text');
    // WDA reports an empty field's placeholder as its value (label=""): it names the field, it is not screen text.
    const first = nodes.filter((n) => n.role === 'XCUIElementTypeTextField' && n.bounds.y === 522);
    assert.deepEqual(first.map((n) => [n.text, n.label]), [['', 'First Name'], ['', 'Last Name']]);
    const register = nodes.find((n) => n.resourceId === 'Register')!;
    assert.equal(register.clickable, false, 'disabled and below the fold');
    assert.ok(!nodes.some((n) => n.text === 'Birth Date'), 'visible="false" text is not visible text');
    assert.equal(nodes.find((n) => n.role === 'XCUIElementTypeScrollView')?.scrollable, true);
  });

  void it('reads switches as checked or not and offers cells, switches and the back button as actions', () => {
    const nodes = parseXcuitestSource(keyboard);
    const switches = nodes.filter((n) => n.role === 'XCUIElementTypeSwitch');
    assert.equal(switches.length, 14);
    assert.equal(switches.find((n) => n.resourceId === 'Auto-Correction')?.checked, false);
    assert.equal(switches.find((n) => n.resourceId === 'Smart Punctuation')?.checked, true);
    const labels = candidateActions(nodes, DEFAULT_ACTION_POLICY).actions.map((a) => a.label);
    assert.ok(labels.some((l) => l.includes('Text Replacement')), labels.join(' '));
    assert.ok(labels.some((l) => l.includes('General')), 'the back button is a candidate');
  });

  void it('finds the navigation bar back button, and none on a root screen', () => {
    assert.equal(findBackControl(parseXcuitestSource(keyboard))?.text, 'General');
    const formBack = findBackControl(parseXcuitestSource(form))!;
    assert.deepEqual(formBack.bounds, { x: 8, y: 20, width: 39, height: 44 });
    assert.equal(findBackControl(parseXcuitestSource(settings)), undefined);
  });
});
