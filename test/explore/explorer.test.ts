/** The breadth-first explorer against a fake app: coverage, shortest paths, policy, stops and failures. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EvidenceStore, readEvidenceBundle } from '../../src/evidence/store.js';
import { noSecrets } from '../../src/evidence/secret-mask.js';
import type { EvidenceBundle, EvidenceEvent } from '../../src/evidence/types.js';
import { exploreBreadthFirst, type ExploreOptions } from '../../src/explore/bfs-explorer.js';
import { FakeDevice, type FakeApp } from '../helpers/fake-device.js';

/**
 * 首页 ─新闻→ 新闻 ─专题→ 专题 ─社保专题→ 社保 (a long way round, tried first)
 * 首页 ─办事(tab)→ 办事 ─社保→ 社保 ─缴费记录→ 缴费记录 ─详情→ 缴费回执 (4 taps: the shortest path)
 * Payment buttons lead to screens that must never be seen.
 */
const TAB_BAR_SCREENS = ['home', 'news', 'notice', 'services', 'mine', 'settings'];
function govApp(): FakeApp {
  const tab = TAB_BAR_SCREENS.includes.bind(TAB_BAR_SCREENS);
  const s = (key: string, route: string, title: string, controls: FakeApp['screens'][string]['controls'], extra: Partial<FakeApp['screens'][string]> = {}) =>
    [key, { route, title, controls, tabBar: tab(key), ...extra }] as const;
  return {
    origin: 'https://fake.gov.cn',
    start: 'home',
    tabBar: [{ text: '首页', to: 'home' }, { text: '办事', to: 'services' }, { text: '我的', to: 'mine' }],
    screens: Object.fromEntries([
      s('home', '/home', '掌上政务', [{ text: '新闻', to: 'news' }, { text: '通知公告', to: 'notice' }]),
      s('news', '/news', '新闻', [{ text: '专题', to: 'topic' }]),
      s('topic', '/topic', '专题', [{ text: '社保专题', to: 'shebao' }]),
      s('notice', '/notice', '通知公告', []),
      s('services', '/services', '办事', [{ text: '社保', to: 'shebao' }, { text: '公积金', to: 'gjj' }]),
      s('shebao', '/services/shebao', '社保缴费', [{ text: '缴费记录', to: 'records' }, { text: '立即缴费', to: 'paid' }]),
      s('records', '/services/shebao/records', '缴费记录', [{ text: '详情', to: 'receipt' }]),
      s('receipt', '/receipt', '缴费回执', []),
      s('gjj', '/gjj', '公积金查询', [], { requests: [{ method: 'POST', url: 'https://fake.gov.cn/api/gjj/balance', postData: '{"year":2026}' }] }),
      s('mine', '/mine', '我的', [{ text: '设置', to: 'settings' }, { text: '积分商城', to: 'mall' }]),
      s('settings', '/settings', '设置', [{ text: '关于我们', to: 'about' }]),
      s('about', '/about', '关于我们', []),
      s('mall', '/mall', '积分商城', [{ text: '立即购买', to: 'order' }]),
      s('order', '/order', '订单已支付', []),
      s('paid', '/paid', '缴费成功', []),
    ]),
  };
}
const NEVER_REACHED = ['order', 'paid'];

const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

async function explore(app: FakeApp, options: Partial<ExploreOptions> = {}) {
  const outDir = mkdtempSync(join(tmpdir(), 'explorer-'));
  dirs.push(outDir);
  const device = new FakeDevice(app);
  const coverage = await exploreBreadthFirst(device, new EvidenceStore(outDir, noSecrets), { budgetMs: 60_000, maxActions: 500, launchLabel: '启动应用', ...options });
  const events = readFileSync(join(outDir, 'evidence', 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as EvidenceEvent);
  return { device, coverage, bundle: readEvidenceBundle(outDir), events };
}

const byTitle = (bundle: EvidenceBundle, title: string) => {
  const screen = bundle.screens.find((s) => s.title === title);
  assert.ok(screen, `screen ${title} was recorded`);
  return screen;
};

void describe('exploreBreadthFirst on a small government app', () => {
  void it('finds every reachable screen once and finishes with complete coverage', async () => {
    const app = govApp();
    const { coverage, bundle } = await explore(app);
    const expected = Object.entries(app.screens).filter(([key]) => !NEVER_REACHED.includes(key)).map(([, s]) => s.title).sort();
    assert.deepEqual(bundle.screens.map((s) => s.title).sort(), expected);
    assert.equal(coverage.stoppedBy, 'exhausted');
    assert.equal(coverage.complete, true);
    assert.equal(coverage.screens, expected.length);
    assert.equal(coverage.frontier, 0);
    assert.deepEqual(coverage.unexploredDepths, []);
    assert.deepEqual(bundle.coverage, coverage);
    assert.equal(bundle.appOrigin, 'https://fake.gov.cn');
  });

  void it('records every screen with the shortest path from launch, propagated after a shorter way in is found', async () => {
    const app = govApp();
    const { bundle, events } = await explore(app);
    const shortest: Record<string, number> = { 掌上政务: 0, 新闻: 1, 通知公告: 1, 办事: 1, 我的: 1, 专题: 2, 社保缴费: 2, 公积金查询: 2, 设置: 2, 积分商城: 2, 缴费记录: 3, 关于我们: 3, 缴费回执: 4 };
    for (const s of bundle.screens) {
      assert.equal(s.depth, shortest[s.title], `${s.title} depth`);
      assert.equal(s.steps.length, s.depth + 1, `${s.title} steps`);
    }
    const receipt = byTitle(bundle, '缴费回执');
    assert.deepEqual(receipt.steps.map((st) => st.label), ['启动应用', '点击「办事」', '点击「社保」', '点击「缴费记录」', '点击「详情」']);
    // The long way round was tried first, so the short path arrived as an update.
    assert.ok(events.some((e) => e.type === 'screen-path' && e.id === receipt.id));
    // Every recorded path replays to its screen on a fresh device.
    for (const s of bundle.screens) {
      const fresh = new FakeDevice(app);
      const key = await fresh.replay(s.steps);
      assert.equal(app.screens[key]?.title, s.title, `replaying ${s.title}`);
    }
  });

  void it('never taps payment buttons and lists them as skipped by policy', async () => {
    const { device, coverage } = await explore(govApp());
    const payments = [device.locatorOf('shebao', '立即缴费'), device.locatorOf('mall', '立即购买')];
    assert.deepEqual(device.taps.filter((t) => payments.includes(t.locator)), []);
    const skipped = coverage.skippedActions.map((s) => `${s.label}:${s.byPolicy}`).sort();
    assert.deepEqual(skipped, ['点击「立即缴费」:true', '点击「立即购买」:true']);
  });

  void it('tries each tab-bar item from at most two screens once it is known to be global navigation', async () => {
    const app = govApp();
    const { coverage, bundle, device } = await explore(app);
    const tabLocators = new Set((app.tabBar ?? []).map((c) => device.locatorOf('home', c.text)));
    const tabTries = bundle.transitions.filter((t) => t.step.locator !== undefined && tabLocators.has(t.step.locator));
    for (const tab of app.tabBar ?? []) {
      const tries = tabTries.filter((t) => t.step.text === tab.text).length;
      assert.ok(tries >= 1 && tries <= 2, `${tab.text} tried ${tries} times`);
    }
    // Without learning, each of the 6 tab-bar screens would try all 3 items: 18 tab taps.
    const tabItems = app.tabBar?.length ?? 0;
    assert.ok(tabTries.length <= 2 * tabItems && tabTries.length < TAB_BAR_SCREENS.length * tabItems);
    // Own controls (payments excluded) are each tried exactly once.
    const ownControls = Object.entries(app.screens)
      .filter(([key]) => !NEVER_REACHED.includes(key))
      .flatMap(([, s]) => s.controls.filter((c) => !/立即缴费|立即购买/.test(c.text))).length;
    assert.equal(coverage.actions, ownControls + tabTries.length);
  });

  void it('explores with at most one relaunch and almost no replayed taps (stays on screens, uses Back and learned tab bars)', async () => {
    const { device, coverage } = await explore(govApp());
    // One launch to start, at most one relaunch; hardly any taps beyond the actions themselves.
    assert.ok(device.launches <= 2, `${device.launches} launches`);
    assert.ok(device.taps.length <= coverage.actions + 2, `${device.taps.length} taps for ${coverage.actions} actions`);
  });

  void it('replays a screen from launch a second time when the first replay finds the page still loading, and stays complete', async () => {
    // 首页 has one way in (进入), so every relaunch after the first is a replay of 进入; Back does nothing on the leaves.
    const app: FakeApp = {
      origin: 'https://fake.gov.cn', start: 'home',
      screens: {
        home: { route: '/home', title: '首页', controls: [{ text: '进入', to: 'hall' }] },
        hall: { route: '/hall', title: '办事大厅', controls: [{ text: '社保', to: 'a' }, { text: '公积金', to: 'b' }, { text: '医保', to: 'c' }] },
        a: { route: '/a', title: '社保', controls: [], noBack: true },
        b: { route: '/b', title: '公积金', controls: [], noBack: true },
        c: { route: '/c', title: '医保', controls: [], noBack: true },
      },
    };
    const outDir = mkdtempSync(join(tmpdir(), 'explorer-'));
    dirs.push(outDir);
    const device = new FakeDevice(app);
    device.slowLaunch = (n) => n === 2;
    const coverage = await exploreBreadthFirst(device, new EvidenceStore(outDir, noSecrets), { budgetMs: 60_000, maxActions: 500, launchLabel: '启动应用', pause: () => Promise.resolve() });
    assert.ok(device.launches >= 3, `${device.launches} launches`);
    assert.deepEqual(coverage.skippedActions.filter((s) => !s.byPolicy), []);
    assert.equal(coverage.screens, 5);
    assert.equal(coverage.complete, true);
  });

  void it('tries every row of a short menu list even when its first two rows open one screen (a later row may crash or show a rule)', async () => {
    const app: FakeApp = {
      origin: 'https://fake.gov.cn', start: 'mine',
      screens: {
        mine: { route: '/mine', title: '我的', controls: [
          { text: '我的积分 1260', to: 'rank' }, { text: '积分排行 第 7 名', to: 'rank' }, { text: '在线时长统计', to: 'online' },
          { text: '退出登录', to: 'notice' }, { text: '清除缓存', crashes: 'TypeError: Cannot read property cacheDir of undefined' },
        ] },
        rank: { route: '/rank', title: '积分排行', controls: [] },
        online: { route: '/online', title: '在线时长', controls: [] },
        notice: { route: '/notice', title: '请每周至少登录 3 次，否则通报', controls: [] },
      },
    };
    const { device, coverage } = await explore(app);
    assert.ok(device.taps.some((t) => t.text === '清除缓存'), 'the last row was tapped');
    assert.equal(device.crashes, 1);
    assert.ok(!coverage.skippedActions.some((s) => /同类列表项/.test(s.label)), JSON.stringify(coverage.skippedActions));
  });

  void it('skips by policy the rest of a short list whose screen cannot be reached again once its first rows opened one screen (an evaluation already given)', async () => {
    const app: FakeApp = {
      origin: 'https://fake.gov.cn', start: 'home',
      screens: {
        home: { route: '/home', title: '办件', controls: [{ text: '去评价', to: 'rate' }] },
        rate: { route: '/rate', title: '服务评价', controls: [{ text: '满意', to: 'thanks' }, { text: '基本满意', to: 'thanks' }, { text: '不满意', to: 'thanks' }], noBack: true },
        thanks: { route: '/thanks', title: '感谢您的评价', controls: [], noBack: true },
      },
    };
    const device = new FakeDevice(app);
    const tap = device.tap.bind(device);
    // After two ratings (one changed), the way in is gone: 去评价 is no longer on the screen.
    device.tap = async (locator) => {
      await tap(locator);
      if (device.taps.filter((t) => t.text.includes('满意')).length >= 2) app.screens.home!.controls[0]!.throws = 'no such element: 去评价 (已评价)';
    };
    const outDir = mkdtempSync(join(tmpdir(), 'explorer-'));
    dirs.push(outDir);
    const coverage = await exploreBreadthFirst(device, new EvidenceStore(outDir, noSecrets), { budgetMs: 60_000, maxActions: 500, launchLabel: '启动应用', pause: () => Promise.resolve() });
    assert.deepEqual(coverage.skippedActions.filter((s) => !s.byPolicy), []);
    assert.ok(coverage.skippedActions.some((s) => s.byPolicy && /同类列表项/.test(s.label)), JSON.stringify(coverage.skippedActions));
    assert.equal(coverage.complete, true);
  });

  void it('ties each observed request to the screen that was shown', async () => {
    const { bundle } = await explore(govApp());
    const gjj = byTitle(bundle, '公积金查询');
    const balance = bundle.network.filter((r) => r.url.endsWith('/api/gjj/balance'));
    assert.equal(balance.length, 1);
    assert.equal(balance[0]?.screenId, gjj.id);
    assert.equal(balance[0]?.postData, '{"year":2026}');
  });
});

void describe('exploreBreadthFirst stops and failures', () => {
  void it('stops at the action cap with incomplete coverage and the depths still to explore', async () => {
    const { coverage, bundle } = await explore(govApp(), { maxActions: 3 });
    assert.equal(coverage.stoppedBy, 'action-cap');
    assert.equal(coverage.actions, 3);
    assert.equal(coverage.complete, false);
    assert.ok(coverage.frontier > 0);
    assert.equal(coverage.unexploredDepths.length, coverage.frontier);
    assert.ok(coverage.unexploredDepths.includes(0), 'the launch screen still has untried actions');
    assert.equal(bundle.coverage?.complete, false);
  });

  void it('stops when the time budget is spent', async () => {
    let t = 0;
    const { coverage } = await explore(govApp(), { budgetMs: 100, now: () => (t += 10) });
    assert.equal(coverage.stoppedBy, 'time-budget');
    assert.equal(coverage.complete, false);
    assert.ok(coverage.unexploredDepths.length > 0);
  });

  void it('marks coverage incomplete when a tap throws, and says which action failed', async () => {
    const app = govApp();
    app.screens.notice = { ...app.screens.notice!, controls: [{ text: '办事大厅地图', throws: 'element click intercepted' }] };
    const { coverage, bundle } = await explore(app);
    assert.equal(coverage.stoppedBy, 'exhausted');
    assert.equal(coverage.complete, false);
    const failed = coverage.skippedActions.filter((s) => !s.byPolicy);
    assert.equal(failed.length, 1);
    assert.equal(failed[0]?.label, '点击「办事大厅地图」');
    assert.match(failed[0]?.reason ?? '', /element click intercepted/);
    // The screen with the failed tap counts as not fully explored, at its depth.
    const notice = bundle.screens.find((s) => s.id === failed[0]?.screenId)!;
    assert.ok(coverage.unexploredDepths.includes(notice.depth));
    assert.equal(coverage.frontier, coverage.unexploredDepths.length);
    // Exploration went on after the failure.
    assert.ok(byTitle(bundle, '关于我们'));
  });

  void it('records a failed launch as a run issue with stoppedBy error', async () => {
    const app = govApp();
    const device = new FakeDevice(app);
    device.launch = () => Promise.reject(new Error('session not created\nstack…'));
    const outDir = mkdtempSync(join(tmpdir(), 'explorer-'));
    dirs.push(outDir);
    const coverage = await exploreBreadthFirst(device, new EvidenceStore(outDir, noSecrets), { budgetMs: 1_000, maxActions: 10, launchLabel: '启动应用' });
    assert.equal(coverage.stoppedBy, 'error');
    assert.equal(coverage.complete, false);
    assert.deepEqual(readEvidenceBundle(outDir).issues.map((i) => i.message), ['session not created']);
  });
});
