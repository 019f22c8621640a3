/**
 * iOS: Apple's UIKitCatalog from the ios-uicatalog npm package. The package ships sources and
 * builds the .app with xcodebuild on macOS at install time, so on Linux the built-bundle test
 * skips; the second test assembles an .ipa from the package's real Info.plist and strings.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildBinary } from 'plist';
import { inspectPackage } from '../../src/package/index.js';
import { buildMachO } from './helpers/macho.js';
import { loadUiCatalog } from './helpers/uicatalog.js';
import { buildZip, type ZipInput } from './helpers/zip-writer.js';

const BUILD_SETTINGS: Record<string, string> = {
  EXECUTABLE_NAME: 'UIKitCatalog',
  PRODUCT_NAME: 'UIKitCatalog',
  PRODUCT_BUNDLE_IDENTIFIER: 'com.example.apple-samplecode.UICatalog',
  MARKETING_VERSION: '2.14',
  CURRENT_PROJECT_VERSION: '2.13',
};

let files: Map<string, Buffer> | undefined;
let unavailable = '';
let dir = '';
before(async () => {
  const loaded = await loadUiCatalog();
  if ('files' in loaded) files = loaded.files;
  else unavailable = loaded.unavailable;
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'govapp-ipa-'));
});
after(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

void describe('iOS .ipa', () => {
  void it('reads the built UIKitCatalog .app from ios-uicatalog', async (t) => {
    if (!files) return t.skip(`ios-uicatalog unavailable: ${unavailable}`);
    const infoPath = [...files.keys()].find((p) => /UIKitCatalog[^/]*\.app\/Info\.plist$/.test(p));
    if (!infoPath) {
      return t.skip('ios-uicatalog@3.8.0 on npm ships only sources (its install script runs xcodebuild on macOS), so there is no built .app to read on Linux');
    }
    const appDir = infoPath.slice(0, -'Info.plist'.length);
    const entries: ZipInput[] = [...files].filter(([p]) => p.startsWith(appDir)).map(([p, data]) => ({ name: `Payload/UIKitCatalog.app/${p.slice(appDir.length)}`, data }));
    const ipa = path.join(dir, 'UIKitCatalog.ipa');
    await fs.writeFile(ipa, buildZip(entries));
    const facts = await inspectPackage(ipa);
    assert.equal(facts.platform, 'ios');
    assert.equal(facts.identity.packageName, BUILD_SETTINGS.PRODUCT_BUNDLE_IDENTIFIER);
  });

  void it('reads an .ipa assembled from UIKitCatalog\u2019s real Info.plist and Localizable.strings', async (t) => {
    if (!files) return t.skip(`ios-uicatalog unavailable: ${unavailable}`);
    const source = files.get('UIKitCatalog/UIKitCatalog/UIKitCatalog-Info.plist');
    const strings = files.get('UIKitCatalog/UIKitCatalog/Base.lproj/Localizable.strings');
    assert.ok(source && strings, 'the tarball no longer has UIKitCatalog-Info.plist and Base.lproj/Localizable.strings');
    const infoXml = source.toString('utf8').replace(/\$[({](\w+)[)}]/g, (_, name: string) => BUILD_SETTINGS[name] ?? '').replace('</dict>\n</plist>', '<key>MinimumOSVersion</key><string>13.0</string><key>CFBundleURLTypes</key><array><dict><key>CFBundleURLSchemes</key><array><string>uikitcatalog</string></array></dict></array></dict>\n</plist>');
    const { parse } = await import('plist');
    const info = Buffer.from(buildBinary(parse(infoXml)));
    const ipa = path.join(dir, 'UIKitCatalog-assembled.ipa');
    await fs.writeFile(ipa, buildZip([
      { name: 'Payload/UIKitCatalog.app/Info.plist', data: info },
      { name: 'Payload/UIKitCatalog.app/Base.lproj/Localizable.strings', data: strings },
      { name: 'Payload/UIKitCatalog.app/zh-Hans.lproj/Localizable.strings', data: '"rank" = "积分排行";\n"checkin" = "每日签到";\n' },
      { name: 'Payload/UIKitCatalog.app/UIKitCatalog', data: buildMachO(['UIKitCatalog', '在线时长统计', 'http://203.0.113.7/upload']) },
    ]));
    const facts = await inspectPackage(ipa);
    assert.equal(facts.platform, 'ios');
    assert.deepEqual(facts.identity, {
      packageName: 'com.example.apple-samplecode.UICatalog', versionName: '2.14', versionCode: '2.13', minSdk: '13.0', label: 'UIKitCatalog',
    });
    assert.deepEqual(facts.permissions.map((p) => [p.name, p.risk]), [['NSPhotoLibraryAddUsageDescription', 'media']]);
    assert.equal(facts.network.cleartextAllowed, true);
    assert.deepEqual(facts.network.atsExceptions, ['NSAllowsArbitraryLoads', 'NSAllowsArbitraryLoadsInWebContent']);
    assert.deepEqual(facts.urlSchemes, ['uikitcatalog']);
    assert.ok(facts.strings.some((s) => s.text === 'Cancel' && s.source.endsWith('Base.lproj/Localizable.strings')));
    assert.ok(facts.strings.some((s) => s.text === '积分排行' && s.locale === 'zh-Hans'));
    assert.ok(facts.strings.some((s) => s.text === '在线时长统计' && s.source === 'Payload/UIKitCatalog.app/UIKitCatalog'));
    assert.ok(facts.hosts.some((h) => h.kind === 'ipv4' && h.value === '203.0.113.7'));
  });
});
