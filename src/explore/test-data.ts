/**
 * Test data the explorer types into forms: the lab's test account and plausible personal data.
 * Paths record only the key (`input: 'phone'`), never the value, so replays resolve it again and
 * the password never lands in evidence.
 */
import type { UiNode } from '../evidence/types.js';

/** Every key, in the order a lab's test-data file documents them. */
export const TEST_DATA_KEYS = ['username', 'password', 'name', 'phone', 'idNumber', 'email', 'code', 'address', 'text'] as const;

export type TestDataKey = (typeof TEST_DATA_KEYS)[number];

export type TestData = Record<TestDataKey, string>;

/** Defaults: a fictitious person (张三, the 13800000000 test number, the GB 11643 sample ID). */
export const DEFAULT_TEST_DATA: TestData = {
  // Placeholder account used when the lab gave none: it lets the explorer see how the wall answers.
  username: 'test-user',
  password: 'Test-Pass-0',
  name: '张三',
  phone: '13800000000',
  idNumber: '11010519491231002X',
  email: 'test@example.com',
  code: '123456',
  address: '示例市示例区政务大道1号',
  text: '测试内容，请忽略',
};

/**
 * What is typed for each key, in one place for the explorer, the probes' replays and `replay`:
 * the defaults, the lab's values (--test-data) over them, and the run's account over both.
 */
export function typedValues(labData?: Partial<TestData>, account?: { username: string; password: string }): TestData {
  return { ...DEFAULT_TEST_DATA, ...labData, ...(account ? { username: account.username, password: account.password } : {}) };
}

const BY_LABEL: [RegExp, TestDataKey][] = [
  [/密码|password/i, 'password'],
  [/账号|帐号|账户|帐户|用户名|登录名|登陆名|工号|学号|account|user/i, 'username'],
  [/身份证|证件号/, 'idNumber'],
  [/手机|电话|联系方式|phone|mobile/i, 'phone'],
  [/验证码|code/i, 'code'],
  [/邮箱|email/i, 'email'],
  [/地址/, 'address'],
  [/姓名|名字|联系人|name/i, 'name'],
];

/** The element's own id when its locator ends with one (H5: `form > #account`). */
export function ownId(node: UiNode): string | undefined {
  return /#([A-Za-z][\w-]*)$/.exec(node.locator ?? '')?.[1];
}

const BY_ID: [RegExp, TestDataKey][] = [
  [/^(?:pwd|pass)/i, 'password'],
  [/user|account|login/i, 'username'],
  [/id_?card|idno|sfz/i, 'idNumber'],
  [/mobile|phone|tel/i, 'phone'],
  [/captcha|sms_?code|verify/i, 'code'],
  [/e_?mail/i, 'email'],
];

/** The test-data key for an editable node, from its input type, then its label or placeholder. */
export function testDataKeyFor(node: UiNode): TestDataKey {
  switch (node.inputType) {
    case 'password': return 'password';
    case 'tel': return 'phone';
    case 'email': return 'email';
    case 'number': return 'code';
  }
  const label = `${node.label ?? ''} ${node.resourceId ?? ''}`;
  for (const [pattern, key] of BY_LABEL) if (pattern.test(label)) return key;
  // Last, the element's own id (H5 `#mobile`, `#idcard`): ids are less telling than labels.
  const id = ownId(node) ?? '';
  for (const [pattern, key] of BY_ID) if (pattern.test(id)) return key;
  return 'text';
}

const KEY_NAMES: Record<TestDataKey, string> = {
  username: '测试账号', password: '测试账号密码', name: '测试姓名', phone: '测试手机号', idNumber: '测试身份证号',
  email: '测试邮箱', code: '验证码', address: '测试地址', text: '测试文本',
};

/** Chinese name of a key, for step labels (never the value: labels end up in reports). */
export function describeKey(key: string): string {
  return KEY_NAMES[key as TestDataKey] ?? '测试数据';
}
