/** --test-data files: the lab's values for forms, validated with one sentence naming the field. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseRunArgs } from '../../src/cli/args.js';
import { loadTestData } from '../../src/config/test-data-file.js';
import { assertAuditError } from '../helpers/audit-error.js';

let dir = '';
before(() => { dir = mkdtempSync(join(tmpdir(), 'test-data-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

void describe('loadTestData', () => {
  void it('reads the fields a lab sets and nothing else', () => {
    assert.deepEqual(loadTestData(file('ok.json', '{"name":"李四","phone":"13912345678"}')), { name: '李四', phone: '13912345678' });
  });

  void it('refuses the account: it belongs in --credentials, which is masked', () => {
    assertAuditError(() => loadTestData(file('pw.json', '{"password":"x"}')), 'bad-test-data', /"password".*--credentials/);
  });

  void it('names an unknown field with a suggestion', () => {
    assertAuditError(() => loadTestData(file('typo.json', '{"idNumbr":"1"}')), 'bad-test-data', /unknown field "idNumbr"; did you mean "idNumber"\?/);
  });

  void it('refuses empty, non-string and huge values, non-objects and a missing file', () => {
    assertAuditError(() => loadTestData(file('empty.json', '{"name":"  "}')), 'bad-test-data', /field "name" must be a non-empty string/);
    assertAuditError(() => loadTestData(file('num.json', '{"phone":13912345678}')), 'bad-test-data', /field "phone"/);
    assertAuditError(() => loadTestData(file('big.json', JSON.stringify({ text: 'x'.repeat(201) }))), 'bad-test-data', /at most 200/);
    assertAuditError(() => loadTestData(file('arr.json', '["a"]')), 'bad-test-data', /JSON object/);
    assertAuditError(() => loadTestData(file('bad.json', '{name:')), 'bad-test-data', /not valid JSON/);
    assertAuditError(() => loadTestData(join(dir, 'missing.json')), 'bad-test-data', /does not exist/);
  });

  void it('is reachable from the command line as --test-data', () => {
    assert.equal(parseRunArgs(['--test-data', 'lab.json']).testData, 'lab.json');
  });
});
