/** Login forms as real apps write them: 登陆 and other login words, the account field, and an account format the app enforces (pure). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UiNode } from '../../src/evidence/types.js';
import { accountFormatIssue } from '../../src/explore/account-format.js';
import { candidateActions, DEFAULT_ACTION_POLICY } from '../../src/explore/action-policy.js';
import { fillSteps, isLoginControl, isSubmitControl } from '../../src/explore/forms.js';
import { isLoginScreen } from '../../src/explore/login-screen.js';
import type { FormNode } from '../../src/explore/login-form.js';

let nextId = 0;
function node(role: string, fields: Partial<FormNode> = {}): FormNode {
  const id = nextId++;
  return { id, parent: null, role, text: fields.text ?? '', fullText: fields.text ?? '', bounds: { x: 0, y: id * 40, width: 300, height: 40 }, clickable: false, editable: false, scrollable: false, platform: 'h5', locator: `#n${id}`, ...fields };
}
const body = () => node('body');
const input = (label: string | undefined, inputType = 'text', fields: Partial<FormNode> = {}) =>
  node('input', { ...(label !== undefined ? { label } : {}), inputType, editable: true, clickable: true, ...fields });
const password = () => input('请输入密码', 'password');
const button = (text: string) => node('button', { text, clickable: true });
const inputs = (nodes: UiNode[]) => fillSteps(nodes).map((s) => s.input);

void describe('login words', () => {
  for (const word of ['登陆', '立即登陆', '立即登录', '登录/注册', '登录 | 注册', '登录注册', '注册/登录', '登 录', '账号登陆', 'Sign in', 'LOGIN']) {
    void it(`takes 「${word}」 for the login control of a form with a password`, () => {
      const login = button(word);
      const nodes = [body(), input('请输入账号'), password(), login, button('注册账号')];
      assert.equal(isLoginScreen({ nodes }), true);
      assert.equal(isLoginControl(login, nodes), true);
    });
  }

  void it('does not take 退出登录, 登录记录, 注册账号 or 忘记密码 for a login control', () => {
    for (const word of ['退出登录', '登录记录', '注册账号', '忘记密码', '登录后查看更多']) {
      const control = button(word);
      assert.equal(isLoginControl(control, [body(), input('账号'), password(), control]), false, word);
    }
  });

  void it('fills the form before 登陆 and does not take 注册账号 for the login (the antd-mobile app of the issue)', () => {
    const login = button('登陆');
    const register = button('注册账号');
    const nodes = [body(), input(undefined), password(), login, register];
    const actions = candidateActions(nodes, DEFAULT_ACTION_POLICY).actions;
    const loginAction = actions.find((a) => a.locator === login.locator)!;
    assert.equal(loginAction.login, true);
    assert.deepEqual(loginAction.steps.map((s) => s.input ?? s.action), ['username', 'password', 'tap']);
    assert.equal(isLoginControl(register, nodes), false);
  });

  void it('takes 进入 and 确定 for the login only on a login form (an account field and one password)', () => {
    for (const word of ['进入', '确定', '进入系统']) {
      const control = button(word);
      const nodes = [body(), input('请输入用户名'), password(), control];
      assert.equal(isLoginScreen({ nodes }), true, word);
      assert.equal(isLoginControl(control, nodes), true, word);
      const byId = new Map(nodes.map((n) => [n.id, n]));
      assert.equal(isSubmitControl(control, byId), true, word);
    }
    // A change-password form: three password fields.
    assert.equal(isLoginScreen({ nodes: [body(), input('原密码', 'password'), input('新密码', 'password'), input('确认新密码', 'password'), button('确定')] }), false);
    // A reset form: the field before the password is a code.
    assert.equal(isLoginScreen({ nodes: [body(), input('手机号', 'tel'), input('短信验证码'), input('新密码', 'password'), button('确定')] }), false);
    // No password at all.
    assert.equal(isLoginScreen({ nodes: [body(), input('请输入姓名'), button('确定')] }), false);
  });

  void it('takes 下一步 for the login only when it is the form’s only submit', () => {
    const next = button('下一步');
    const nodes = [body(), input('手机号/身份证号'), password(), next, button('忘记密码？'), button('注册')];
    assert.equal(isLoginScreen({ nodes }), true);
    assert.equal(isLoginControl(next, nodes), true);
    assert.equal(isLoginScreen({ nodes: [body(), input('手机号'), password(), button('下一步'), button('保存')] }), false);
  });
});

void describe('the account field', () => {
  void it('gets the lab’s account, not filler text, when it has no label and sits before the password', () => {
    assert.deepEqual(inputs([body(), input(undefined), password(), button('登陆')]), ['username', 'password']);
    assert.deepEqual(inputs([body(), input('请输入'), password(), button('登录')]), ['username', 'password']);
  });

  void it('is the field before the password whatever it asks for: 手机号, 身份证号, 工号, 邮箱, 登录名, tel, email', () => {
    for (const [label, type] of [['请输入手机号', 'text'], ['请输入身份证号', 'text'], ['工号', 'text'], ['邮箱', 'text'], ['登录名', 'text'], [undefined, 'tel'], [undefined, 'email'], ['帐号', 'number']] as const) {
      assert.deepEqual(inputs([body(), input(label, type), password(), button('登录')]), ['username', 'password'], `${label} ${type}`);
    }
  });

  void it('is the field autocomplete names, wherever it is', () => {
    const nodes = [body(), input('请输入', 'text', { autocomplete: 'username' }), input('图形验证码'), password(), button('登录')];
    assert.deepEqual(inputs(nodes), ['username', 'code', 'password']);
  });

  void it('leaves a code before the password, a sign-up form and a form without password alone', () => {
    assert.deepEqual(inputs([body(), input('手机号', 'tel'), input('短信验证码'), password(), button('登录')]), ['phone', 'code', 'password']);
    assert.deepEqual(inputs([body(), input('手机号', 'tel'), input('设置密码', 'password'), input('确认密码', 'password'), button('注册')]), ['phone', 'password', 'password']);
    assert.deepEqual(inputs([body(), input('手机号', 'tel'), input('备注'), button('提交')]), ['phone', 'text']);
  });

  void it('recognises account words and telling ids on any form', () => {
    assert.deepEqual(inputs([body(), input('账户'), input('学号'), input(undefined, 'text', { locator: 'form > #mobile' })]), ['username', 'username', 'phone']);
  });
});

void describe('accountFormatIssue', () => {
  const loginWith = (field: FormNode) => [body(), field, password(), button('登录')];

  void it('says an 18-digit ID number is required when the account is not one', () => {
    assert.equal(accountFormatIssue(loginWith(input('请输入18位身份证号')), 'lab-tester'), '登录框要求 18 位身份证号，测试账号不符合，请提供符合格式的测试账号');
    assert.equal(accountFormatIssue(loginWith(input('请输入18位身份证号')), '11010519491231002X'), undefined);
  });

  void it('says a phone number is required, from the label or a tel input', () => {
    assert.match(accountFormatIssue(loginWith(input('手机号码')), 'lab-tester') ?? '', /^登录框要求 11 位手机号，测试账号不符合/);
    assert.match(accountFormatIssue(loginWith(input(undefined, 'tel')), 'lab-tester') ?? '', /11 位手机号/);
    assert.equal(accountFormatIssue(loginWith(input(undefined, 'tel')), '13912345678'), undefined);
  });

  void it('accepts an account fitting any of the formats offered, and asks nothing of a plain account field', () => {
    assert.equal(accountFormatIssue(loginWith(input('手机号/身份证号')), '13912345678'), undefined);
    assert.match(accountFormatIssue(loginWith(input('手机号/身份证号')), 'lab-tester') ?? '', /11 位手机号或 ?18 位身份证号|18 位身份证号或11 位手机号/);
    assert.equal(accountFormatIssue(loginWith(input('手机号/账号')), 'lab-tester'), undefined);
    assert.equal(accountFormatIssue(loginWith(input('请输入用户名')), 'lab-tester'), undefined);
  });

  void it('uses pattern and maxlength when the snapshot records them, and names the format without an account', () => {
    assert.match(accountFormatIssue(loginWith(input('工号', 'text', { pattern: '\\d{6}' })), 'lab-tester') ?? '', /账号符合格式 \\d\{6\}，测试账号不符合/);
    assert.equal(accountFormatIssue(loginWith(input('工号', 'text', { pattern: '\\d{6}' })), '123456'), undefined);
    assert.match(accountFormatIssue(loginWith(input('工号', 'text', { maxLength: 6 })), 'lab-tester') ?? '', /最多可输入 6 个字符/);
    assert.equal(accountFormatIssue(loginWith(input('身份证号'))), '登录框要求 18 位身份证号，请提供符合格式的测试账号');
  });

  void it('never repeats the account in the sentence', () => {
    assert.doesNotMatch(accountFormatIssue(loginWith(input('身份证号')), 'lab-tester-007') ?? '', /lab-tester/);
  });
});
