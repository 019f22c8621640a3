/** Which probes run beside the others: never one that drives the main session, never a second sign-in. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alongsideRefusal, probeOrder } from '../../src/probes/alongside.js';
import { PROBES } from '../../src/probes/index.js';
import { evidence, launchScreen, net } from './probe-fixtures.js';

/** The explored app: its launch screen beats; `signIn` puts a password step on the beating screen's path. */
function explored(signIn: boolean) {
  const steps = [
    { action: 'launch' as const, label: '打开应用' },
    ...(signIn ? [{ action: 'type' as const, label: '输入密码', input: 'password' }] : []),
    { action: 'tap' as const, label: '点击「学习」' },
  ];
  const beating = launchScreen('s1', { depth: 1, steps });
  return evidence({
    screens: [launchScreen(), beating],
    network: [net({ url: 'http://h/api/beat', screenId: 's1' }), net({ url: 'http://h/api/beat?n=2', screenId: 's1' })],
  });
}

void describe('alongsideRefusal', () => {
  void it('lets the idle probe run on its own session where sessions are independent and its paths do not sign in', () => {
    assert.equal(alongsideRefusal('network-idle', explored(false), true), undefined);
  });

  void it('keeps the idle probe in turn when its replay signs in (one login per account), or the platform has one device session', () => {
    assert.match(alongsideRefusal('network-idle', explored(true), true) ?? '', /登录/);
    assert.match(alongsideRefusal('network-idle', explored(false), false) ?? '', /会话/);
  });

  void it('runs the blank-screen probe beside the others on any platform, and no probe that drives the main session', () => {
    assert.equal(alongsideRefusal('render', explored(true), false), undefined);
    for (const id of ['permissions', 'performance', 'login-cadence', 'ipv6']) assert.notEqual(alongsideRefusal(id, explored(false), true), undefined, id);
  });
});

void describe('probeOrder', () => {
  void it('puts the untimed permissions probe first when an idle session starts beside it, and keeps the order otherwise', () => {
    assert.deepEqual(probeOrder(PROBES, false).map((p) => p.id), PROBES.map((p) => p.id));
    const order = probeOrder(PROBES, true).map((p) => p.id);
    assert.equal(order[0], 'permissions');
    assert.ok(order.indexOf('performance') > 0);
    assert.deepEqual([...order].sort(), PROBES.map((p) => p.id).sort());
  });
});
