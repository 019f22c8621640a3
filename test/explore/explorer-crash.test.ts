/**
 * The explorer when the app dies under it (H5: a renderer crash): the crash is recorded with its
 * path, the app relaunched and the remaining actions explored; the crashing action is never
 * retried; relaunches are capped; a failed relaunch ends exploration as incomplete.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EvidenceStore, readEvidenceBundle } from '../../src/evidence/store.js';
import { noSecrets } from '../../src/evidence/secret-mask.js';
import type { AppCrashEvent, EvidenceEvent } from '../../src/evidence/types.js';
import { exploreBreadthFirst, type ExploreOptions } from '../../src/explore/bfs-explorer.js';
import { MASKED } from '../../src/explore/mask.js';
import { FakeDevice, type FakeApp, type FakeRecovery } from '../helpers/fake-device.js';

/**
 * 首页: 办事指南 → 指南; 数据报表 (kills the app); 政策公开 → 政策 → 政策解读; 我的 → 我的.
 * 政策, 政策解读 and 我的 come after the crash in exploration order.
 */
function reportApp(crashingEntries = 1): FakeApp {
  const crashers = Array.from({ length: crashingEntries }, (_, i) => ({ text: i === 0 ? '数据报表' : `统计图表${i}`, crashes: true }));
  return {
    origin: 'https://fake.gov.cn',
    start: 'home',
    screens: {
      home: { route: '/home', title: '政务服务', controls: [{ text: '办事指南', to: 'guide' }, ...crashers, { text: '政策公开', to: 'policy' }, { text: '我的', to: 'mine' }] },
      guide: { route: '/guide', title: '办事指南', controls: [] },
      policy: { route: '/policy', title: '政策公开', controls: [{ text: '政策解读', to: 'reading' }] },
      reading: { route: '/policy/reading', title: '政策解读', controls: [] },
      mine: { route: '/mine', title: '我的', controls: [] },
    },
  };
}

const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

async function explore(app: FakeApp, recovery: FakeRecovery = 'relaunches', options: Partial<ExploreOptions> = {}, crashOnBack?: number) {
  const outDir = mkdtempSync(join(tmpdir(), 'explorer-crash-'));
  dirs.push(outDir);
  const device = new FakeDevice(app, recovery);
  if (crashOnBack !== undefined) device.crashOnBack = crashOnBack;
  const coverage = await exploreBreadthFirst(device, new EvidenceStore(outDir, noSecrets), { budgetMs: 60_000, maxActions: 500, launchLabel: '启动应用', ...options });
  const events = readFileSync(join(outDir, 'evidence', 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as EvidenceEvent);
  const crashes = events.filter((e): e is AppCrashEvent => e.type === 'app-crash');
  return { device, coverage, bundle: readEvidenceBundle(outDir), events, crashes };
}

void describe('exploreBreadthFirst when an action crashes the app', () => {
  void it('records the crash with its screen, replayable path and error, relaunches, and explores the screens after it', async () => {
    const { device, coverage, bundle, crashes, events } = await explore(reportApp());
    assert.equal(crashes.length, 1);
    const crash = crashes[0]!;
    const home = bundle.screens.find((s) => s.title === '政务服务')!;
    assert.equal(crash.screenId, home.id);
    assert.equal(crash.during, 'action');
    assert.deepEqual(crash.steps.map((s) => s.label), ['启动应用', '点击「数据报表」']);
    assert.equal(crash.steps[1]!.locator, device.locatorOf('home', '数据报表'));
    assert.equal(crash.actionLabel, '点击「数据报表」');
    assert.equal(crash.message, 'unknown error: WebDriverError: tab crashed');
    assert.equal(crash.kind, '渲染进程终止');
    assert.equal(crash.recovered, true);
    assert.equal(typeof crash.recoveryMs, 'number');
    assert.equal(device.relaunches, 1);
    assert.deepEqual(bundle.crashes, crashes, 'readEvidenceBundle reads app-crash events');
    // Exploration went on past the crash: screens only reachable by later entries were recorded after it.
    const crashAt = events.findIndex((e) => e.type === 'app-crash');
    const later = events.slice(crashAt).filter((e) => e.type === 'screen').map((e) => (e as { title: string }).title);
    assert.deepEqual(later.sort(), ['我的', '政策公开', '政策解读'].sort());
    assert.equal(coverage.stoppedBy, 'exhausted');
  });

  void it('taps the crashing entry exactly once and does not claim the crashed screen fully explored', async () => {
    const { device, coverage, bundle } = await explore(reportApp());
    assert.equal(device.taps.filter((t) => t.text === '数据报表').length, 1);
    assert.equal(device.crashes, 1);
    const home = bundle.screens.find((s) => s.title === '政务服务')!;
    const skip = coverage.skippedActions.find((s) => s.label === '点击「数据报表」');
    assert.ok(skip && !skip.byPolicy && skip.screenId === home.id, JSON.stringify(coverage.skippedActions));
    assert.match(skip.reason, /操作后应用崩溃（渲染进程终止：unknown error: WebDriverError: tab crashed），已重新启动并继续探索/);
    assert.equal(coverage.complete, false);
    assert.deepEqual(coverage.unexploredDepths, [0]);
    assert.equal(coverage.screensFullyExplored, coverage.screens - 1);
  });

  void it('relaunches at most the cap, then stops exploration as incomplete with the reason', async () => {
    const { device, coverage, crashes } = await explore(reportApp(4), 'relaunches', { maxCrashRecoveries: 2 });
    assert.equal(device.relaunches, 2);
    assert.deepEqual(crashes.map((c) => c.recovered), [true, true, false]);
    assert.equal(crashes[2]!.notRecoveredBecause, 'cap-reached');
    assert.equal(coverage.stoppedBy, 'app-crash');
    assert.equal(coverage.complete, false);
    assert.equal(device.taps.filter((t) => t.text === '我的').length, 0, 'nothing is tapped once the app stays dead');
  });

  void it('uses a default cap of three relaunches per run', async () => {
    const { device, crashes } = await explore(reportApp(5));
    assert.equal(device.relaunches, 3);
    assert.deepEqual(crashes.map((c) => c.recovered), [true, true, true, false]);
  });

  void it('ends exploration as incomplete when the relaunch fails, and says so', async () => {
    const { device, coverage, crashes, bundle } = await explore(reportApp(), 'fails');
    assert.equal(device.relaunches, 1);
    assert.equal(crashes.length, 1);
    assert.deepEqual([crashes[0]!.recovered, crashes[0]!.notRecoveredBecause], [false, 'relaunch-failed']);
    assert.equal(coverage.stoppedBy, 'app-crash');
    assert.equal(coverage.complete, false);
    assert.ok(!bundle.screens.some((s) => s.title === '政策公开'), 'nothing after the crash was explored');
    assert.match(coverage.skippedActions.find((s) => s.label === '点击「数据报表」')?.reason ?? '', /未能重新启动，探索中止/);
    assert.equal(bundle.issues.length, 0, 'the crash is an app-crash event, not also a run issue');
  });

  void it('stops as incomplete on a platform that cannot relaunch', async () => {
    const { coverage, crashes } = await explore(reportApp(), 'unsupported');
    assert.deepEqual([crashes[0]!.recovered, crashes[0]!.notRecoveredBecause], [false, 'unsupported']);
    assert.equal(coverage.stoppedBy, 'app-crash');
    assert.equal(coverage.complete, false);
  });

  void it('records a crash while travelling back to a screen as such, relaunches and goes on', async () => {
    const { device, coverage, crashes, bundle } = await explore(reportApp(0), 'relaunches', {}, 1);
    assert.equal(device.crashes, 1);
    assert.equal(crashes.length, 1);
    const crash = crashes[0]!;
    const home = bundle.screens.find((s) => s.title === '政务服务')!;
    assert.deepEqual([crash.during, crash.screenId, crash.actionLabel, crash.recovered], ['navigation', home.id, '点击「政策公开」', true]);
    assert.deepEqual(crash.steps, home.steps, 'the path being travelled, not an action that was never performed');
    assert.ok(bundle.screens.some((s) => s.title === '我的'), 'exploration went on');
    assert.match(coverage.skippedActions.find((s) => s.label === '点击「政策公开」')?.reason ?? '', /^前往该界面时应用崩溃/);
    assert.equal(coverage.complete, false);
  });

  void it('records a crash while replaying the path to a screen, without calling the screen unreachable', async () => {
    // 政策公开 → 政策 has 政策解读, 数据报表 (crashes) and 政策图解; after the crash and 我的, reaching 政策 again
    // means relaunch + tapping 政策公开, whose second tap kills the app.
    const app = reportApp(0);
    app.screens.home!.controls[1] = { text: '政策公开', to: 'policy', crashesOnTap: 2 };
    app.screens.policy!.controls = [{ text: '政策解读', to: 'reading' }, { text: '数据报表', crashes: true }, { text: '政策图解', to: 'reading' }];
    const { device, coverage, crashes, bundle } = await explore(app);
    assert.equal(device.crashes, 2);
    const policy = bundle.screens.find((s) => s.title === '政策公开')!;
    const replayCrash = crashes[1]!;
    assert.deepEqual([replayCrash.during, replayCrash.screenId, replayCrash.actionLabel, replayCrash.recovered], ['navigation', policy.id, '点击「政策图解」', true]);
    assert.ok(!coverage.skippedActions.some((s) => s.reason === '无法回到该界面'), JSON.stringify(coverage.skippedActions));
  });

  void it('masks the test account in the recorded crash', async () => {
    const app = reportApp();
    app.screens.home!.controls[1] = { text: '报表 lab-tester', crashes: 'tab crashed while loading /report?user=lab-tester' };
    const { crashes, coverage } = await explore(app, 'relaunches', { credentials: { username: 'lab-tester', password: 'Lab-Pass-2026' } });
    assert.equal(crashes[0]!.actionLabel, `点击「报表 ${MASKED}」`);
    assert.equal(crashes[0]!.message, `tab crashed while loading /report?user=${MASKED}`);
    assert.ok(!JSON.stringify(crashes).includes('lab-tester'));
    assert.ok(!JSON.stringify(coverage.skippedActions).includes('lab-tester'));
  });
});
