/** The explorer on forms, a login wall, lists and an endless feed (fake device). */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EvidenceStore, readEvidenceBundle } from '../../src/evidence/store.js';
import { noSecrets } from '../../src/evidence/secret-mask.js';
import { exploreBreadthFirst, MAX_SCROLLS_PER_SCREEN, type ExploreOptions } from '../../src/explore/bfs-explorer.js';
import { runStep } from '../../src/explore/step-runner.js';
import { DEFAULT_TEST_DATA } from '../../src/explore/test-data.js';
import { ACCOUNT, FakeFormDevice } from '../helpers/fake-form-device.js';

const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

async function explore(options: Partial<ExploreOptions> = {}, device = new FakeFormDevice()) {
  const outDir = mkdtempSync(join(tmpdir(), 'explorer-forms-'));
  dirs.push(outDir);
  const coverage = await exploreBreadthFirst(device, new EvidenceStore(outDir, noSecrets), { budgetMs: 60_000, maxActions: 200, launchLabel: '启动应用', ...options });
  return { device, coverage, bundle: readEvidenceBundle(outDir), outDir };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

void describe('a login wall', () => {
  void it('is passed with the test account, and everything behind it is explored', async () => {
    const { coverage, bundle } = await explore({ credentials: ACCOUNT });
    assert.deepEqual(coverage.loginWall, { met: true, signedIn: true, screenId: 's0' });
    assert.deepEqual(bundle.screens.map((s) => s.title).sort(), ['个人资料', '保存成功', '登录', '首页', '详情', '资讯'].sort());
    assert.equal(coverage.complete, true);
    const home = bundle.screens.find((s) => s.title === '首页')!;
    assert.deepEqual(home.steps.map((s) => [s.action, s.input]), [['launch', undefined], ['type', 'username'], ['type', 'password'], ['tap', undefined]]);
  });

  void it('never writes the password (or the account) anywhere under the output folder, though the app posts them', async () => {
    const { outDir, bundle } = await explore({ credentials: ACCOUNT });
    const login = bundle.network.find((r) => r.url.endsWith('/api/login'));
    assert.ok(login, 'the login request was recorded');
    assert.match(login.postData ?? '', /\*{6}/);
    for (const file of allFiles(outDir)) {
      const bytes = readFileSync(file);
      assert.equal(bytes.includes(ACCOUNT.password), false, `${file} holds the password`);
      assert.equal(bytes.includes(ACCOUNT.username), false, `${file} holds the account`);
    }
  });

  void it('says once, in the run issues, when the login box demands an ID number the test account is not', async () => {
    const { bundle } = await explore({ credentials: ACCOUNT }, new FakeFormDevice('请输入身份证号'));
    const said = bundle.issues.filter((i) => /身份证号/.test(i.message));
    assert.equal(said.length, 1, JSON.stringify(bundle.issues));
    assert.match(said[0]!.message, /测试账号不符合/);
    assert.equal(said[0]!.message.includes(ACCOUNT.username), false);
    const plain = await explore({ credentials: ACCOUNT });
    assert.deepEqual(plain.bundle.issues, []);
  });

  void it('without an account: says the wall was met and not passed, and explores nothing behind it', async () => {
    const { coverage, bundle } = await explore();
    assert.equal(coverage.loginWall?.met, true);
    assert.equal(coverage.loginWall?.signedIn, false);
    assert.match(coverage.loginWall?.reason ?? '', /没有测试账号/);
    assert.deepEqual(bundle.screens.map((s) => s.title), ['登录']);
  });

  void it('with a wrong account: says the login failed', async () => {
    const { coverage } = await explore({ credentials: { username: 'lab-tester', password: 'wrong-password' } });
    assert.equal(coverage.loginWall?.signedIn, false);
    assert.match(coverage.loginWall?.reason ?? '', /登录失败/);
  });
});

void describe('forms, lists and scrolling', () => {
  void it('fills a form with plausible test data before submitting, and the recorded path replays to the result', async () => {
    const { bundle } = await explore({ credentials: ACCOUNT });
    const saved = bundle.screens.find((s) => s.title === '保存成功')!;
    const typed = saved.steps.filter((s) => s.action === 'type').map((s) => s.input);
    assert.deepEqual(typed, ['username', 'password', 'name', 'phone']);
    assert.ok(saved.steps.every((s) => !JSON.stringify(s).includes(DEFAULT_TEST_DATA.phone)), 'paths carry keys, not values');
    const fresh = new FakeFormDevice();
    await fresh.launch();
    for (const step of saved.steps) await runStep(fresh, step, { ...DEFAULT_TEST_DATA, ...ACCOUNT });
    assert.equal((await fresh.snapshot()).title, '保存成功');
  });

  void it('tries two rows of a long list (10 rows) whose rows all open one screen, and skips the rest by policy', async () => {
    const { device, coverage } = await explore({ credentials: ACCOUNT });
    const rowTaps = new Set(device.taps.filter((t) => t.startsWith('#row')));
    assert.equal(rowTaps.size, 2);
    assert.ok(coverage.skippedActions.some((s) => s.byPolicy && /同类列表项/.test(s.label)));
  });

  void it('does not explore another site reached through an outbound link, and says so', async () => {
    const { device, coverage, bundle } = await explore({ credentials: ACCOUNT });
    assert.ok(device.taps.includes('#gov-portal'), 'the link was tried');
    assert.ok(!bundle.screens.some((s) => s.url.startsWith('https://www.gov.cn')), 'no screen of the other site');
    assert.ok(!device.taps.includes('#portal-link'), 'nothing on the other site was tapped');
    assert.ok(coverage.skippedActions.some((s) => s.byPolicy && /离开了被测应用/.test(s.reason)));
    assert.equal(coverage.complete, true);
  });

    void it('scrolls an endless feed a bounded number of times and still finishes', async () => {
    const { device, coverage } = await explore({ credentials: ACCOUNT });
    assert.equal(coverage.stoppedBy, 'exhausted');
    assert.ok(device.scrolls >= 1 && device.scrolls <= MAX_SCROLLS_PER_SCREEN * 3, `${device.scrolls} scrolls`);
    assert.ok(coverage.actions < 40, `${coverage.actions} actions`);
  });
});
