/** Outcomes behind a login wall: what was not seen because the explorer could not sign in never passes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateCheck } from '../../src/checks/evaluate.js';
import { bundle, button, coverage, el, link, screen, span } from '../helpers/evidence-builder.js';

const login = () => screen({ title: '登录', depth: 0, body: [link('忘记密码'), button('登录')] });
const wall = (signedIn: boolean) => coverage({ loginWall: { met: true, signedIn, screenId: 's0', ...(signedIn ? {} : { reason: '没有测试账号' }) } });

void describe('a login wall the explorer could not pass', () => {
  void it('makes a prohibition without findings inconclusive, even with complete coverage, and says why', () => {
    const r = evaluateCheck('forced-check-in', bundle({ screens: [login()], coverage: wall(false) }));
    assert.equal(r.outcome, 'inconclusive');
    assert.match(r.reason ?? '', /登录界面且未能登录/);
    assert.match(r.reason ?? '', /没有测试账号/);
  });

  void it('makes a missing requirement inconclusive instead of fail', () => {
    const r = evaluateCheck('filing-disclosure', bundle({ screens: [login()], coverage: wall(false) }));
    assert.equal(r.outcome, 'inconclusive');
    assert.match(r.reason ?? '', /不能判定缺失/);
  });

  void it('still fails a prohibition on what was seen before the wall', () => {
    const s = screen({ title: '登录', body: [button('每日签到')] });
    const r = evaluateCheck('forced-check-in', bundle({ screens: [s], coverage: wall(false) }));
    assert.equal(r.outcome, 'fail');
  });

  void it('still passes a requirement found before the wall', () => {
    const s = screen({ title: '登录', body: [el('footer', {}, span('主办单位：某某市人民政府办公厅'), span('备案编号：京ICP备12345678号-1A'))] });
    assert.equal(evaluateCheck('filing-disclosure', bundle({ screens: [s], coverage: wall(false) })).outcome, 'pass');
  });
});

void describe('a login wall the explorer passed with the test account', () => {
  void it('lets a prohibition pass on complete coverage, as without a wall', () => {
    assert.equal(evaluateCheck('forced-check-in', bundle({ screens: [login()], coverage: wall(true) })).outcome, 'pass');
  });
});
