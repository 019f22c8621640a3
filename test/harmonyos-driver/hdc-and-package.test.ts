/** hdc failure reading (signing refusals), the per-device lock, and reading bundle/ability from a .hap or .app. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { output } from './fixture.js';
import { installErrorCode, installSucceeded, isFailureOutput, signingRefusal } from '../../drivers/appium-harmonyos-driver/lib/hdc/failure.js';
import { withDeviceLock } from '../../drivers/appium-harmonyos-driver/lib/hdc/device-lock.js';
import { Hdc } from '../../drivers/appium-harmonyos-driver/lib/hdc/hdc.js';
import { readPackageInfo } from '../../drivers/appium-harmonyos-driver/lib/hap/package-info.js';
import { buildZip } from '../package/helpers/zip-writer.js';

void describe('install outcome', () => {
  const refused = output('install-untrusted.txt');
  void it('reads the signing refusal as one sentence naming what to ask the app owner for', () => {
    assert.equal(installSucceeded(refused), false);
    assert.equal(installErrorCode(refused), '9568322');
    const sentence = signingRefusal(refused)!;
    assert.match(sentence, /9568322/);
    assert.match(sentence, /ask the app owner for a debug-signed HAP whose signing profile lists this device's UDID/);
    assert.equal(sentence.split(/[.!?](\s|$)/).filter((s) => s && s.trim()).length, 1);
  });
  void it('does not call other install failures a signing problem', () => {
    assert.equal(signingRefusal('error: failed to install bundle. code:9568305 error: dependent module does not exist.'), undefined);
  });
  void it('accepts only an output that says the bundle was installed and reports no failure', () => {
    assert.ok(installSucceeded('[Info]App install path:/tmp/a.hap msg:install bundle successfully.\nAppMod finish\n'));
    assert.equal(installSucceeded('AppMod finish\n'), false);
    assert.ok(isFailureOutput('[Fail]Not match target founded, check connect-key please'));
    assert.equal(isFailureOutput('FileTransfer finish, Size:12, File count = 1'), false);
  });
});

void describe('hdc client', () => {
  void it('puts -s server and -t target before every command', () => {
    const hdc = new Hdc({ binary: 'hdc', server: '10.0.0.5:8710', timeoutMs: 1000 }).forTarget('FMR0223C13000649');
    assert.deepEqual(hdc.prefix(), ['-s', '10.0.0.5:8710', '-t', 'FMR0223C13000649']);
  });
  void it('runs calls to one device one at a time', async () => {
    const events: string[] = [];
    const job = (name: string, ms: number) => withDeviceLock('dev', async () => {
      events.push(`${name}+`);
      await new Promise((r) => setTimeout(r, ms));
      events.push(`${name}-`);
    });
    await Promise.all([job('a', 30), job('b', 1), withDeviceLock('other', () => { events.push('o'); return Promise.resolve(); })]);
    assert.deepEqual(events.filter((e) => e !== 'o'), ['a+', 'a-', 'b+', 'b-']);
    assert.ok(events.indexOf('o') < events.indexOf('a-'));
  });
});

void describe('package info', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hap-info-'));
  const moduleJson = (name: string, type: string, main: string) => JSON.stringify({ app: { bundleName: 'cn.gov.example.zwfw' }, module: { name, type, mainElement: main } });
  void it('reads bundle, main ability and module of a HAP', async () => {
    const hap = join(dir, 'a.hap');
    writeFileSync(hap, buildZip([{ name: 'module.json', data: moduleJson('entry', 'entry', 'EntryAbility') }, { name: 'pack.info', data: '{}', method: 'store' }]));
    assert.deepEqual(await readPackageInfo(hap), { bundleName: 'cn.gov.example.zwfw', abilityName: 'EntryAbility', moduleName: 'entry', kind: 'hap' });
  });
  void it("reads an .app through its entry module's HAP", async () => {
    const feature = buildZip([{ name: 'module.json', data: moduleJson('feature1', 'feature', 'FeatureAbility') }]);
    const entry = buildZip([{ name: 'module.json', data: moduleJson('phone', 'entry', 'MainAbility') }]);
    const app = join(dir, 'b.app');
    writeFileSync(app, buildZip([{ name: 'feature1-default.hap', data: feature, method: 'store' }, { name: 'phone-default.hap', data: entry, method: 'store' }, { name: 'pack.info', data: '{}' }]));
    assert.deepEqual(await readPackageInfo(app), { bundleName: 'cn.gov.example.zwfw', abilityName: 'MainAbility', moduleName: 'phone', kind: 'app' });
  });
  void it('refuses a zip that is neither', async () => {
    const other = join(dir, 'c.hap');
    writeFileSync(other, buildZip([{ name: 'AndroidManifest.xml', data: 'x' }]));
    await assert.rejects(readPackageInfo(other), /neither a HAP/);
  });
});
