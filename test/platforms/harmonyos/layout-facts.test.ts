/** Screen identity and the permission dialog from HarmonyOS layout dumps (a real device's and the project's fixtures). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../src/core/paths.js';
import { parseDumpLayout, type DumpLayoutNode } from '../../../src/device/harmonyos/dump-layout.js';
import { harmonyScreenKey, layoutFacts } from '../../../src/platforms/harmonyos/layout-facts.js';
import { recognisePermissionDialog } from '../../../src/platforms/harmonyos/system-dialogs.js';

const load = (...p: string[]) => JSON.parse(readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', ...p), 'utf8')) as DumpLayoutNode;

void describe('HarmonyOS layout facts', () => {
  void it('reads the window and display size of a real dump (hmdriver2 docs/hierarchy.json)', () => {
    const facts = layoutFacts(load('harmonyos-outputs', 'dumplayout-hmdriver2.json'));
    assert.deepEqual(facts.windows, [{ bundleName: 'com.samples.test.uitest', abilityName: 'EntryAbility', pagePath: 'pages/Index' }]);
    assert.deepEqual([facts.width, facts.height], [1260, 2720]);
    assert.equal(harmonyScreenKey(facts.windows[0]!), 'com.samples.test.uitest/EntryAbility/pages/Index');
  });
  void it('gives different keys to different pages of one app', () => {
    const mine = layoutFacts(load('page-sources', 'harmonyos-mine.json')).windows[0]!;
    const login = layoutFacts(load('page-sources', 'harmonyos-login.json')).windows[0]!;
    assert.equal(mine.bundleName, login.bundleName);
    assert.notEqual(harmonyScreenKey(mine), harmonyScreenKey(login));
  });
});

void describe('HarmonyOS permission dialog', () => {
  const dialogDump: DumpLayoutNode = {
    attributes: { bounds: '[0,0][1080,2340]' },
    children: [
      { attributes: { type: 'root', bundleName: 'cn.gov.example.zwfw', abilityName: 'EntryAbility', pagePath: 'pages/CheckIn', bounds: '[0,0][1080,2340]' }, children: [{ attributes: { type: 'Button', text: '立即打卡', clickable: 'true', bounds: '[240,560][840,760]' } }] },
      { attributes: { type: 'root', bundleName: 'com.ohos.permissionmanager', abilityName: 'com.ohos.permissionmanager.GrantAbility', pagePath: 'pages/dialogPlus', bounds: '[0,0][1080,2340]' }, children: [
        { attributes: { type: 'Text', text: '是否允许“掌上政务”获取您的位置信息？', bounds: '[96,1620][984,1740]' } },
        { attributes: { type: 'Button', text: '禁止', clickable: 'true', bounds: '[96,2040][516,2180]' } },
        { attributes: { type: 'Button', text: '允许', clickable: 'true', bounds: '[564,2040][984,2180]' } },
      ] },
    ],
  };
  void it('is recognised by its window and its buttons are located', () => {
    const nodes = parseDumpLayout(dialogDump);
    const dialog = recognisePermissionDialog(nodes, layoutFacts(dialogDump).windows.map((w) => w.bundleName));
    assert.equal(dialog?.message, '是否允许“掌上政务”获取您的位置信息？');
    assert.equal(dialog?.allow, '/hierarchy/root[2]/Button[2]');
    assert.equal(dialog?.deny, '/hierarchy/root[2]/Button[1]');
  });
  void it('is not seen in an app window that merely says 允许', () => {
    const app = { ...dialogDump, children: [dialogDump.children![0]!] };
    assert.equal(recognisePermissionDialog(parseDumpLayout(app), ['cn.gov.example.zwfw']), undefined);
  });
});
