/** Session clues from cookies and storage; a daily re-login becomes a mandatory-login finding, a longer one does not. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateCheck } from '../../src/checks/evaluate.js';
import type { LoginCadenceEvent } from '../../src/evidence/probe-types.js';
import { sessionClues } from '../../src/platforms/h5/session-clues.js';
import { evidence, probes } from './probe-fixtures.js';

const NOW = 1_795_850_000_000;
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

void describe('sessionClues', () => {
  void it('reads cookie expiry, JWT exp inside a stored value, and past timestamps, in hours from now', () => {
    const token = `${b64({ alg: 'none' })}.${b64({ sub: 'u1', exp: NOW / 1000 + 24 * 3600 })}.`;
    const clues = sessionClues(
      [{ name: 'sid', expires: NOW / 1000 + 86_400, session: false }, { name: 'pref', expires: -1, session: true }],
      [['localStorage:session', JSON.stringify({ loginAt: NOW - 2 * 3_600_000, token })]],
      NOW,
    );
    assert.deepEqual(clues, {
      cookies: [{ name: 'sid', expiresInHours: 24 }, { name: 'pref' }],
      tokens: [{ key: 'localStorage:session', expiresInHours: 24 }],
      timestamps: [{ key: 'localStorage:session', ageHours: 2 }],
    });
  });
});

void describe('mandatory-login from the login-cadence probe', () => {
  const base: LoginCadenceEvent = { type: 'login-cadence', hasLogin: true, signedIn: true, checkedHours: [25], loginAgainAfterHours: 25, session: { cookies: [], tokens: [{ key: 'localStorage:session', expiresInHours: 24 }], timestamps: [] } };

  void it('fails when the login screen is back one day later, citing the token lifetime', () => {
    const result = evaluateCheck('mandatory-login', evidence({ probes: probes({ login: base }) }));
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]!.summary, /拨快 25 小时.*需每日登录（令牌 localStorage:session 有效期约 24 小时）/);
  });

  void it('does not report a session that lasts past a day; an app without a login passes', () => {
    assert.equal(evaluateCheck('mandatory-login', evidence({ probes: probes({ login: { ...base, checkedHours: [25, 73], loginAgainAfterHours: 73 } }) })).outcome, 'pass');
    assert.equal(evaluateCheck('mandatory-login', evidence({ probes: probes({ login: { type: 'login-cadence', hasLogin: false, signedIn: false, checkedHours: [] } }) })).outcome, 'pass');
  });

  void it('does not pass an app with a login whose session could not be measured signed in', () => {
    const result = evaluateCheck('mandatory-login', evidence({ probes: probes({ login: { ...base, signedIn: false, checkedHours: [] } }) }));
    assert.equal(result.outcome, 'inconclusive');
    assert.match(result.reason ?? '', /有效期未能测量，不能判定为通过/);
  });
});
