/** The run's account decided in one place, and the writers outside the evidence store that mask with it. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CheckResult } from '../../src/checks/result.js';
import { readCheckResult, writeCheckResult } from '../../src/audit/results.js';
import { MASKED } from '../../src/evidence/secret-mask.js';
import { writeLogFilters } from '../../src/runner/log-filters.js';
import { maskTextFilesUnder } from '../../src/runner/mask-out-files.js';
import { accountForWorkers, runAccount, runSecrets } from '../../src/runner/run-secrets.js';
import { loadDeviceProfile } from '../../src/devices/profile.js';
import { DEFAULT_DEVICE } from '../../src/core/paths.js';
import { statSync } from 'node:fs';

const fileAccount = { username: 'file-user', password: 'disk-secret' };
const profileAccount = { username: 'profile-user', password: 'profile-secret' };
const dir = () => mkdtempSync(join(tmpdir(), 'run-secrets-'));

function credentialsFile(): string {
  const file = join(dir(), 'account.json');
  writeFileSync(file, JSON.stringify(fileAccount));
  return file;
}

void describe('runAccount / runSecrets', () => {
  void it('takes --credentials first, else the device profile, else none', () => {
    assert.deepEqual(runAccount({ credentialsFile: credentialsFile(), device: { testAccount: profileAccount } }), fileAccount);
    assert.deepEqual(runAccount({ device: { testAccount: profileAccount } }), profileAccount);
    assert.equal(runAccount({ device: {} }), undefined);
    assert.equal(runSecrets({ device: {} }).active, false);
    assert.equal(runSecrets({ credentialsFile: credentialsFile(), device: { testAccount: profileAccount } }).text('disk-secret profile-secret'), `${MASKED} profile-secret`);
  });
});

void describe('accountForWorkers', () => {
  const device = { ...loadDeviceProfile(DEFAULT_DEVICE), testAccount: profileAccount };

  void it("moves a profile's account to a 0600 file in the scratch folder and out of the device written to run-config.json", () => {
    const scratch = dir();
    const { credentialsFile, device: written } = accountForWorkers(undefined, device, scratch);
    assert.equal(JSON.stringify(written).includes('profile-secret'), false);
    assert.ok(credentialsFile?.startsWith(scratch));
    assert.equal(statSync(credentialsFile!).mode & 0o777, 0o600);
    assert.deepEqual(runAccount({ credentialsFile, device: written }), profileAccount);
  });

  void it('passes --credentials as an absolute path and still drops the profile account', () => {
    const file = credentialsFile();
    const { credentialsFile: passed, device: written } = accountForWorkers(file, device, dir());
    assert.equal(passed, file);
    assert.equal(written.testAccount, undefined);
  });
});

void describe('writers outside the evidence store', () => {
  const secrets = runSecrets({ device: { testAccount: profileAccount } });

  void it('results/<check>.json masks a finding that quotes a request body', () => {
    const out = dir();
    const result = { id: 'data-security', findings: [{ summary: 's', text: 'password=profile-secret', evidence: [] }] } as unknown as CheckResult;
    writeCheckResult(out, result, secrets);
    assert.equal(readCheckResult(out, 'data-security')?.findings[0]?.text, `password=${MASKED}`);
  });

  void it('masks every text file under a folder in place (Allure results, logs) and leaves PNGs alone', () => {
    const out = dir();
    mkdirSync(join(out, 'attachments'));
    writeFileSync(join(out, 'a-result.json'), '{"message":"typed profile-secret"}');
    writeFileSync(join(out, 'attachments', 'b.txt'), `Basic ${Buffer.from('profile-user:profile-secret').toString('base64')}`);
    writeFileSync(join(out, 'c.png'), 'profile-secret');
    writeFileSync(join(out, 'clean.log'), 'nothing here');
    const changed = maskTextFilesUnder(out, secrets).map((f) => f.slice(out.length + 1)).sort();
    assert.deepEqual(changed, ['a-result.json', join('attachments', 'b.txt')]);
    assert.equal(readFileSync(join(out, 'a-result.json'), 'utf8'), `{"message":"typed ${MASKED}"}`);
    assert.equal(readFileSync(join(out, 'attachments', 'b.txt'), 'utf8'), `Basic ${MASKED}`);
    assert.equal(readFileSync(join(out, 'c.png'), 'utf8'), 'profile-secret');
  });

  void it("gives Appium's log filters every spelling of the mask, base64 of user:password included", () => {
    const rules = JSON.parse(readFileSync(writeLogFilters(dir(), secrets), 'utf8')) as { text: string; replacer: string }[];
    const texts = rules.map((r) => r.text);
    assert.deepEqual(texts, [...secrets.spellings]);
    assert.ok(texts.includes(Buffer.from('profile-user:profile-secret').toString('base64')));
    assert.ok(rules.every((r) => r.replacer === MASKED));
  });
});
