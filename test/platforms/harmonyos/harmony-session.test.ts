/**
 * HarmonySession over a browser double that behaves like appium-harmonyos-driver on a device: send keys
 * types at the cursor (appends, as `uitest uiInput inputText` does), clear empties the field, and the
 * layout dump shows the field's text. Filling a form twice must leave one screen, not two.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DumpLayoutNode } from '../../../src/device/harmonyos/dump-layout.js';
import { screenSignature } from '../../../src/explore/screen-signature.js';
import type { AppiumBrowser } from '../../../src/platforms/shared/appium-browser.js';
import { HarmonySession } from '../../../src/platforms/harmonyos/harmony-session.js';

const FIELD = '/hierarchy/root[1]/Column[1]/TextInput[1]';
const REF = { 'element-6066-11e4-a52e-4f735466cecf': 'field-1' };

function node(type: string, bounds: string, extra: Record<string, string> = {}, children: DumpLayoutNode[] = []): DumpLayoutNode {
  return { attributes: { type, bounds, visible: 'true', enabled: 'true', ...extra }, children };
}

/** A query page: a title, an ID-number field and a query button, in the real dump schema. */
function queryPage(value: string): DumpLayoutNode {
  return node('', '[0,0][1080,2340]', {}, [
    node('root', '[0,0][1080,2340]', { bundleName: 'cn.gov.example.bmfw', abilityName: 'EntryAbility', pagePath: 'pages/Social' }, [
      node('Column', '[0,0][1080,2340]', {}, [
        node('TextInput', '[40,300][1040,400]', { id: 'id_input', hint: '身份证号', text: value, clickable: 'true' }),
        node('Button', '[40,450][1040,550]', { id: 'btn_query', text: '查询', clickable: 'true' }),
      ]),
    ]),
  ]);
}

function fieldBrowser(): AppiumBrowser & { value: string } {
  const browser = {
    sessionId: 's',
    value: '',
    getPageSource: () => Promise.resolve(`<hierarchy value="${browser.value}"/>`),
    takeScreenshot: () => Promise.resolve(''),
    back: () => Promise.resolve(),
    execute: <T>(script: string): Promise<T> => {
      if (script === 'mobile: dumpLayout') return Promise.resolve(JSON.stringify(queryPage(browser.value)) as T);
      return Promise.reject(new Error(`unexpected ${script}`));
    },
    findElement: (_using: string, value: string) => (value === FIELD ? Promise.resolve(REF) : Promise.reject(new Error(`no element ${value}`))),
    elementClick: () => Promise.resolve(),
    elementClear: () => {
      browser.value = '';
      return Promise.resolve();
    },
    elementSendKeys: (_id: string, text: string) => {
      browser.value += text;
      return Promise.resolve();
    },
    getLogs: () => Promise.resolve([]),
  };
  return browser;
}

void describe('HarmonySession text entry', () => {
  void it('replaces the field value instead of appending to what an earlier fill left', async () => {
    const browser = fieldBrowser();
    const session = new HarmonySession(browser, { bundleName: 'cn.gov.example.bmfw' }, { settleQuietMs: 0, settleMaxMs: 0 });
    await session.typeText(FIELD, '11010519491231002X');
    await session.typeText(FIELD, '11010519491231002X');
    assert.equal(browser.value, '11010519491231002X');
  });

  void it('gives the same screen signature to every visit that fills the form again', async () => {
    const browser = fieldBrowser();
    const session = new HarmonySession(browser, { bundleName: 'cn.gov.example.bmfw' }, { settleQuietMs: 0, settleMaxMs: 0 });
    await session.typeText(FIELD, '11010519491231002X');
    const first = screenSignature(await session.snapshot());
    await session.typeText(FIELD, '11010519491231002X');
    await session.typeText(FIELD, '11010519491231002X');
    assert.equal(screenSignature(await session.snapshot()), first);
  });
});

void describe('HarmonySession observe', () => {
  function countingBrowser(values: string[]): AppiumBrowser & { value: string; dumps: number } {
    const browser = fieldBrowser() as AppiumBrowser & { value: string; dumps: number };
    browser.dumps = 0;
    browser.execute = <T>(script: string): Promise<T> => {
      if (script !== 'mobile: dumpLayout') return Promise.reject(new Error(`unexpected ${script}`));
      // Each dump shows the next value, then the last one for good (a screen that settles).
      browser.value = values[Math.min(browser.dumps, values.length - 1)]!;
      browser.dumps++;
      return Promise.resolve(JSON.stringify(queryPage(browser.value)) as T);
    };
    return browser;
  }

  const fieldText = (snapshot: Awaited<ReturnType<HarmonySession['observe']>>) => snapshot.nodes.find((n) => n.locator === FIELD)?.text;

  void it('snapshots the settled dump itself: two dumps of a still screen, not three', async () => {
    const browser = countingBrowser(['1']);
    const session = new HarmonySession(browser, { bundleName: 'cn.gov.example.bmfw' }, { settleQuietMs: 0, settleMaxMs: 1000 });
    const snapshot = await session.observe();
    assert.equal(browser.dumps, 2);
    assert.equal(fieldText(snapshot), '1');
  });

  void it('waits out a changing screen and snapshots the state it settled on', async () => {
    const browser = countingBrowser(['1', '12', '123']);
    const session = new HarmonySession(browser, { bundleName: 'cn.gov.example.bmfw' }, { settleQuietMs: 0, settleMaxMs: 1000 });
    const snapshot = await session.observe();
    assert.equal(browser.dumps, 4, 'dumps until two in a row are the same');
    assert.equal(fieldText(snapshot), '123');
  });

  void it('dumps once more when the screen was still changing at the deadline', async () => {
    const browser = countingBrowser(['1', '12', '123', '1234']);
    let clock = 0;
    const session = new HarmonySession(browser, { bundleName: 'cn.gov.example.bmfw' }, { settleQuietMs: 0, settleMaxMs: 2, now: () => clock++ });
    const snapshot = await session.observe();
    assert.equal(fieldText(snapshot), browser.value, 'the snapshot is of the newest dump, not of a dump the settle did not trust');
    assert.equal(browser.dumps, 3);
  });
});
