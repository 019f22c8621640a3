/** --credentials files and secret masking. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadCredentials } from '../../src/config/credentials.js';
import { assertAuditError } from '../helpers/audit-error.js';

let dir = '';
before(() => { dir = mkdtempSync(join(tmpdir(), 'credentials-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

void describe('loadCredentials', () => {
  void it('reads username and password', () => {
    assert.deepEqual(loadCredentials(file('ok.json', '{"username":"tester01","password":"S3cret!pw"}')), { username: 'tester01', password: 'S3cret!pw' });
  });

  void it('rejects a missing file and a folder', () => {
    assertAuditError(() => loadCredentials(join(dir, 'missing.json')), 'bad-credentials', /does not exist/);
    assertAuditError(() => loadCredentials(dir), 'bad-credentials', /does not exist/);
  });

  void it('rejects a file that is not JSON or not an object', () => {
    assertAuditError(() => loadCredentials(file('bad.json', 'username=a')), 'bad-credentials', /not valid JSON/);
    assertAuditError(() => loadCredentials(file('array.json', '["a","b"]')), 'bad-credentials', /JSON object/);
  });

  void it('names a missing or empty password', () => {
    assertAuditError(() => loadCredentials(file('nopw.json', '{"username":"tester01"}')), 'bad-credentials', /"password"/);
    assertAuditError(() => loadCredentials(file('emptypw.json', '{"username":"tester01","password":""}')), 'bad-credentials', /"password"/);
  });

  void it('names an extra field', () => {
    assertAuditError(() => loadCredentials(file('extra.json', '{"username":"a1","password":"p1","otp":"123456"}')), 'bad-credentials', /"otp"/);
  });

  void it('never echoes the secrets in its messages', () => {
    const error = assertAuditError(() => loadCredentials(file('extra2.json', '{"username":"tester01","password":"S3cret!pw","x":1}')), 'bad-credentials');
    assert.doesNotMatch(error.message, /tester01|S3cret/);
  });
});
