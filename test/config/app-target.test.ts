/** --app: URLs, folders, package files, bundled samples. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { resolveAppTarget, sampleNames } from '../../src/config/app-target.js';
import { DEFAULT_SAMPLE } from '../../src/core/paths.js';
import { assertAuditError } from '../helpers/audit-error.js';

let dir = '';
before(() => { dir = mkdtempSync(join(tmpdir(), 'app-target-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

void describe('resolveAppTarget', () => {
  void it('accepts http and https URLs', () => {
    assert.deepEqual(resolveAppTarget('https://zwfw.example.gov.cn/h5/'), { kind: 'url', url: 'https://zwfw.example.gov.cn/h5/' });
    assert.deepEqual(resolveAppTarget('http://127.0.0.1:8080'), { kind: 'url', url: 'http://127.0.0.1:8080/' });
  });

  void it('rejects other URL schemes such as ftp://', () => {
    assertAuditError(() => resolveAppTarget('ftp://example.gov.cn/app.apk'), 'bad-app', /ftp/);
  });

  void it('rejects a path that does not exist', () => {
    assertAuditError(() => resolveAppTarget(join(dir, 'missing.apk')), 'bad-app', /does not exist/);
  });

  void it('rejects a file with an unknown extension, listing the supported ones', () => {
    const file = join(dir, 'app.zip');
    writeFileSync(file, 'PK');
    assertAuditError(() => resolveAppTarget(file), 'bad-app', /\.zip.*\.apk/);
  });

  void it('rejects an empty package as bad-package', () => {
    const file = join(dir, 'empty.apk');
    writeFileSync(file, '');
    assertAuditError(() => resolveAppTarget(file), 'bad-package', /empty/);
  });

  void it('reads the platform from a package extension, case-insensitively', () => {
    const file = join(dir, 'Gov.IPA');
    writeFileSync(file, 'x');
    assert.deepEqual(resolveAppTarget(file), { kind: 'package', file, platform: 'ios', extension: '.ipa' });
  });

  void it('rejects a folder without index.html and accepts one with it', () => {
    const empty = join(dir, 'no-index');
    mkdirSync(empty);
    assertAuditError(() => resolveAppTarget(empty), 'bad-app', /index\.html/);
    const app = join(dir, 'my-h5');
    mkdirSync(app);
    writeFileSync(join(app, 'index.html'), '<!doctype html><title>x</title>');
    assert.deepEqual(resolveAppTarget(app), { kind: 'folder', dir: app, name: 'my-h5', bundledSample: false });
  });

  void it('uses the default bundled sample when --app is absent', () => {
    const target = resolveAppTarget(undefined);
    assert.equal(target.kind, 'folder');
    assert.ok(target.kind === 'folder' && target.bundledSample && target.name === DEFAULT_SAMPLE);
  });

  void it('resolves sample:<name> and suggests the closest sample for a typo', () => {
    assert.ok(sampleNames().includes(DEFAULT_SAMPLE));
    const target = resolveAppTarget(`sample:${DEFAULT_SAMPLE}`);
    assert.ok(target.kind === 'folder' && target.bundledSample);
    assertAuditError(() => resolveAppTarget('sample:zhangshang-zhengwo'), 'bad-app', /Did you mean "zhangshang-zhengwu"\?/);
  });
});
