/**
 * The HarmonyOS driver through real Appium 3 and WebdriverIO, against the simulated hdc: session start
 * installs and launches the sample HAP, then page source (XML with ArkUI types), find by xpath, id and
 * text, click, back, screenshot, app state and the `mobile:` probes. Run under
 * `flock /tmp/govapp-audit-e2e.lock` like every test that starts Appium.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarmonyAppium, type HarmonyAppiumRun } from './harmonyos-appium.js';

void describe('appium-harmonyos-driver in Appium 3 with WebdriverIO', () => {
  let run: HarmonyAppiumRun;

  before(async () => {
    run = await startHarmonyAppium();
  });

  after(async () => {
    await run?.stop();
  });

  void it('installs and launches the submitted HAP at session start', () => {
    assert.ok(run.sim.sim.device.packages.has('cn.gov.example.zwfw'));
    assert.equal(run.sim.sim.device.foreground(), 'cn.gov.example.zwfw');
    console.log(`session start: ${run.sessionStartMs} ms, ${run.sim.sim.counters.hdc} hdc calls`);
  });
  void it('serves the page source as XML with ArkUI component types and the window root', async () => {
    const source = await run.browser.getPageSource();
    assert.match(source, /^<\?xml/);
    assert.match(source, /<root [^>]*bundleName="cn\.gov\.example\.zwfw"[^>]*pagePath="pages\/Index"/);
    assert.match(source, /<Button [^>]*text="签到打卡"/);
    const raw = JSON.parse(await run.browser.execute<string, [object]>('mobile: dumpLayout', {})) as { children: unknown[] };
    assert.ok(raw.children.length >= 1, 'the raw dumpLayout JSON is kept as evidence');
  });

  void it('dumps a layout in two hdc calls, leaving one dump file on the device at most', async () => {
    const { counters, files } = run.sim.sim;
    const calls = counters.hdc;
    for (let i = 0; i < 3; i++) await run.browser.getPageSource();
    assert.equal(counters.hdc - calls, 6, 'uitest dumpLayout (removing the previous file) and file recv');
    assert.equal([...files.keys()].filter((f) => f.startsWith('/data/local/tmp/') && f.endsWith('.json')).length, 1);
  });

  void it('finds by xpath, id and text, and clicks through to the next page', async () => {
    const byXpath = run.browser.$('//Button[@text="签到打卡"]');
    assert.equal(await byXpath.getText(), '签到打卡');
    const byId = await run.browser.findElement('id', 'btn_rank');
    assert.ok(byId);
    const all = await run.browser.findElements('-harmony text', '办事服务');
    assert.equal(all.length, 1);
    await byXpath.click();
    assert.match(await run.browser.getPageSource(), /pagePath="pages\/CheckIn"/);
    await run.browser.back();
    assert.match(await run.browser.getPageSource(), /pagePath="pages\/Index"/);
  });

  void it('reports a missing element as no such element', async () => {
    await assert.rejects(run.browser.findElement('id', 'no_such_id').then((el) => {
      if ('error' in (el as object)) throw new Error((el as unknown as { error: string }).error);
      return el;
    }), /no such element/);
  });

  void it('takes a PNG screenshot', async () => {
    const png = Buffer.from(await run.browser.takeScreenshot(), 'base64');
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.ok(png.length > 5000);
  });

  void it('knows app state and runs the mobile: probes', async () => {
    assert.equal(await run.browser.queryAppState('cn.gov.example.zwfw'), 4);
    const memory = await run.browser.execute<{ pssTotalKb: number }, [object]>('mobile: memoryInfo', {});
    assert.ok(memory.pssTotalKb > 0);
    const permissions = await run.browser.execute<{ name: string; granted?: boolean }[], [object]>('mobile: getPermissions', {});
    assert.ok(permissions.some((p) => p.name === 'ohos.permission.LOCATION_IN_BACKGROUND'));
    const cold = await run.browser.execute<{ method: string; startMode: string; totalTimeMs: number }, [object]>('mobile: coldStart', {});
    assert.equal(cold.method, 'aa start -W');
    assert.equal(cold.startMode, 'Cold');
    assert.ok(cold.totalTimeMs >= 1400);
    assert.match(await run.browser.getDeviceTime(), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  });
});
