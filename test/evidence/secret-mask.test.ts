/** The one masker of the test account: every spelling, in every string of a value; binary data untouched. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accountSpellings as leakSpellings } from '../helpers/secret-leak.js';
import { MASKED, masker, noSecrets, secretMask } from '../../src/evidence/secret-mask.js';

const account = { username: 'leak.tester+01', password: 'Pa55 w0rd!&"Q9' };
const mask = secretMask(account);

void describe('secretMask', () => {
  void it('masks every spelling the leak test greps for (written independently in test/helpers/secret-leak.ts)', () => {
    for (const [name, spelling] of leakSpellings(account)) {
      const masked = mask.text(`before ${spelling} after`);
      assert.equal(masked.includes(spelling), false, `${name} survived: ${masked}`);
      assert.match(masked, /^before .*\*{6}.* after$/, name);
    }
  });

  void it('masks a JSON login body, a form body, a query string, a Basic header and a console line quoting JSON', () => {
    const json = JSON.stringify({ id: account.username, password: account.password });
    const form = new URLSearchParams({ user: account.username, pw: account.password }).toString();
    const basic = `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}`;
    const masked = mask.value({
      postData: json, form, url: `/api/sync?pw=${encodeURIComponent(account.password)}`,
      headers: { Authorization: basic }, console: `"login" ${JSON.stringify(json)}`,
    });
    assert.deepEqual(masked, {
      postData: `{"id":"${MASKED}","password":"${MASKED}"}`, form: `user=${MASKED}&pw=${MASKED}`, url: `/api/sync?pw=${MASKED}`,
      headers: { Authorization: `Basic ${MASKED}` }, console: `"login" "{\\"id\\":\\"${MASKED}\\",\\"password\\":\\"${MASKED}\\"}"`,
    });
  });

  void it('masks object keys and nested arrays, keeps numbers, booleans and Buffers as they are', () => {
    const png = Buffer.from(account.password);
    const masked = mask.value({ [account.username]: [1, true, null, `x${account.password}y`], png });
    assert.deepEqual(Object.keys(masked), [MASKED, 'png']);
    assert.deepEqual(masked[MASKED as keyof typeof masked], [1, true, null, `x${MASKED}y`]);
    assert.equal(masked.png, png);
  });

  void it('lists the longest spellings first, so a longer spelling is not cut by a shorter one', () => {
    const lengths = mask.spellings.map((s) => s.length);
    assert.deepEqual(lengths, [...lengths].sort((a, b) => b - a));
    assert.ok(mask.spellings.includes(Buffer.from(`${account.username}:${account.password}`).toString('base64')));
  });

  void it('is noSecrets without an account, and ignores parts under 3 characters', () => {
    assert.equal(secretMask(undefined), noSecrets);
    const value = { a: 'ab' };
    assert.equal(noSecrets.value(value), value);
    assert.equal(noSecrets.active, false);
    const short = secretMask({ username: 'ab', password: 'long-secret' });
    assert.equal(short.text('ab long-secret'), `ab ${MASKED}`);
  });

  void it('gives the explorer the same spellings through masker()', () => {
    assert.equal(masker([account.password])(`p=${new URLSearchParams({ p: account.password }).toString().slice(2)}`), `p=${MASKED}`);
  });
});
