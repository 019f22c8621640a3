/**
 * The HarmonyOS DeviceSession (what the explorer and probes use) over the real driver in Appium 3,
 * against the simulated hdc: cold launch figures, screen keys bundle/ability/page, taps by the
 * adapter's locators, the permission dialog answered by policy and recorded, scrolling, text entry,
 * screenshots. Run under `flock /tmp/govapp-audit-e2e.lock`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarmonyAppium, type HarmonyAppiumRun } from './harmonyos-appium.js';
import { HarmonySession } from '../../src/platforms/harmonyos/harmony-session.js';
import type { AppiumBrowser } from '../../src/platforms/shared/appium-browser.js';
import { isAppCrash } from '../../src/device/device-session.js';

void describe('HarmonySession on the violating sample', () => {
  let run: HarmonyAppiumRun;
  let session: HarmonySession;

  before(async () => {
    run = await startHarmonyAppium();
    session = new HarmonySession(run.browser as unknown as AppiumBrowser, { bundleName: 'cn.gov.example.zwfw', abilityName: 'EntryAbility' }, { settleQuietMs: 100, settleMaxMs: 1500 });
  });

  after(async () => {
    await run?.stop();
  });

  void it('cold-launches with a measured start and names the screen bundle/ability/page', async () => {
    await session.launch();
    assert.equal(session.launches[0]?.method, 'aa start -W');
    assert.ok((session.launches[0]?.totalTimeMs ?? 0) >= 1400);
    const snap = await session.snapshot();
    assert.equal(snap.screenKey, 'cn.gov.example.zwfw/EntryAbility/pages/Index');
    assert.equal(snap.url, '');
    assert.ok(snap.nodes.some((n) => n.text === '积分排行' && n.platform === 'harmonyos'));
  });

  void it('taps by locator, answers the permission dialog by policy and records it', async () => {
    const home = await session.snapshot();
    await session.tap(home.nodes.find((n) => n.text === '签到打卡')!.locator!);
    const checkIn = await session.observe();
    assert.equal(checkIn.screenKey, 'cn.gov.example.zwfw/EntryAbility/pages/CheckIn');
    await session.tap(checkIn.nodes.find((n) => n.text === '立即打卡')!.locator!);
    const after = await session.observe();
    assert.equal(session.prompts.length, 1);
    assert.equal(session.prompts[0]?.answer, '允许');
    assert.match(session.prompts[0]?.message ?? '', /掌上政务/);
    assert.ok(after.nodes.some((n) => n.text === '打卡成功'), 'the app went on as if the user allowed');
    const logs = await session.drainLogs();
    assert.ok(logs.some((l) => l.level === 'DIALOG' && /权限请求/.test(l.message)));
    await session.back();
    assert.equal((await session.observe()).screenKey, 'cn.gov.example.zwfw/EntryAbility/pages/Index');
  });

  void it('scrolls a long list and takes screenshots', async () => {
    const home = await session.snapshot();
    await session.tap(home.nodes.find((n) => n.text === '积分排行')!.locator!);
    const before = await session.observe();
    assert.ok(before.canScroll);
    await session.scroll();
    const after = await session.observe();
    assert.ok(after.nodes.some((n) => n.text === '第15名') && !before.nodes.some((n) => n.text === '第15名'));
    const png = await session.screenshot();
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  });

  void it("turns the app's death into AppCrashedError with FaultLogger's reason, and relaunches", async () => {
    await session.back();
    const home = await session.observe();
    await session.tap(home.nodes.find((n) => n.text === '我的')!.locator!);
    const mine = await session.observe();
    await session.tap(mine.nodes.find((n) => n.text === '清除缓存')!.locator!);
    await assert.rejects(session.observe(), (error: Error) => {
      assert.ok(isAppCrash(error));
      assert.match(error.message, /TypeError: Cannot read property cacheDir of undefined \(jscrash-cn\.gov\.example\.zwfw-/);
      return true;
    });
    await session.relaunchAfterCrash();
    assert.equal((await session.snapshot()).screenKey, 'cn.gov.example.zwfw/EntryAbility/pages/Index');
  });
});
