/**
 * The explorer on apps whose controls nobody declared: delegated and probed candidates, honest
 * completeness (screens it could not understand), probes that change nothing, a login followed
 * through its toast, and a relaunch that finds a kept session.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { evaluateCheck } from '../../src/checks/evaluate.js';
import { EvidenceStore, readEvidenceBundle } from '../../src/evidence/store.js';
import type { EvidenceBundle } from '../../src/evidence/types.js';
import { exploreBreadthFirst, type ExploreOptions } from '../../src/explore/bfs-explorer.js';
import { noSecrets } from '../../src/evidence/secret-mask.js';
import { FakeDevice, type FakeApp, type FakeControl } from '../helpers/fake-device.js';

const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

async function explore(app: FakeApp, options: Partial<ExploreOptions> = {}) {
  const outDir = mkdtempSync(join(tmpdir(), 'explorer-candidates-'));
  dirs.push(outDir);
  const device = new FakeDevice(app);
  const coverage = await exploreBreadthFirst(device, new EvidenceStore(outDir, noSecrets), {
    budgetMs: 60_000, maxActions: 300, launchLabel: '启动应用', pause: () => Promise.resolve(), ...options,
  });
  return { device, coverage, bundle: readEvidenceBundle(outDir) };
}

/** A screen's heading (the fake's screen title; the document title may be one for all views). */
const heading = (s: EvidenceBundle['screens'][number]) => s.nodes.find((n) => n.role === 'h1')?.text ?? s.title;
const titles = (bundle: EvidenceBundle) => bundle.screens.map(heading).sort();
const idOf = (bundle: EvidenceBundle, title: string) => bundle.screens.find((s) => heading(s) === title)!.id;

/**
 * A plain-JavaScript app: every control is a `<div>` whose tap a listener on `document` dispatches;
 * views are swapped in place (one URL, one document title).
 */
function delegatingApp(handler: FakeControl['handler'], listenersObserved: boolean): FakeApp {
  const c = (text: string, to?: string): FakeControl => ({ text, handler, ...(to ? { to } : {}) });
  return {
    origin: 'https://plain.gov.cn',
    start: 'home',
    listenersObserved,
    documentTitle: '掌上办事',
    screens: {
      home: { route: '/', title: '掌上办事', controls: [c('办事大厅', 'hall'), c('投诉建议', 'complaint')] },
      hall: { route: '/', title: '办事大厅', controls: [c('社保查询', 'shebao')] },
      shebao: { route: '/', title: '社保查询', controls: [c('查询')] },
      complaint: { route: '/', title: '投诉建议', controls: [c('提交')] },
    },
  };
}

void describe('an app whose only controls are non-clickable divs under a delegating ancestor', () => {
  // On the code before issue 10 the explorer saw 0 candidates: 1 screen, complete: true.
  void it('is explored through delegated candidates, views swapped in place counting as screens', async () => {
    const { coverage, bundle } = await explore(delegatingApp('delegated', true));
    assert.deepEqual(titles(bundle), ['办事大厅', '投诉建议', '掌上办事', '社保查询'].sort());
    assert.equal(coverage.complete, true);
    const home = coverage.perScreen!.find((s) => s.screenId === idOf(bundle, '掌上办事'))!;
    assert.deepEqual(home.found, { delegated: 2 });
    assert.deepEqual(home.tried, { delegated: 2 });
  });

  void it('is explored by probing when the platform could not see the listeners', async () => {
    const { coverage, bundle } = await explore(delegatingApp('none', false));
    assert.deepEqual(titles(bundle), ['办事大厅', '投诉建议', '掌上办事', '社保查询'].sort());
    assert.equal(coverage.perScreen!.find((s) => s.screenId === idOf(bundle, '掌上办事'))!.found.probed, 2);
  });

  void it('is not probed when the platform saw every listener and none is there', async () => {
    const { coverage, bundle, device } = await explore(delegatingApp('none', true));
    assert.deepEqual(titles(bundle), ['掌上办事']);
    assert.equal(device.taps.length, 0);
    // A static page by the platform's own account: understood, nothing to try.
    assert.deepEqual(coverage.notUnderstood, []);
  });
});

void describe('a screen that shows content but yields no candidate', () => {
  const app = (listenersObserved: boolean): FakeApp => ({
    origin: 'https://blind.gov.cn',
    start: 'home',
    listenersObserved,
    screens: {
      home: { route: '/home', title: '首页', controls: [{ text: '通知', to: 'notice' }] },
      notice: { route: '/notice', title: '通知', controls: [], text: ['根据上级部门要求，本平台将于下月起调整部分事项的办理流程，详情请见各事项说明。'] },
    },
  });

  void it('is named not understood, the run is not complete, and prohibitions stay inconclusive', async () => {
    const { coverage, bundle } = await explore(app(false));
    const notice = idOf(bundle, '通知');
    assert.deepEqual(coverage.notUnderstood, [notice]);
    assert.equal(coverage.stoppedBy, 'exhausted');
    assert.equal(coverage.frontier, 0);
    assert.equal(coverage.complete, false);
    assert.equal(coverage.perScreen!.find((s) => s.screenId === notice)!.understood, false);
    const r = evaluateCheck('forced-check-in', bundle);
    assert.equal(r.outcome, 'inconclusive');
    assert.match(r.reason ?? '', new RegExp(`${notice}「通知」`));
    assert.equal(evaluateCheck('complaint-channel', bundle).outcome, 'inconclusive');
  });

  void it('is a static page when the platform saw every listener', async () => {
    const { coverage } = await explore(app(true));
    assert.deepEqual(coverage.notUnderstood, []);
    assert.equal(coverage.complete, true);
  });
});

void describe('probed candidates', () => {
  void it('that change nothing are tried, counted without effect, and make no transition or failure', async () => {
    const app: FakeApp = {
      origin: 'https://probe.gov.cn',
      start: 'home',
      listenersObserved: false,
      screens: {
        home: { route: '/home', title: '首页', controls: [{ text: '温馨提示', handler: 'none' }, { text: '办事', to: 'services', handler: 'none' }] },
        services: { route: '/services', title: '办事', controls: [{ text: '返回首页', to: 'home' }] },
      },
    };
    const { coverage, bundle, device } = await explore(app);
    const home = idOf(bundle, '首页');
    const line = coverage.perScreen!.find((s) => s.screenId === home)!;
    assert.equal(line.noEffect, 1);
    assert.equal(line.tried.probed, 2);
    assert.ok(device.taps.some((t) => t.text === '温馨提示'));
    assert.ok(bundle.transitions.every((t) => !(t.from === home && t.to === home)), 'no self-loop for the probe that did nothing');
    assert.equal(bundle.transitions.filter((t) => t.from === home).length, 1);
    assert.deepEqual(coverage.skippedActions.filter((s) => !s.byPolicy), []);
    assert.equal(coverage.complete, true);
  });

  void it('in a list are sampled: once two rows changed nothing, the other rows are skipped by policy', async () => {
    const rows = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'].map((n): FakeControl => ({ text: `办理须知${n}`, detail: '2026-03-01', handler: 'none' }));
    const app: FakeApp = {
      origin: 'https://rows.gov.cn',
      start: 'home',
      listenersObserved: false,
      screens: {
        home: { route: '/home', title: '首页', controls: [{ text: '办事', to: 'services' }, ...rows] },
        services: { route: '/services', title: '办事', controls: [{ text: '返回', to: 'home' }] },
      },
    };
    const { coverage, device } = await explore(app);
    assert.equal(device.taps.filter((t) => t.text.startsWith('办理须知')).length, 2);
    assert.ok(coverage.skippedActions.some((s) => s.byPolicy && /均无任何变化/.test(s.reason)));
    assert.equal(coverage.complete, true);
  });

  void it('learn a probed tab bar as global navigation once it led to one screen from two screens', async () => {
    const tab = (text: string, to: string): FakeControl => ({ text, to, handler: 'none' });
    const screens = ['home', 'a', 'b', 'c', 'd', 'e'];
    const app: FakeApp = {
      origin: 'https://tabs.gov.cn',
      start: 'home',
      listenersObserved: false,
      tabBar: [tab('首页', 'home'), tab('我的', 'e')],
      screens: Object.fromEntries(screens.map((key, i) => [key, {
        route: `/${key}`, title: `界面${key}`, tabBar: true,
        controls: i + 1 < screens.length - 1 ? [{ text: `下一步${i}`, to: screens[i + 1]! }] : [],
      }])),
    };
    const { coverage, bundle, device } = await explore(app);
    assert.equal(bundle.screens.length, screens.length);
    const tabTapsFrom = new Set(device.taps.filter((t) => t.text === '首页').map((t) => t.screen));
    assert.ok(tabTapsFrom.size <= 3, `首页 tab tried on ${tabTapsFrom.size} screens, not on all ${screens.length}`);
    assert.equal(coverage.complete, true);
  });
});

void describe('a modal covering the app with one way forward', () => {
  void it('is acted on and recorded as a gate', async () => {
    const app: FakeApp = {
      origin: 'https://gate.gov.cn',
      start: 'modal',
      listenersObserved: false,
      screens: {
        // The page under the modal also yields a probe (platforms mark covered controls, not covered text).
        modal: { route: '/home', title: '每日打卡', covered: ['办事', '我的'], controls: [{ text: '立即打卡', to: 'home' }, { text: '活动说明', handler: 'none' }] },
        home: { route: '/home', title: '首页', controls: [{ text: '办事' }] },
      },
    };
    const { coverage, bundle } = await explore(app);
    assert.deepEqual(titles(bundle), ['每日打卡', '首页'].sort());
    assert.equal(coverage.perScreen!.find((s) => s.screenId === idOf(bundle, '每日打卡'))!.gate, '立即打卡');
    assert.equal(coverage.perScreen!.find((s) => s.screenId === idOf(bundle, '首页'))!.gate, undefined);
  });
});

const LOGIN_FIELDS = [{ label: '账号', inputType: 'text' }, { label: '密码', inputType: 'password' }];
const ACCOUNT = { username: 'lab-tester', password: 'S3cret-Pass!' };

void describe('a login followed until the app stops moving', () => {
  void it('records the screen the app redirects to after a 「登录成功」 toast, and counts as signed in', async () => {
    const app: FakeApp = {
      origin: 'https://toast.gov.cn',
      start: 'login',
      screens: {
        login: { route: '/login', title: '登录', fields: LOGIN_FIELDS, controls: [{ text: '登录', to: 'toast' }] },
        toast: { route: '/login', title: '登录', fields: LOGIN_FIELDS, text: ['登录成功'], controls: [{ text: '登录' }], redirect: { to: 'home', afterLooks: 1 } },
        home: { route: '/home', title: '首页', controls: [{ text: '积分排行', to: 'rank' }] },
        rank: { route: '/rank', title: '积分排行', controls: [] },
      },
    };
    const { coverage, bundle } = await explore(app, { credentials: ACCOUNT });
    assert.deepEqual(titles(bundle), ['登录', '积分排行', '首页'].sort());
    assert.equal(coverage.loginWall?.signedIn, true);
    const home = bundle.screens.find((s) => s.title === '首页')!;
    assert.deepEqual(home.steps.map((s) => s.action), ['launch', 'type', 'type', 'tap']);
    assert.ok(bundle.transitions.some((t) => t.from === idOf(bundle, '登录') && t.to === home.id));
    assert.equal(coverage.complete, true);
  });
});

void describe('a login form whose 登录 is a delegated <div>', () => {
  void it('is taken for a login wall and passed with the test account', async () => {
    const app: FakeApp = {
      origin: 'https://div-login.gov.cn',
      start: 'login',
      screens: {
        login: { route: '/login', title: '统一身份认证', fields: LOGIN_FIELDS, controls: [{ text: '登录', to: 'home', handler: 'delegated' }] },
        home: { route: '/home', title: '首页', controls: [{ text: '办事' }] },
      },
    };
    const { coverage, bundle, device } = await explore(app, { credentials: ACCOUNT });
    assert.deepEqual(coverage.loginWall, { met: true, signedIn: true, screenId: idOf(bundle, '统一身份认证') });
    assert.deepEqual([...device.typed.values()].sort(), [ACCOUNT.password, ACCOUNT.username].sort());
  });
});

void describe('a relaunch that keeps the session (a token in localStorage)', () => {
  void it('clears the app data and replays the path, login included', async () => {
    const app: FakeApp = {
      origin: 'https://kept.gov.cn',
      start: 'login',
      keptSession: 'home',
      screens: {
        login: { route: '/login', title: '登录', fields: LOGIN_FIELDS, controls: [{ text: '登录', to: 'home' }] },
        home: { route: '/home', title: '首页', signsIn: true, controls: [{ text: '办事', to: 'services' }, { text: '我的', to: 'mine' }] },
        services: { route: '/services', title: '办事', noBack: true, controls: [{ text: '社保', to: 'shebao' }] },
        shebao: { route: '/shebao', title: '社保', noBack: true, controls: [] },
        mine: { route: '/mine', title: '我的', controls: [] },
      },
    };
    const { coverage, bundle, device } = await explore(app, { credentials: ACCOUNT });
    assert.deepEqual(titles(bundle), ['办事', '我的', '登录', '社保', '首页'].sort());
    assert.ok(device.clears >= 1, 'the app data was cleared before the replay');
    assert.deepEqual(coverage.skippedActions.filter((s) => !s.byPolicy), []);
    assert.equal(coverage.complete, true);
  });
});

void describe('a logout on one screen while other screens still wait', () => {
  void it('is tried after every other action of the app, not when its own screen runs out', async () => {
    const app: FakeApp = {
      origin: 'https://gov.example.cn',
      start: 'home',
      screens: {
        home: { route: '/', title: '首页', controls: [{ text: '我的', to: 'mine' }, { text: '政策文件', to: 'policy' }] },
        mine: { route: '/mine', title: '我的', controls: [{ text: '退出登录', to: 'home' }] },
        policy: { route: '/policy', title: '政策文件', controls: [{ text: '文件一', to: 'doc' }] },
        doc: { route: '/policy/1', title: '文件详情', controls: [{ text: '附件' }] },
      },
    };
    const { device, coverage } = await explore(app);
    assert.equal(coverage.complete, true);
    const taps = device.taps.map((t) => t.text);
    assert.equal(taps[taps.length - 1], '退出登录', taps.join(' → '));
  });
});

void describe('a replayed path through a login that moves on by itself a moment later', () => {
  void it('waits for the next control instead of giving the screen up (「无法回到该界面」)', async () => {
    const app: FakeApp = {
      origin: 'https://gov.example.cn',
      start: 'login',
      screens: {
        login: { route: '/', title: '登录', fields: [{ label: '账号', inputType: 'text' }, { label: '密码', inputType: 'password' }], controls: [{ text: '登录', to: 'toast' }] },
        toast: { route: '/', title: '登录成功', controls: [], redirect: { to: 'home', afterLooks: 1, bySettle: true } },
        home: { route: '/home', title: '首页', controls: [{ text: '个人中心', to: 'profile' }, { text: '政策文件', to: 'policy' }] },
        profile: { route: '/profile', title: '个人中心', controls: [], noBack: true, text: ['张三'] },
        policy: { route: '/policy', title: '政策文件', controls: [{ text: '附件一', to: 'doc' }, { text: '附件二' }] },
        doc: { route: '/policy/doc', title: '附件', controls: [], noBack: true, text: ['正文'] },
      },
    };
    const { coverage } = await explore(app, { credentials: { username: 'lab-tester', password: 'S3cret-Pass!' } });
    assert.deepEqual(coverage.skippedActions.filter((s) => !s.byPolicy), []);
    assert.equal(coverage.complete, true);
  });
});
