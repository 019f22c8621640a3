import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SAMPLES_DIR } from '../../src/core/paths.js';
import { expandManifest, loadManifest } from '../../src/farm/manifest.js';

describe('batch manifest', () => {
  it('expands samples/batch.json: the demo on every h5 class, paths relative to the manifest', () => {
    const m = loadManifest(join(SAMPLES_DIR, 'batch.json'));
    const keys = m.audits.map((a) => a.key);
    assert.ok(keys.includes('zhangshang-zhengwu@pixel-7') && keys.includes('zhangshang-zhengwu@small-phone'));
    const login = m.audits.find((a) => a.submission === 'login-wall')!;
    assert.equal(login.app, join(SAMPLES_DIR, 'login-wall'));
    assert.equal(login.credentials, join(SAMPLES_DIR, 'login-wall', 'test-account.json'));
    assert.deepEqual(login.exempt, ['forced-check-in:安保值班签到（示例豁免）']);
    assert.ok(m.audits.every((a) => a.budget > 0 && a.budget <= 45));
  });

  it('submission settings override the defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    const m = expandManifest({ defaults: { budget: 30, report: false }, submissions: [{ id: 'a', app: SAMPLES_DIR + '/bianmin-fuwu', budget: 12 }, { id: 'b', app: 'https://example.gov.cn/h5/' }] }, join(dir, 'm.json'));
    assert.equal(m.audits[0]!.budget, 12);
    assert.equal(m.audits[1]!.budget, 30);
    assert.equal(m.audits[1]!.report, false);
    assert.equal(m.audits[1]!.app, 'https://example.gov.cn/h5/');
    assert.equal(m.audits[1]!.deviceClass, 'pixel-7');
  });

  it('one sentence naming the submission and field for each mistake', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    const file = join(dir, 'm.json');
    const bad = (submission: Record<string, unknown>) => () => expandManifest({ submissions: [{ id: 'a', app: SAMPLES_DIR + '/bianmin-fuwu', ...submission }] }, file);
    assert.throws(bad({ app: 'nowhere' }), /\/submissions\/0\/app: --app .*nowhere does not exist/);
    assert.throws(bad({ credentials: 'missing.json' }), /\/submissions\/0\/credentials: Credentials file .*missing\.json does not exist/);
    assert.throws(bad({ exemptions: { 'forced-checkin': '安保' } }), /\/submissions\/0\/exemptions: .*unknown check "forced-checkin"/);
    assert.throws(bad({ deviceClasses: ['pixel-8'] }), /deviceClasses: Unknown device profile "pixel-8"/);
    assert.throws(bad({ budget: -1 }), /\/submissions\/0\/budget must be > 0/);
    assert.throws(() => expandManifest({ submissions: [{ id: 'a', app: SAMPLES_DIR + '/bianmin-fuwu' }, { id: 'a', app: SAMPLES_DIR + '/login-wall' }] }, file), /repeats the submission id "a"/);
    writeFileSync(file, '{ not json');
    assert.throws(() => loadManifest(file), /is not valid JSON/);
  });
});
