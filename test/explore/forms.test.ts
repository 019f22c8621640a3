/** Form filling and login detection on UI models (pure). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UiNode } from '../../src/evidence/types.js';
import { candidateActions, DEFAULT_ACTION_POLICY } from '../../src/explore/action-policy.js';
import { fillSteps } from '../../src/explore/forms.js';
import { isLoginScreen } from '../../src/explore/login-screen.js';
import { testDataKeyFor } from '../../src/explore/test-data.js';

let nextId = 0;
function node(role: string, fields: Partial<UiNode> = {}): UiNode {
  const id = nextId++;
  return { id, parent: id === 0 ? null : 0, role, text: '', fullText: fields.text ?? '', bounds: { x: 0, y: id * 40, width: 300, height: 40 }, clickable: false, editable: false, scrollable: false, platform: 'h5', locator: `#n${id}`, ...fields };
}
const input = (label: string, inputType = 'text') => node('input', { label, inputType, editable: true, clickable: true });

void describe('fillSteps', () => {
  void it('picks test-data keys from input types and labels, never putting values in steps', () => {
    const nodes = [node('body'), input('姓名'), input('联系电话', 'tel'), input('身份证号码'), input('邮箱地址', 'email'), input('短信验证码'), input('详细地址'), input('备注')];
    assert.deepEqual(fillSteps(nodes).map((s) => s.input), ['name', 'phone', 'idNumber', 'email', 'code', 'address', 'text']);
    assert.ok(fillSteps(nodes).every((s) => !/张三|13800000000/.test(JSON.stringify(s))));
  });

  void it('ticks an unticked consent box, but not a ticked one or an unrelated one', () => {
    const consent = node('input', { inputType: 'checkbox', checked: false, clickable: true, label: '我已阅读并同意《用户服务协议》' });
    const ticked = node('input', { inputType: 'checkbox', checked: true, clickable: true, label: '同意接收通知' });
    const other = node('input', { inputType: 'checkbox', checked: false, clickable: true, label: '记住账号' });
    const steps = fillSteps([node('body'), input('账号'), input('密码', 'password'), consent, ticked, other]);
    assert.deepEqual(steps.map((s) => s.action), ['type', 'type', 'tap']);
    assert.equal(steps[2]?.locator, consent.locator);
  });

  void it('makes the 登录 tap of a login screen a login action that fills the form first', () => {
    const login = node('button', { text: '登录', clickable: true });
    const nodes = [node('body'), input('请输入账号'), input('请输入密码', 'password'), login, node('a', { text: '忘记密码', clickable: true })];
    assert.equal(isLoginScreen({ nodes }), true);
    const actions = candidateActions(nodes, DEFAULT_ACTION_POLICY).actions;
    const loginAction = actions.find((a) => a.locator === login.locator)!;
    assert.equal(loginAction.login, true);
    assert.deepEqual(loginAction.steps.map((s) => s.input ?? s.action), ['username', 'password', 'tap']);
    assert.deepEqual(actions.find((a) => a.text === '忘记密码')?.steps.length, 1, 'a plain link is not preceded by typing');
  });

  void it('does not call a screen with a password field but no login control a login screen', () => {
    assert.equal(isLoginScreen({ nodes: [node('body'), input('新密码', 'password'), node('button', { text: '保存', clickable: true })] }), false);
    assert.equal(testDataKeyFor(input('新密码', 'password')), 'password');
  });
});
