/**
 * Synthetic HarmonyOS packages built in memory with the real layouts: a .hap, and a .app holding
 * two modules (entry + feature), written to a private temp folder that is removed afterwards.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inspectPackage, renderInspectText } from '../../src/package/index.js';
import { buildHap, packInfo, type HapOptions } from './helpers/harmony-fixtures.js';
import { buildZip } from './helpers/zip-writer.js';

const entry: HapOptions = {
  bundleName: 'cn.gov.example.zhengwu',
  moduleName: 'entry',
  moduleType: 'entry',
  abilities: [
    { name: 'EntryAbility', exported: true, schemes: ['govapp'] },
    { name: 'TrackAbility', exported: false, backgroundModes: ['location', 'dataTransfer'] },
  ],
  permissions: [
    { name: 'ohos.permission.APPROXIMATELY_LOCATION' },
    { name: 'ohos.permission.LOCATION' },
    { name: 'ohos.permission.LOCATION_IN_BACKGROUND', when: 'always' },
    { name: 'ohos.permission.CAMERA' },
    { name: 'ohos.permission.KEEP_BACKGROUND_RUNNING' },
  ],
  strings: [
    { items: [{ id: 0x01000000, name: 'app_name', value: 'Gov Service' }, { id: 0x01000001, name: 'rank', value: 'Points ranking' }, { id: 0x01000002, name: 'reason_location', value: 'Attendance' }] },
    { language: 'zh', region: 'CN', items: [{ id: 0x01000000, name: 'app_name', value: '政务服务' }, { id: 0x01000001, name: 'rank', value: '积分排行' }, { id: 0x01000003, name: 'checkin', value: '每日签到' }] },
  ],
  literals: ['EntryAbility', 'pages/Index', '统计在线时长', 'http://10.1.2.3:8080/api/track', 'https://api.example.gov.cn/v1'],
};
const feature: HapOptions = {
  ...entry,
  moduleName: 'study',
  moduleType: 'feature',
  abilities: [{ name: 'StudyAbility', exported: true }],
  permissions: [{ name: 'ohos.permission.MICROPHONE' }, { name: 'ohos.permission.CAMERA' }],
  strings: [{ language: 'zh', region: 'CN', items: [{ id: 0x01000010, name: 'study', value: '学习时长打卡' }] }],
  literals: ['拍照上传轨迹'],
};

let dir = '';
before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'govapp-hap-'));
});
after(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
}

void describe('HarmonyOS .hap', () => {
  void it('reads identity, permissions, abilities, resources.index strings per locale and abc literals', async () => {
    const facts = await inspectPackage(await write('entry-default-signed.hap', buildHap(entry)));
    assert.equal(facts.platform, 'harmonyos');
    assert.equal(facts.format, 'hap');
    assert.deepEqual(facts.identity, {
      packageName: 'cn.gov.example.zhengwu', versionName: '1.0.17', versionCode: '1000017', minSdk: '17', targetSdk: '17', label: 'Gov Service',
    });
    const risks = Object.fromEntries(facts.permissions.map((p) => [p.name, p.risk]));
    assert.equal(risks['ohos.permission.LOCATION_IN_BACKGROUND'], 'background-location');
    assert.equal(risks['ohos.permission.CAMERA'], 'camera');
    assert.match(facts.permissions.find((p) => p.name === 'ohos.permission.LOCATION_IN_BACKGROUND')?.detail ?? '', /when=always; reason=Attendance/);
    assert.deepEqual(facts.components.find((c) => c.name === 'TrackAbility')?.backgroundModes, ['location', 'dataTransfer']);
    assert.deepEqual(facts.entryPoints, [{ kind: 'ability', name: 'entry/EntryAbility' }, { kind: 'url-scheme', name: 'govapp' }]);
    assert.ok(facts.strings.some((s) => s.text === '积分排行' && s.locale === 'zh-CN' && s.source === 'resources.index'));
    assert.ok(facts.strings.some((s) => s.text === '每日签到' && s.locale === 'zh-CN'));
    assert.ok(facts.strings.some((s) => s.text === 'Points ranking' && s.locale === undefined));
    assert.ok(facts.strings.some((s) => s.text === '统计在线时长' && s.source === 'ets/modules.abc'));
    assert.ok(facts.hosts.some((h) => h.kind === 'ipv4' && h.value === '10.1.2.3'));
    assert.ok(facts.hosts.some((h) => h.kind === 'url-http' && h.value === 'http://10.1.2.3:8080/api/track'));
    assert.ok(facts.hosts.some((h) => h.kind === 'hostname' && h.value === 'api.example.gov.cn'));
    const text = renderInspectText(facts);
    assert.match(text, /== 安装包基本信息 ==/);
    assert.match(text, /积分排行/);
  });

  void it('reads a .app holding two modules and merges their facts with inner sources', async () => {
    const app = buildZip([
      { name: 'pack.info', data: packInfo(entry.bundleName, [{ name: 'entry', type: 'entry' }, { name: 'study', type: 'feature' }]) },
      { name: 'entry-default-signed.hap', data: buildHap(entry), method: 'store' },
      { name: 'study-default-signed.hap', data: buildHap(feature) },
    ]);
    const facts = await inspectPackage(await write('zhengwu.app', app));
    assert.equal(facts.format, 'app');
    assert.equal(facts.identity.packageName, 'cn.gov.example.zhengwu');
    assert.equal(facts.identity.versionName, '1.0.17');
    assert.equal(facts.identity.label, 'Gov Service');
    assert.ok(facts.permissions.some((p) => p.name === 'ohos.permission.MICROPHONE' && p.source === 'study-default-signed.hap!/module.json'));
    assert.equal(facts.permissions.filter((p) => p.name === 'ohos.permission.CAMERA').length, 1);
    assert.ok(facts.entryPoints.some((e) => e.name === 'study/StudyAbility'));
    assert.ok(facts.strings.some((s) => s.text === '学习时长打卡' && s.source === 'study-default-signed.hap!/resources.index'));
    assert.ok(facts.strings.some((s) => s.text === '拍照上传轨迹' && s.source === 'study-default-signed.hap!/ets/modules.abc'));
    assert.ok(facts.strings.some((s) => s.text === '每日签到' && s.source === 'entry-default-signed.hap!/resources.index'));
  });
});
