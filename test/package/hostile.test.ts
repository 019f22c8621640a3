/**
 * Hostile and broken input: every case must end in AuditError('bad-package') with one sentence,
 * never another exception, and nothing may be extracted.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inspectPackage } from '../../src/package/index.js';
import { buildNestedBinaryXml } from './helpers/axml-writer.js';
import { expectBadPackage } from './helpers/expect.js';
import { buildHap, moduleJson, type HapOptions } from './helpers/harmony-fixtures.js';
import { REAL_APKS } from './helpers/real-packages.js';
import { buildZip, type ZipInput } from './helpers/zip-writer.js';

const SMALL_APK = REAL_APKS[3] ?? '';
const minimalHap: HapOptions = {
  bundleName: 'cn.gov.example', moduleName: 'entry', moduleType: 'entry', abilities: [{ name: 'EntryAbility' }], permissions: [], strings: [], literals: [],
};

let dir = '';
before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'govapp-hostile-'));
});
after(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, bytes: Buffer | string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
}

async function zipFile(name: string, entries: ZipInput[]): Promise<string> {
  return write(name, buildZip(entries));
}

void describe('hostile input is refused with one clear sentence', () => {
  void it('nonexistent path', () => expectBadPackage(inspectPackage(path.join(dir, 'missing.apk')), /does not exist/));
  void it('a directory', () => expectBadPackage(inspectPackage(dir), /is a directory/));
  void it('an empty file', async () => expectBadPackage(inspectPackage(await write('empty.apk', '')), /is empty/));
  void it('a file that is not a zip', async () => expectBadPackage(inspectPackage(await write('notzip.apk', 'hello, this is text')), /not a zip archive/));
  void it('a file larger than maxFileBytes', async () => expectBadPackage(inspectPackage(SMALL_APK, { maxFileBytes: 1000 }), /more than the .* limit/));

  void it('a truncated archive', async () => {
    const bytes = await fs.readFile(SMALL_APK);
    await expectBadPackage(inspectPackage(await write('truncated.apk', bytes.subarray(0, Math.floor(bytes.length / 2)))), /not a valid zip archive/);
  });

  void it('a zip bomb entry (declared ratio over the limit)', async () => {
    const file = await zipFile('bomb.apk', [{ name: 'AndroidManifest.xml', data: Buffer.alloc(8) }, { name: 'assets/bomb.bin', data: Buffer.alloc(40 * 1024 * 1024) }]);
    await expectBadPackage(inspectPackage(file), /zip bomb/);
  });

  void it('a zip bomb whose header lies about the size (caught while inflating)', async () => {
    const file = await zipFile('liar.apk', [{ name: 'AndroidManifest.xml', data: Buffer.alloc(4 * 1024 * 1024), declaredSize: 100 }]);
    await expectBadPackage(inspectPackage(file), /cannot be inflated|zip bomb/);
  });

  void it('the total inflated size limit, enforced while streaming', () =>
    expectBadPackage(inspectPackage(SMALL_APK, { maxTotalUncompressedBytes: 4096 }), /inflates to more than/));

  void it('an entry name with ".."', async () =>
    expectBadPackage(inspectPackage(await zipFile('dotdot.apk', [{ name: '../../evil.sh', data: 'x' }, { name: 'AndroidManifest.xml', data: 'x' }])), /"\.\." path segment/));

  void it('an absolute entry name', async () =>
    expectBadPackage(inspectPackage(await zipFile('abs.apk', [{ name: '/etc/passwd', data: 'x' }])), /absolute path/));

  void it('a backslash entry name', async () =>
    expectBadPackage(inspectPackage(await zipFile('bs.apk', [{ name: '..\\evil.dll', data: 'x' }])), /backslash/));

  void it('a symlink entry', async () =>
    expectBadPackage(inspectPackage(await zipFile('link.apk', [{ name: 'AndroidManifest.xml', data: '/etc/passwd', unixMode: 0o120777 }])), /symbolic link/));

  void it('duplicate entries', async () =>
    expectBadPackage(inspectPackage(await zipFile('dup.apk', [{ name: 'AndroidManifest.xml', data: 'a' }, { name: 'AndroidManifest.xml', data: 'b' }])), /twice/));

  void it('a manifest that is not binary XML', async () =>
    expectBadPackage(inspectPackage(await zipFile('text.apk', [{ name: 'AndroidManifest.xml', data: '<?xml version="1.0"?><manifest package="a.b"/>' }])), /plain-text AndroidManifest\.xml/));

  void it('a deeply nested binary XML manifest', async () =>
    expectBadPackage(inspectPackage(await zipFile('deep.apk', [{ name: 'AndroidManifest.xml', data: buildNestedBinaryXml(500) }])), /nested deeper than 64/));

  void it('a manifest larger than maxXmlBytes', () => expectBadPackage(inspectPackage(REAL_APKS[0] ?? '', { maxXmlBytes: 4096 }), /limit/));

  void it('a deeply nested module.json', async () => {
    const deep = `{"app":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    await expectBadPackage(inspectPackage(await zipFile('deep.hap', [{ name: 'module.json', data: deep }])), /nested deeper/);
  });

  void it('a module.json that is not JSON', async () =>
    expectBadPackage(inspectPackage(await zipFile('bad.hap', [{ name: 'module.json', data: '{"app": ' }])), /malformed module\.json/));

  void it('an XML Info.plist with entity declarations', async () => {
    const plist = '<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY a "aaaaaaaaaa">]><plist><dict><key>CFBundleIdentifier</key><string>&a;</string></dict></plist>';
    await expectBadPackage(inspectPackage(await zipFile('entity.ipa', [{ name: 'Payload/A.app/Info.plist', data: plist }])), /entities/);
  });

  void it('a deeply nested XML Info.plist', async () => {
    const plist = `<plist><dict><key>k</key>${'<array>'.repeat(3000)}${'</array>'.repeat(3000)}</dict></plist>`;
    await expectBadPackage(inspectPackage(await zipFile('deep.ipa', [{ name: 'Payload/A.app/Info.plist', data: plist }])), /nested deeper/);
  });

  void it('a binary Info.plist whose array contains itself', async () => {
    // bplist00, object 0 = array of one ref to object 0; offset table; trailer.
    const objects = Buffer.from([0xa1, 0x00]);
    const table = Buffer.from([8]);
    const trailer = Buffer.alloc(32);
    trailer[6] = 1;
    trailer[7] = 1;
    trailer.writeBigUInt64BE(1n, 8);
    trailer.writeBigUInt64BE(0n, 16);
    trailer.writeBigUInt64BE(BigInt(8 + objects.length), 24);
    const bplist = Buffer.concat([Buffer.from('bplist00', 'latin1'), objects, table, trailer]);
    await expectBadPackage(inspectPackage(await zipFile('cycle.ipa', [{ name: 'Payload/A.app/Info.plist', data: bplist }])), /nested deeper/);
  });

  void it('a wrong extension (an APK named .ipa)', async () => {
    const file = await write('renamed.ipa', await fs.readFile(SMALL_APK));
    await expectBadPackage(inspectPackage(file), /has the extension \.ipa but contains an Android APK/);
  });

  void it('a zip that is no app package', async () =>
    expectBadPackage(inspectPackage(await zipFile('docs.apk', [{ name: 'readme.txt', data: 'hello' }])), /not an app package/));

  void it('an Android App Bundle', async () =>
    expectBadPackage(inspectPackage(await zipFile('app.aab', [{ name: 'base/manifest/AndroidManifest.xml', data: 'x' }])), /App Bundle/));

  void it('a .app whose pack.info lists no modules', async () =>
    expectBadPackage(inspectPackage(await zipFile('empty.app', [{ name: 'pack.info', data: '{}' }, { name: 'x.hap', data: buildZip([{ name: 'readme', data: 'x' }]) }])), /neither module\.json nor config\.json/));

  void it('the time bound', () => expectBadPackage(inspectPackage(REAL_APKS[0] ?? '', { timeoutMs: 1 }), /within 1 ms/));
});

void describe('tolerated input', () => {
  void it('an unknown extension is read by content, with a warning', async () => {
    const file = await write('submitted.zip', await fs.readFile(SMALL_APK));
    const facts = await inspectPackage(file);
    assert.equal(facts.platform, 'android');
    assert.ok(facts.warnings.some((w) => /read by content as an Android APK/.test(w)));
  });

  void it('a .hap without resources.index or code still yields identity', async () => {
    const file = await zipFile('bare.hap', [{ name: 'module.json', data: moduleJson(minimalHap) }]);
    const facts = await inspectPackage(file);
    assert.equal(facts.identity.packageName, 'cn.gov.example');
  });

  void it('nothing is written next to the package', async () => {
    const file = await write('clean.hap', buildHap(minimalHap));
    const before = await fs.readdir(dir);
    await inspectPackage(file);
    assert.deepEqual(await fs.readdir(dir), before);
  });
});
